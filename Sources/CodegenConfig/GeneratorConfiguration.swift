import OpenAPIModel
import SpecDiagnostics
import SwiftEmitter
import YAMLReader

/// Every choice one generator run makes, whoever made it: the built-in defaults, then the config
/// file (``load(contentsOf:)``), then the command line (``CommandLineOverrides``), each later one
/// winning. The CLI, the build plugin (which passes the config file beside the spec) and the
/// command plugin all end up here.
public struct GeneratorConfiguration: Hashable, Sendable {
    /// The access level of generated declarations (config key `accessLevel`, `--access-level`).
    public var accessLevel: EmitterOptions.AccessLevel
    /// The name of the generated client type; derived from the spec's title when `nil`
    /// (config key `clientName`, `--client-name`).
    public var clientName: String?
    /// Swift names chosen by the user (config key `nameOverrides`), keyed by what they name: a
    /// schema's JSON Pointer such as `#/components/schemas/Analysis`, or an `operationId`.
    public var nameOverrides: [String: String]
    /// Whether a warning fails the run like an error (config key `warningsAsErrors`,
    /// `--warnings-as-errors`); see ``runFails(with:)``.
    public var warningsAsErrors: Bool
    /// Bounds on reading the spec (config keys under `limits`).
    public var readerLimits: ReaderLimits
    /// Bounds on building the model (config key `limits.maxAllOfDepth`).
    public var modelLimits: ModelLimits
    /// The part of the spec to generate (config key `filter`: `tags`, `operations`, `paths`);
    /// empty for all of it.
    public var filter = OperationFilter()
    /// How many files each large generated file is cut into (`spec-codegen generate --parts`, which
    /// the build plugin passes; not a config key, since the plugin must know it without reading the file).
    public var fileParts: FileParts = .automatic

    public init(
        accessLevel: EmitterOptions.AccessLevel = .public,
        clientName: String? = nil,
        nameOverrides: [String: String] = [:],
        warningsAsErrors: Bool = false,
        readerLimits: ReaderLimits = .default,
        modelLimits: ModelLimits = .default
    ) {
        self.accessLevel = accessLevel
        self.clientName = clientName
        self.nameOverrides = nameOverrides
        self.warningsAsErrors = warningsAsErrors
        self.readerLimits = readerLimits
        self.modelLimits = modelLimits
    }

    /// The built-in defaults, what an empty config file and no options give.
    public static let `default` = GeneratorConfiguration()

    /// The config files looked for beside the spec, in this order; the first present one is read.
    public static let fileNames = ["spec-codegen.yaml", ".spec-codegen.yaml"]

    /// The keys a config file may hold at its top level, in documentation order.
    public static let fileKeys: [String] = ConfigKey.allCases.map(\.rawValue)

    /// The keys a config file may hold under `limits`, in documentation order.
    public static let limitKeys: [String] = LimitKey.allCases.map(\.rawValue)

    /// What the emitter needs of this configuration.
    public var emitterOptions: EmitterOptions {
        EmitterOptions(accessLevel: accessLevel, clientName: clientName, nameOverrides: nameOverrides, fileParts: fileParts)
    }

    /// The config file a run reads: `explicit` when given (a missing file is then an error when
    /// loading it), else the first of ``fileNames`` in the spec's folder for which `fileExists`
    /// holds, else `nil` (the defaults apply).
    public static func filePath(explicit: String?, besideSpec spec: String, fileExists: (String) -> Bool) -> String? {
        if let explicit { return explicit }
        let folder = spec.lastIndex(of: "/").map { String(spec[...$0]) } ?? ""
        return fileNames.map { folder + $0 }.first(where: fileExists)
    }

    /// Whether a run that found `diagnostics` (the model's and the emitter's) must fail, with
    /// exit status 1 and nothing written: any error fails it, and so does any warning when
    /// ``warningsAsErrors`` is set. Notes never do.
    public func runFails(with diagnostics: [Diagnostic]) -> Bool {
        diagnostics.contains { $0.severity == .error || (warningsAsErrors && $0.severity == .warning) }
    }
}
