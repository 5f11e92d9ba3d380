import ArgumentParser
import Conformance
import Foundation
@_spi(Contract) import KallglotAPI
import OpenAPIModel
import SpecRuntime

/// `spec-conformance`: runs the contract checks of `swift test` on HAR files given on the
/// command line (recordings from a live server), against the SDK in `Generated/`.
@main
struct SpecConformance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spec-conformance",
        abstract: "Check recorded HAR exchanges against the spec and the generated SDK.")

    @Option(help: "The spec the SDK was generated from.")
    var spec = "spec/openapi.yaml"

    @Option(help: "Environment variable holding the webhook signing secret (never passed on the command line).")
    var webhookSecretEnvironment = "KALLGLOT_WEBHOOK_SECRET"

    @Argument(help: "HAR files, or folders to search for .har files.")
    var paths: [String]

    func run() async throws {
        let loaded = SpecLoader.load(contentsOf: spec)
        guard let document = loaded.document, !loaded.hasErrors else {
            for diagnostic in loaded.diagnostics { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
            throw ExitCode(1)
        }
        let secret = ProcessInfo.processInfo.environment[webhookSecretEnvironment].map { WebhookSecret($0) }
        let suite = ConformanceSuite(
            document: document, operations: KallglotAnalysisClient.contractOperations,
            webhookEvents: KallglotAnalysisWebhooks.contractEvents, webhookSecret: secret)
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                files += ConformanceSuite.fixtureFiles(under: path).map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        var passed = 0
        var failed = 0
        for file in files {
            for result in await suite.check(fileAt: file, named: file) {
                if result.passed {
                    passed += 1
                } else {
                    failed += 1
                    for failure in result.failures { print(failure) }
                }
            }
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 || passed == 0 { throw ExitCode(1) }
    }
}
