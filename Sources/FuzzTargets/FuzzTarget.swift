import Foundation

/// One entry point that libFuzzer (or a corpus replay) drives with arbitrary bytes.
///
/// A target returns normally for any input the code under test handles, however broken the input
/// is. It throws ``FuzzFinding`` when an invariant the code promises does not hold; under
/// libFuzzer a finding aborts so that the input is saved as a crash. A crash of the code itself
/// (a trap, an ASan report) is caught by the sanitizer runtime.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// YAML/JSON bytes through the reader into a node tree.
    case yamlReader = "yaml-reader"
    /// Spec text through reader, model and checks, and, when it has no errors, Swift emission.
    case specModel = "spec-model"
    /// A HAR recording through the archive reader and the conformance checks of the project's spec.
    case harArchive = "har-archive"
    /// A webhook delivery (header line, newline, body) through the signature verifier.
    case webhookVerifier = "webhook-verifier"
    /// A response body through every generated model's decoding, validation and re-encoding.
    case modelDecoding = "model-decoding"
    /// A `pattern` and a text through the linear-time regular expression engine.
    case pattern
    /// A schema and an instance: generated validators and the schema interpreter must agree.
    case schemaDifferential = "schema-differential"

    /// Runs the target on one input.
    public func run(_ input: Data) throws(FuzzFinding) {
        switch self {
        case .yamlReader: try YAMLReaderTarget.run(input)
        case .specModel: try SpecModelTarget.run(input)
        case .harArchive: try HARArchiveTarget.run(input)
        case .webhookVerifier: try WebhookVerifierTarget.run(input)
        case .modelDecoding: try ModelDecodingTarget.run(input)
        case .pattern: try PatternTarget.run(input)
        case .schemaDifferential: try SchemaDifferentialTarget.run(input)
        }
    }
}

/// An invariant that did not hold for an input: a bug, even though nothing crashed.
public struct FuzzFinding: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// The repository this file was built from, for targets that need the project's spec.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
