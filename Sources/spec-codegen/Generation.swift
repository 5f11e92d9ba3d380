import ArgumentParser
import Foundation
import OpenAPIModel
import SpecDiagnostics
import SwiftEmitter
import YAMLReader

/// One run of the generator: options resolved against the config file, the spec loaded and
/// checked (diagnostics to standard error), and the files emitted, compared or written.
struct Generation {
    let spec: String
    let emitterOptions: EmitterOptions
    let readerLimits: ReaderLimits
    let modelLimits: ModelLimits

    init(options: SharedOptions) throws {
        spec = options.spec
        var settings = try GeneratorConfig.load(explicit: options.config, besideSpec: options.spec)
        if let level = options.accessLevel { settings.accessLevel = level }
        if let name = options.clientName { settings.clientName = name }
        guard let access = EmitterOptions.AccessLevel(rawValue: settings.accessLevel ?? "public") else {
            throw ValidationError("access level must be public, internal or package, not '\(settings.accessLevel ?? "")'")
        }
        emitterOptions = EmitterOptions(accessLevel: access, clientName: settings.clientName)
        readerLimits = settings.readerLimits
        modelLimits = settings.modelLimits
    }

    /// Loads the spec and prints its diagnostics to standard error, sorted, like a compiler.
    func load() -> SpecLoader.Result {
        let result = SpecLoader.load(contentsOf: spec, limits: readerLimits, modelLimits: modelLimits)
        for diagnostic in result.diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        return result
    }

    /// The files for the spec; exits with status 1 when the spec has errors, writing nothing.
    func generate() throws -> [GeneratedFile] {
        let result = load()
        guard let document = result.document, !result.hasErrors else {
            let count = result.diagnostics.filter { $0.severity == .error }.count
            FileHandle.standardError.write(Data("\(spec): \(count) error\(count == 1 ? "" : "s"); nothing generated\n".utf8))
            throw ExitCode(1)
        }
        return SwiftFileEmitter.emit(document, options: emitterOptions).files
    }

    /// The names of files whose bytes on disk differ from `files` (or are missing).
    static func staleFiles(_ files: [GeneratedFile], in folder: String) -> [String] {
        files.filter { file in
            let path = (folder as NSString).appendingPathComponent(file.name)
            return FileManager.default.contents(atPath: path) != Data(file.contents.utf8)
        }.map(\.name)
    }

    /// Writes the files whose bytes changed, so that unchanged files keep their timestamps (and
    /// the build does not recompile them). Returns the names written.
    static func write(_ files: [GeneratedFile], to folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let stale = Set(staleFiles(files, in: folder))
        for file in files where stale.contains(file.name) {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(file.name)
            try Data(file.contents.utf8).write(to: url, options: .atomic)
        }
        return files.map(\.name).filter(stale.contains)
    }
}
