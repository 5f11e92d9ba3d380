import Dispatch
import OpenAPIModel
import SpecDiagnostics
import SwiftSource

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

    /// How many files each of `Models`, `Validators` and `Client` is written as.
    public var fileParts: FileParts

    public init(
        accessLevel: AccessLevel = .public, clientName: String? = nil, nameOverrides: [String: String] = [:], fileParts: FileParts = .automatic
    ) {
        self.accessLevel = accessLevel
        self.clientName = clientName
        self.nameOverrides = nameOverrides
        self.fileParts = fileParts
    }
}

/// How many files a large generated file is cut into. The Swift compiler's time per line grows
/// with the size of the file it compiles (LLVM works on one module per file), and files are what it
/// compiles in parallel; so `Models.swift` of a large spec compiles faster as `Models.swift`,
/// `Models.2.swift`, … each holding whole top-level declarations.
public enum FileParts: Hashable, Sendable {
    /// As many as keep each part near ``SwiftFileEmitter/partByteBudget(of:)``: one for all but large specs.
    case automatic
    /// Exactly this many parts of each of `Models`, `Validators` and `Client` (at least one; a part
    /// may hold no declaration), for a build plugin, which names its output files before the spec is read.
    case count(Int)

    /// The number of parts of the file `name` of `byteCount` bytes.
    func count(of name: String, byteCount: Int) -> Int {
        switch self {
        case .automatic:
            let budget = SwiftFileEmitter.partByteBudget(of: name)
            return max(1, (byteCount + budget - 1) / budget)
        case .count(let count): return max(1, count)
        }
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
    /// The files every run writes with one part each, whatever the spec holds.
    public static let fileNames = ["Models.swift", "Validators.swift", "Client.swift", "Webhooks.swift"]

    /// The files that can be cut into parts (``FileParts``), in ``fileNames`` order; `Webhooks.swift`
    /// is always one file.
    public static let splitFileNames = ["Models.swift", "Validators.swift", "Client.swift"]

    /// The size a part of the file `name` aims at under ``FileParts/automatic``, in UTF-8 bytes.
    /// Measured on the generated code of large specs (BENCHMARKS.md, "compile time of generated
    /// code in parts"): parts of about 256 KiB (8,000 lines) compile several times faster per line
    /// than files of 150,000 lines, and smaller parts gain nothing more. A byte of `Models` costs
    /// about twice a byte of `Client` or `Validators`, so its parts are half as large: SwiftPM
    /// compiles files in batches of equal file counts, which then take about equal time.
    public static func partByteBudget(of name: String) -> Int {
        name == "Models.swift" ? 128 * 1024 : 256 * 1024
    }

    /// The files a run with `.count(parts)` writes, in order, so that a build plugin can declare its
    /// outputs before the spec is read: `Models.swift`, `Models.2.swift`, … `Models.<parts>.swift`,
    /// the same for `Validators` and `Client`, then `Webhooks.swift`.
    public static func fileNames(parts: Int) -> [String] {
        fileNames.flatMap { name in
            splitFileNames.contains(name) ? (1...max(1, parts)).map { partName(of: name, part: $0) } : [name]
        }
    }

    /// The name of part `part` (from 1) of the file `name`: `Models.swift` for the first,
    /// `Models.2.swift` for the second.
    public static func partName(of name: String, part: Int) -> String {
        part == 1 ? name : String(name.dropLast(".swift".count)) + ".\(part).swift"
    }

    /// Whether `name` is one of ``partName(of:part:)``'s names past the first (`Models.2.swift`).
    public static func isPartName(_ name: String) -> Bool {
        splitFileNames.contains { file in
            let stem = file.dropLast(".swift".count) + "."
            guard name.hasPrefix(stem), name.hasSuffix(".swift") else { return false }
            let number = name.dropFirst(stem.count).dropLast(".swift".count)
            return !number.isEmpty && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber) && number.first != "0"
        }
    }

    /// Emits every file of ``fileNames``, in that order (each cut into parts as
    /// `options.fileParts` says), with the emitter's diagnostics. The output depends only on
    /// `document` and `options`: the same input gives byte-identical files.
    public static func emit(_ document: OpenAPIDocument, options: EmitterOptions = EmitterOptions()) -> Emission {
        let planning = DiagnosticSink()
        let context = EmissionContext(document: document, options: options, diagnostics: planning)
        let emitters: [@Sendable (EmissionContext) -> SourceWriter] = [
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
            let writer = emitters[index](context.reporting(to: sinks[index]))
            let name = fileNames[index]
            let parts = splitFileNames.contains(name) ? options.fileParts.count(of: name, byteCount: writer.byteCount) : 1
            slots.buffer[index] = writer.parts(count: parts).enumerated().map { part, contents in
                GeneratedFile(name: partName(of: name, part: part + 1), contents: contents)
            }
        }
        let files = Array(slots.buffer.joined())
        var diagnostics: [Diagnostic] = []
        var seen: Set<Diagnostic> = []
        for diagnostic in ([planning] + sinks).flatMap(\.diagnostics) where seen.insert(diagnostic).inserted {
            diagnostics.append(diagnostic)
        }
        return Emission(files: files, diagnostics: diagnostics)
    }
}

/// One slot per file (its parts), each written by exactly one of the concurrent emitters and read
/// after all of them have finished.
private struct FileSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<[GeneratedFile]>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: [])
    }
}
