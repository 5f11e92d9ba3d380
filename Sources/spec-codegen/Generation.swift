import ArgumentParser
import CodegenConfig
import OpenAPIModel
import SpecDiagnostics
import SwiftEmitter

// Not all of Foundation where FoundationEssentials exists: loading Foundation and ICU would cost each run ~8 ms.
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One run of the generator: the configuration resolved (defaults, config file, command line),
/// the spec loaded and checked, the files emitted when the spec has no errors, and every
/// diagnostic printed to standard error.
struct Generation {
    let spec: String
    var configuration: GeneratorConfiguration

    /// What loading and emitting gave: the files (`nil` when the spec has errors) and all the
    /// diagnostics of the model and the emitter, sorted for display.
    struct Outcome {
        var files: [GeneratedFile]?
        var diagnostics: [Diagnostic]
    }

    init(options: SharedOptions) throws {
        spec = options.spec
        let path = GeneratorConfiguration.filePath(explicit: options.config, besideSpec: options.spec) {
            FileManager.default.fileExists(atPath: $0)
        }
        let fromFile: GeneratorConfiguration
        do {
            fromFile = try path.map(GeneratorConfiguration.load(contentsOf:)) ?? .default
        } catch {
            for diagnostic in error.diagnostics { Self.printError(diagnostic.description) }
            throw ExitCode(1)
        }
        do {
            configuration = try options.overrides.applied(to: fromFile)
        } catch {
            throw ValidationError(error.diagnostics.map(\.message).joined(separator: "\n"))
        }
    }

    /// Loads the spec, emits it when it has no errors, and prints every diagnostic to standard
    /// error, sorted, like a compiler.
    func run() -> Outcome {
        let result = SpecLoader.load(contentsOf: spec, limits: configuration.readerLimits, modelLimits: configuration.modelLimits)
        var outcome = Outcome(files: nil, diagnostics: result.diagnostics)
        if let full = result.document, !result.hasErrors {
            let document = full.filtered(by: configuration.filter)
            if !configuration.filter.isEmpty, document.operations.isEmpty {
                outcome.diagnostics.append(.warning("the config's filter selects no operation of the spec", at: nil))
            }
            let emission = SwiftFileEmitter.emit(document, options: configuration.emitterOptions)
            outcome.files = emission.files
            outcome.diagnostics = (outcome.diagnostics + emission.diagnostics).sortedForDisplay()
        }
        for diagnostic in outcome.diagnostics { Self.printError(diagnostic.description) }
        return outcome
    }

    /// The files for the spec; exits with status 1 when the run fails (an error, or a warning
    /// under `warningsAsErrors`), writing nothing.
    func generate() throws -> [GeneratedFile] {
        let outcome = run()
        guard let files = outcome.files, !configuration.runFails(with: outcome.diagnostics) else {
            let errors = outcome.diagnostics.filter { $0.severity == .error }.count
            let warnings = outcome.diagnostics.filter { $0.severity == .warning }.count
            if errors == 0 && warnings > 0 && configuration.warningsAsErrors {
                Self.printError("\(spec): \(warnings) warning\(warnings == 1 ? "" : "s"), and warnings are errors (warningsAsErrors); nothing generated")
            } else {
                Self.printError("\(spec): \(errors) error\(errors == 1 ? "" : "s"); nothing generated")
            }
            throw ExitCode(1)
        }
        return files
    }

    static func printError(_ line: String) {
        var text = line + "\n"
        #if canImport(Glibc)
            text.withUTF8 { bytes in _ = Glibc.write(2, bytes.baseAddress, bytes.count) }
        #elseif canImport(Musl)
            text.withUTF8 { bytes in _ = Musl.write(2, bytes.baseAddress, bytes.count) }
        #elseif canImport(Darwin)
            text.withUTF8 { bytes in _ = Darwin.write(2, bytes.baseAddress, bytes.count) }
        #endif
    }

    /// `name` inside `folder`, as `NSString.appendingPathComponent` joins them.
    static func path(_ name: String, in folder: String) -> String {
        folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The names of files whose bytes on disk differ from `files` (or are missing).
    static func staleFiles(_ files: [GeneratedFile], in folder: String) -> [String] {
        files.filter { file in
            let path = Generation.path(file.name, in: folder)
            return FileManager.default.contents(atPath: path) != Data(file.contents.utf8)
        }.map(\.name)
    }

    /// Writes the files whose bytes changed, so that unchanged files keep their timestamps (and
    /// the build does not recompile them), and removes the parts an earlier run wrote that this
    /// one does not (they would declare everything twice). Returns the names written.
    static func write(_ files: [GeneratedFile], to folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let stale = Set(staleFiles(files, in: folder))
        for file in files where stale.contains(file.name) {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(file.name)
            try Data(file.contents.utf8).write(to: url, options: .atomic)
        }
        for name in leftoverParts(files, in: folder) {
            try FileManager.default.removeItem(atPath: path(name, in: folder))
        }
        return files.map(\.name).filter(stale.contains)
    }

    /// The files in `folder` named as parts of a generated file (`Models.2.swift`) that are not
    /// among `files`: what an earlier run with more parts left behind.
    static func leftoverParts(_ files: [GeneratedFile], in folder: String) -> [String] {
        let names = Set(files.map(\.name))
        let present = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return present.filter { !names.contains($0) && SwiftFileEmitter.isPartName($0) }.sorted()
    }
}
