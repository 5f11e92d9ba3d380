import Foundation
import OpenAPIModel
import SpecCore
import Testing
import YAMLReader

/// Draft 2020-12 cases, one data file per keyword (`JSONSchemaSuite/<keyword>.json`), each run
/// through the model path a spec takes: the schema becomes a component of a small OpenAPI
/// document, is read and registered, and every case's instance is evaluated against it. Adding a
/// case to a file adds it to the run. References inside a case's schema name the component root as
/// `#/components/schemas/S`.
@Suite struct JSONSchemaSuiteTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("JSONSchemaSuite")

    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    /// One instance of one case group, with what JSON Schema says of it.
    struct Outcome: CustomStringConvertible {
        var file: String
        var group: String
        var test: String
        var expected: Bool
        var actual: Bool
        var failures: [String]

        var description: String {
            "\(file): \(group) / \(test): expected \(expected ? "valid" : "invalid"), got \(actual ? "valid" : "invalid") \(failures)"
        }
    }

    static func outcomes(of file: String) throws -> [Outcome] {
        let url = folder.appendingPathComponent(file)
        let suite = JSONLiteral(try YAMLParser().read(contentsOf: url.path))
        guard case .array(let groups) = suite else { throw SuiteError(file: file, reason: "the file is not an array of groups") }
        var outcomes: [Outcome] = []
        for group in groups {
            guard case .string(let title)? = group["description"], let schema = group["schema"],
                case .array(let tests)? = group["tests"]
            else {
                throw SuiteError(file: file, reason: "a group needs description, schema and tests: \(group)")
            }
            let text =
                #"{"openapi":"3.1.0","info":{"title":"suite","version":"1"},"paths":{},"components":{"schemas":{"S":"#
                + schema.description + "}}}"
            let loaded = SpecLoader.load(text: text, file: file)
            guard let document = loaded.document, let root = document.schemaRegistry["#/components/schemas/S"] else {
                throw SuiteError(file: file, reason: "\(title): the schema was not read: \(loaded.diagnostics)")
            }
            let evaluator = SchemaEvaluator(registry: document.schemaRegistry)
            for test in tests {
                guard case .string(let name)? = test["description"], let data = test["data"], case .bool(let valid)? = test["valid"] else {
                    throw SuiteError(file: file, reason: "\(title): a test needs description, data and valid: \(test)")
                }
                let failures = evaluator.failures(of: data, against: root)
                outcomes.append(
                    Outcome(
                        file: file, group: title, test: name, expected: valid, actual: failures.isEmpty,
                        failures: failures.map(\.description)))
            }
        }
        return outcomes
    }

    struct SuiteError: Error, CustomStringConvertible {
        var file: String
        var reason: String
        var description: String { "\(file): \(reason)" }
    }

    @Test func everyKeywordHasCases() {
        #expect(Self.files.count >= 20, "found \(Self.files)")
    }

    @Test(arguments: files)
    func instancesAreValidExactlyWhenJSONSchemaSaysSo(file: String) throws {
        let outcomes = try Self.outcomes(of: file)
        #expect(!outcomes.isEmpty)
        for outcome in outcomes where outcome.expected != outcome.actual {
            Issue.record("\(outcome)")
        }
    }
}
