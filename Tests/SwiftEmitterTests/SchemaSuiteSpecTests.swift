import Foundation
import SpecCore
import Testing

/// Derives `Tests/Golden/json-schema-suite.yaml` from the JSON Schema case files
/// (`Tests/OpenAPIModelTests/JSONSchemaSuite/*.json`): each case group becomes a component
/// `<File>Case<N>` and a holder object `<File>Case<N>Holder` whose required `value` is it, so the
/// golden behaviour tests can run every instance through the *generated* validators. The index
/// `Tests/GoldenUsage/SchemaSuiteIndex/SuiteIndex.swift` maps each group to its holder type. Adding a case
/// to a file and running `UPDATE_GOLDEN=1` (then `scripts/update-golden.sh`) adds it to that run.
@Suite struct SchemaSuiteSpecTests {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let suiteFolder = tests.appendingPathComponent("OpenAPIModelTests/JSONSchemaSuite")
    static let specURL = tests.appendingPathComponent("Golden/json-schema-suite.yaml")
    static let indexURL = tests.appendingPathComponent("GoldenUsage/SchemaSuiteIndex/SuiteIndex.swift")

    /// `ifThenElse.json` → `IfThenElse`.
    static func typeStem(_ file: String) -> String {
        let stem = file.hasSuffix(".json") ? String(file.dropLast(5)) : file
        return stem.prefix(1).uppercased() + stem.dropFirst()
    }

    /// References to the harness's root `#/components/schemas/S` name the group's component, and
    /// anchors get the component's name as a prefix, so groups cannot see each other's.
    static func renamed(_ value: JSONLiteral, component: String) -> JSONLiteral {
        switch value {
        case .array(let items): return .array(items.map { renamed($0, component: component) })
        case .object(let members):
            return .object(
                members.map { member in
                    switch (member.key, member.value) {
                    case ("$ref", .string(let reference)):
                        if reference == "#/components/schemas/S" || reference.hasPrefix("#/components/schemas/S/") {
                            return (member.key, .string("#/components/schemas/" + component + reference.dropFirst("#/components/schemas/S".count)))
                        }
                        if reference.hasPrefix("#"), !reference.hasPrefix("#/") {
                            return (member.key, .string("#" + component + "_" + reference.dropFirst()))
                        }
                        return member
                    case ("$anchor", .string(let anchor)): return (member.key, .string(component + "_" + anchor))
                    default: return (member.key, renamed(member.value, component: component))
                    }
                })
        default: return value
        }
    }

    static func derived() throws -> (spec: String, index: String) {
        let files = try FileManager.default.contentsOfDirectory(atPath: suiteFolder.path).filter { $0.hasSuffix(".json") }.sorted()
        var components: [String] = []
        var entries: [String] = []
        for file in files {
            let text = try String(contentsOf: suiteFolder.appendingPathComponent(file), encoding: .utf8)
            guard case .array(let groups) = try JSONParser().parse(text) else { continue }
            for (index, group) in groups.enumerated() {
                guard let schema = group["schema"] else { continue }
                let name = "\(typeStem(file))Case\(index)"
                components.append("    \(JSONLiteral.quoted(name)): \(renamed(schema, component: name).description)")
                components.append(
                    "    \(JSONLiteral.quoted(name + "Holder")): "
                        + ##"{"type":"object","required":["value"],"properties":{"value":{"$ref":"#/components/schemas/"##
                        + name + ##""}}}"##)
                entries.append(
                    "    \(JSONLiteral.quoted("\(file)#\(index)")): SuiteGroup(\(JSONLiteral.quoted(name + "Holder"))) { verdict(\(name)Holder.self, $0) },")
            }
        }
        let spec = """
            # Derived from Tests/OpenAPIModelTests/JSONSchemaSuite by SchemaSuiteSpecTests (UPDATE_GOLDEN=1). Do not edit.
            {"openapi": "3.1.0", "info": {"title": "JSON Schema suite", "version": "1"}, "paths": {}, "components": {"schemas": {
            \(components.joined(separator: ",\n"))
            }}}

            """
        let index = """
            // Derived from Tests/OpenAPIModelTests/JSONSchemaSuite by SchemaSuiteSpecTests (UPDATE_GOLDEN=1). Do not edit.
            // swift-format-ignore-file
            import Foundation
            import GoldenJSONSchemaSuite

            /// Each case group (`file#index`) with its holder schema and the check of one instance:
            /// decoded into the group's holder and validated by the generated validators.
            public let suiteGroups: [String: SuiteGroup] = [
            \(entries.joined(separator: "\n"))
            ]

            """
        return (spec, index)
    }

    @Test func theSuiteSpecAndIndexAreDerivedFromTheCaseFiles() throws {
        let (spec, index) = try Self.derived()
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.indexURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try spec.write(to: Self.specURL, atomically: true, encoding: .utf8)
            try index.write(to: Self.indexURL, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOf: Self.specURL, encoding: .utf8) == spec, "rerun with UPDATE_GOLDEN=1")
        #expect(try String(contentsOf: Self.indexURL, encoding: .utf8) == index, "rerun with UPDATE_GOLDEN=1")
    }
}
