import CodegenConfig
import SwiftEmitter
import Testing
import YAMLReader

/// The JSON Schema of the config file says what the loader reads: the same keys, no others,
/// the same access levels and the same defaults.
@Suite struct SchemaTests {
    static let path = "Sources/CodegenConfig/spec-codegen.schema.json"

    /// The schema, read with the project's own reader (JSON is YAML).
    static func schema() throws -> YAMLNode {
        let text = try #require(InputFiles.repositoryFile(path), "cannot read \(path)")
        return try YAMLParser().parse(text, file: path)
    }

    @Test func schemaIsDraft2020_12AndRefusesOtherKeys() throws {
        let schema = try Self.schema()
        #expect(schema["$schema"]?.string == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["additionalProperties"]?.scalar?.value == .bool(false))
        #expect(schema["properties"]?["limits"]?["additionalProperties"]?.scalar?.value == .bool(false))
    }

    @Test func schemaPropertiesAreTheKeysTheLoaderKnows() throws {
        let schema = try Self.schema()
        let top = schema["properties"]?.mapping?.compactMap(\.key.string) ?? []
        let limits = schema["properties"]?["limits"]?["properties"]?.mapping?.compactMap(\.key.string) ?? []
        #expect(Set(top) == Set(GeneratorConfiguration.fileKeys))
        #expect(Set(limits) == Set(GeneratorConfiguration.limitKeys))
        #expect(top.count == GeneratorConfiguration.fileKeys.count)
        #expect(limits.count == GeneratorConfiguration.limitKeys.count)
    }

    @Test func everyKeyOfTheSchemaHasADescription() throws {
        let schema = try Self.schema()
        let properties = (schema["properties"]?.mapping ?? []) + (schema["properties"]?["limits"]?["properties"]?.mapping ?? [])
        #expect(properties.count == GeneratorConfiguration.fileKeys.count + GeneratorConfiguration.limitKeys.count)
        for property in properties {
            #expect(property.value["description"]?.string?.isEmpty == false, "\(property.key) has no description")
        }
    }

    @Test func schemaAccessLevelsAreTheEmittersAccessLevels() throws {
        let levels = try Self.schema()["properties"]?["accessLevel"]?["enum"]?.sequence?.compactMap(\.string)
        #expect(levels == EmitterOptions.AccessLevel.allCases.map(\.rawValue))
    }

    /// A config file written from the schema's defaults is the built-in defaults.
    @Test func schemaDefaultsAreTheBuiltInDefaults() throws {
        let schema = try Self.schema()
        var text = ""
        for entry in schema["properties"]?.mapping ?? [] {
            guard let key = entry.key.string, let value = entry.value["default"]?.scalar?.text else { continue }
            text += "\(key): \(value)\n"
        }
        text += "limits:\n"
        let limits = schema["properties"]?["limits"]?["properties"]?.mapping ?? []
        for entry in limits {
            let key = try #require(entry.key.string)
            let value = try #require(entry.value["default"]?.scalar?.text, "limit \(key) has no default")
            text += "  \(key): \(value)\n"
        }
        #expect(text.contains("accessLevel: public\n") && text.contains("warningsAsErrors: false\n"))
        #expect(try GeneratorConfiguration.parse(text, file: "defaults.yaml") == .default)
    }
}
