import Foundation
import OpenAPIModel
import SpecDiagnostics
import Testing

/// Each `Diagnostics/NAME.yaml` is a spec with problems and `NAME.expected` the exact diagnostics
/// it must produce, all in one run. Adding a pair adds a case; `UPDATE_GOLDEN=1` rewrites the
/// expected files after a reviewed change.
@Suite struct DiagnosticGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Diagnostics")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    @Test(arguments: names)
    func specProducesExactlyTheExpectedDiagnostics(name: String) throws {
        let path = Self.folder.appendingPathComponent(name + ".yaml").path
        let rendered =
            SpecLoader.load(contentsOf: path).diagnostics
            .map { $0.description.replacingOccurrences(of: Self.folder.path + "/", with: "") }
            .joined(separator: "\n") + "\n"
        let expectedURL = Self.folder.appendingPathComponent(name + ".expected")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try rendered.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        #expect(rendered == (try String(contentsOf: expectedURL, encoding: .utf8)))
    }

    /// Cases whose findings are warnings only: JSON Schema lets an example or default break its schema.
    static let warningOnly: Set<String> = ["example-and-default-break-schema"]

    @Test func everyCaseHasAtLeastOneErrorOrIsKnownToWarnOnly() {
        for name in Self.names {
            let result = SpecLoader.load(contentsOf: Self.folder.appendingPathComponent(name + ".yaml").path)
            if Self.warningOnly.contains(name) {
                #expect(!result.hasErrors && result.diagnostics.contains { $0.severity == .warning }, "\(name) should only warn")
            } else {
                #expect(result.hasErrors, "\(name) should fail")
            }
        }
    }
}
