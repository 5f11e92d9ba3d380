import Foundation
import GoldenSchemaSuiteIndex
import SpecCore
import SpecRuntime
import Testing

/// The JSON Schema case files (`Tests/OpenAPIModelTests/JSONSchemaSuite`), every instance decoded
/// into the generated type of its group and validated by the generated validators: the verdict must
/// be the one JSON Schema 2020-12 gives.
@Suite struct SchemaSuiteThroughGeneratedCodeTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("OpenAPIModelTests/JSONSchemaSuite")

    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".json") }.sorted()

    @Test(arguments: files)
    func generatedValidatorsAgreeWithJSONSchema(file: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
        guard case .array(let groups) = try JSONParser().parse(text) else {
            Issue.record("\(file) is not an array of groups")
            return
        }
        var checked = 0
        for (index, group) in groups.enumerated() {
            guard let check = suiteGroups["\(file)#\(index)"] else {
                Issue.record("\(file)#\(index) has no generated type: rerun UPDATE_GOLDEN=1 and scripts/update-golden.sh")
                continue
            }
            guard case .array(let tests)? = group["tests"] else { continue }
            for test in tests {
                guard let data = test["data"], case .bool(let expected)? = test["valid"] else { continue }
                let result = check.check(Data(("{\"value\":" + data.description + "}").utf8))
                checked += 1
                if result.isValid != expected {
                    Issue.record(
                        "\(file)#\(index) \(group["description"] ?? .null) / \(test["description"] ?? .null): expected \(expected ? "valid" : "invalid"), got \(result)"
                    )
                }
            }
        }
        #expect(checked > 0)
    }
}
