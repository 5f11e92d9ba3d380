import Foundation
import OpenAPIModel
import Testing

@testable import SwiftEmitter

/// `Tests/GoldenUsage/ModelIndex/ModelIndex.swift` lists, for each golden spec of schemas only
/// (no client, so no contract table), every named schema with a `BodyCodec` of its generated
/// type: the differential fuzz target decodes and validates instances through it. Derived from
/// the emitter's own plan, so a renamed type or a new schema updates it with `UPDATE_GOLDEN=1`.
@Suite struct GoldenModelIndexTests {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let indexURL = tests.appendingPathComponent("GoldenUsage/ModelIndex/ModelIndex.swift")
    /// The golden specs without operations, with the module their output is compiled into.
    static let goldens = [("objects-and-optionality", "GoldenObjectsAndOptionality"), ("enums-and-unions", "GoldenEnumsAndUnions")]

    static func derived() throws -> String {
        var entries: [String] = []
        for (golden, module) in goldens {
            let path = tests.appendingPathComponent("Golden/\(golden).yaml").path
            let document = try #require(SpecLoader.load(contentsOf: path).document, "\(golden).yaml does not load")
            let context = EmissionContext(document: document, options: EmitterOptions(), diagnostics: DiagnosticSink())
            let validating = Set(
                context.plan.declarations.compactMap { declaration -> String? in
                    // An alias validates as what it stands for, which has no `Validatable` conformance of its own.
                    if case .alias = declaration { return nil }
                    return declaration.name
                })
            for named in document.schemas {
                guard case .named(let path)? = context.plan.namedTypes[named.name], path.count == 1, validating.contains(path[0]) else { continue }
                let key = "\(golden)#/components/schemas/\(named.name)"
                // A nullable schema's value is the type or null: an optional, checked when present.
                entries.append(
                    context.plan.admitsNull(named.schema)
                        ? "    \"\(key)\": BodyCodec(\(module).\(path[0])?.self, checkedBy: { body, context in body?.validate(in: &context) }),"
                        : "    \"\(key)\": BodyCodec(\(module).\(path[0]).self),")
            }
        }
        return """
            // Derived from Tests/Golden/*.yaml by GoldenModelIndexTests (UPDATE_GOLDEN=1). Do not edit.
            // swift-format-ignore-file
            import GoldenEnumsAndUnions
            import GoldenObjectsAndOptionality
            @_spi(Generated) import SpecRuntime

            /// The generated type of each named schema of the golden specs without a client, by
            /// `<golden>#/components/schemas/<name>`, as a codec that decodes and validates.
            public let goldenModelCodecs: [String: BodyCodec] = [
            \(entries.joined(separator: "\n"))
            ]

            """
    }

    @Test func theModelIndexIsDerivedFromTheGoldenSpecs() throws {
        let index = try Self.derived()
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try index.write(to: Self.indexURL, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOf: Self.indexURL, encoding: .utf8) == index, "rerun with UPDATE_GOLDEN=1")
    }
}
