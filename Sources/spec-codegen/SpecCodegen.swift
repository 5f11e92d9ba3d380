import ArgumentParser
import CodegenConfig
import SpecDiagnostics
import SwiftEmitter

// Not all of Foundation where FoundationEssentials exists: loading Foundation and ICU would cost each run ~8 ms.
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `spec-codegen`: checks an OpenAPI spec and generates Swift from it.
@main
struct SpecCodegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spec-codegen",
        abstract: "Generate Swift models, validators, an async client and webhook verification from an OpenAPI spec.",
        version: "\(GeneratorVersion.release) (SpecRuntime contract \(GeneratorVersion.runtimeContract))",
        subcommands: [Generate.self, Check.self]
    )
}

struct SharedOptions: ParsableArguments {
    @Argument(help: "The OpenAPI 3.1 or 3.0 document (YAML or JSON).")
    var spec: String

    @Option(
        help: ArgumentHelp(
            "A config file (YAML; keys accessLevel, clientName, nameOverrides, warningsAsErrors or strict, limits).",
            discussion:
                "Default: spec-codegen.yaml or .spec-codegen.yaml beside the spec, when present. Options given here win over the file. Keys and values: Sources/CodegenConfig/spec-codegen.schema.json."
        ))
    var config: String?

    @Option(help: "Access level of generated declarations.")
    var accessLevel: EmitterOptions.AccessLevel?

    @Option(help: "Name of the generated client type (default: from the spec's title).")
    var clientName: String?

    @Flag(
        name: [.customLong("strict"), .customLong("warnings-as-errors")], inversion: .prefixedNo,
        help: "Fail on any warning, as on an error: exit 1, nothing written.")
    var warningsAsErrors: Bool?

    /// What the command line says over the config file.
    var overrides: CommandLineOverrides {
        CommandLineOverrides(accessLevel: accessLevel, clientName: clientName, warningsAsErrors: warningsAsErrors)
    }

    /// Refuses option values the config file would refuse too, before anything is read.
    func validate() throws {
        do {
            _ = try overrides.applied(to: .default)
        } catch {
            throw ValidationError(error.diagnostics.map(\.message).joined(separator: "\n"))
        }
    }
}

/// `--access-level public|internal|package`; `--help` lists the values.
extension EmitterOptions.AccessLevel: ExpressibleByArgument {}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write the generated files into a folder.")

    @OptionGroup var options: SharedOptions

    @Option(help: "The folder to write into.")
    var output: String

    @Flag(help: "Write nothing; exit 1 listing every file that is stale or missing.")
    var check = false

    @Option(
        help: ArgumentHelp(
            "How many files each of Models, Validators and Client is cut into: a number from 1 to \(Self.maximumParts), or auto.",
            discussion:
                "auto (the default) cuts a file into parts of about 256 KB (128 KB for Models), which the compiler builds faster and in parallel. A number writes exactly that many parts (Models.swift, Models.2.swift, …), as the build plugin needs."
        ))
    var parts: String = "auto"

    static let maximumParts = 256

    /// `--parts` read.
    var fileParts: FileParts {
        get throws {
            if parts == "auto" { return .automatic }
            guard let count = Int(parts), (1...Self.maximumParts).contains(count) else {
                throw ValidationError("--parts must be auto or a number from 1 to \(Self.maximumParts), not '\(parts)'")
            }
            return .count(count)
        }
    }

    func validate() throws { _ = try fileParts }

    func run() throws {
        var generation = try Generation(options: options)
        generation.configuration.fileParts = try fileParts
        let files = try generation.generate()
        if check {
            let stale = Generation.staleFiles(files, in: output)
            let leftovers = Generation.leftoverParts(files, in: output)
            if stale.isEmpty && leftovers.isEmpty {
                print("\(output): up to date")
                return
            }
            for name in stale { print("\(Generation.path(name, in: output)) is out of date") }
            for name in leftovers { print("\(Generation.path(name, in: output)) is no longer generated") }
            print("run: swift run spec-codegen generate \(options.spec) --output \(output)" + (parts == "auto" ? "" : " --parts \(parts)"))
            throw ExitCode(1)
        }
        let written = try Generation.write(files, to: output)
        print("\(output): \(written.count) of \(files.count) files written")
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Report the diagnostics of the spec and of emitting it; write nothing.")

    @OptionGroup var options: SharedOptions

    func run() throws {
        let generation = try Generation(options: options)
        let diagnostics = generation.run().diagnostics
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        print("\(options.spec): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if generation.configuration.runFails(with: diagnostics) {
            if errors == 0 { Generation.printError("\(options.spec): warnings are errors (warningsAsErrors)") }
            throw ExitCode(1)
        }
    }
}
