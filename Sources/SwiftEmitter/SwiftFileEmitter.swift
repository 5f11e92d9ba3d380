import Dispatch
import OpenAPIModel
import SpecDiagnostics

/// A Swift source file the emitter produced, named relative to the output folder.
public struct GeneratedFile: Hashable, Sendable {
    public var name: String
    public var contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}

/// What the caller may choose about the emitted code.
public struct EmitterOptions: Hashable, Sendable {
    /// `public` for a library others import, `internal` for code generated into an app target.
    public enum AccessLevel: String, Hashable, Sendable, CaseIterable {
        case `public`, `internal`, package
    }

    public var accessLevel: AccessLevel
    /// The name of the generated client type; derived from the spec's title when `nil`.
    public var clientName: String?
    /// Swift names chosen by the user, by what they name: a schema's JSON Pointer (the pointer in
    /// its `Remark: Generated from`, such as `#/components/schemas/Analysis`) or an `operationId`.
    /// An override is used as written; the namer still reports it when it collides.
    public var nameOverrides: [String: String]

    public init(accessLevel: AccessLevel = .public, clientName: String? = nil, nameOverrides: [String: String] = [:]) {
        self.accessLevel = accessLevel
        self.clientName = clientName
        self.nameOverrides = nameOverrides
    }
}

/// What one emission produced: the files, and what the emitter had to say about the spec
/// (constructs it degraded or dropped, names it had to disambiguate), located in the spec.
public struct Emission: Hashable, Sendable {
    public var files: [GeneratedFile]
    public var diagnostics: [Diagnostic]

    public init(files: [GeneratedFile], diagnostics: [Diagnostic]) {
        self.files = files
        self.diagnostics = diagnostics
    }
}

/// Stage 3: a checked `OpenAPIDocument` (from `OpenAPIModel`) to Swift source files.
public enum SwiftFileEmitter {
    /// The files every run writes, whatever the spec holds, so that a build plugin can declare its
    /// outputs before the spec is read.
    public static let fileNames = ["Models.swift", "Validators.swift", "Client.swift", "Webhooks.swift"]

    /// Emits every file of ``fileNames``, in that order, with the emitter's diagnostics. The output
    /// depends only on `document` and `options`: the same input gives byte-identical files.
    public static func emit(_ document: OpenAPIDocument, options: EmitterOptions = EmitterOptions()) -> Emission {
        let planning = DiagnosticSink()
        let context = EmissionContext(document: document, options: options, diagnostics: planning)
        let emitters: [@Sendable (EmissionContext) -> String] = [
            { ModelEmitter(context: $0).emit() }, { ValidatorEmitter(context: $0).emit() },
            { ClientEmitter(context: $0).emit() }, { WebhookEmitter(context: $0).emit() },
        ]
        // The files are independent once types and names are planned, so they are built and
        // rendered at once, each reporting to a sink of its own; the results are read in a fixed
        // order, so output and diagnostics do not depend on which finishes first.
        let sinks = emitters.map { _ in DiagnosticSink() }
        let slots = FileSlots(count: emitters.count)
        defer {
            _ = slots.buffer.deinitialize()
            slots.buffer.deallocate()
        }
        DispatchQueue.concurrentPerform(iterations: emitters.count) { index in
            slots.buffer[index] = emitters[index](context.reporting(to: sinks[index]))
        }
        let files = zip(fileNames, slots.buffer).map { GeneratedFile(name: $0, contents: $1) }
        var diagnostics: [Diagnostic] = []
        var seen: Set<Diagnostic> = []
        for diagnostic in ([planning] + sinks).flatMap(\.diagnostics) where seen.insert(diagnostic).inserted {
            diagnostics.append(diagnostic)
        }
        return Emission(files: files, diagnostics: diagnostics)
    }
}

/// One slot per file, each written by exactly one of the concurrent emitters and read after all
/// of them have finished.
private struct FileSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<String>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: "")
    }
}
