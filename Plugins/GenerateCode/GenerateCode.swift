import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-code [spec] [output]`: refreshes
/// the committed generated sources (by default `spec/openapi.yaml` into `Generated/`).
@main
struct GenerateCode: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let root = context.package.directoryURL
        let spec = arguments.first.map { root.appending(path: $0) } ?? root.appending(path: "spec/openapi.yaml")
        let output = arguments.dropFirst().first.map { root.appending(path: $0) } ?? root.appending(path: "Generated")
        let process = Process()
        process.executableURL = try context.tool(named: "spec-codegen").url
        process.arguments = ["generate", spec.path, "--output", output.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Diagnostics.error("spec-codegen failed on \(spec.path)")
            throw ExitError()
        }
    }

    struct ExitError: Error {}
}
