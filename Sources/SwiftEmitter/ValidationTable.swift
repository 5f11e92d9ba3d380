import SpecCore
import SwiftSource

/// What the validators of one emitted file share, numbered in order of first use: the distinct
/// `pattern`s (compiled once) and the distinct JSON Schemas embedded for values held as
/// `JSONValue` (read once), with the `$ref` targets those schemas reach.
struct ValidationTable {
    /// The type that holds the compiled patterns in the emitted file.
    var typeName = "ValidationPatterns"

    init(typeName: String = "ValidationPatterns") {
        self.typeName = typeName
    }
    private(set) var sources: [String] = []
    private(set) var schemas: [JSONSchema] = []
    // Positions by value, so that numbering stays linear in the number of uses.
    private var sourceIndex: [String: Int] = [:]
    private var schemaIndex: [JSONSchema: Int] = [:]

    /// The type that holds the embedded schemas (`ValidationPatterns` → `ValidationSchemas`).
    var schemaTypeName: String { typeName.replacing("Patterns", with: "Schemas") }

    mutating func index(of pattern: String) -> Int {
        if let index = sourceIndex[pattern] { return index }
        sources.append(pattern)
        sourceIndex[pattern] = sources.count - 1
        return sources.count - 1
    }

    mutating func index(ofSchema schema: JSONSchema) -> Int {
        if let index = schemaIndex[schema] { return index }
        schemas.append(schema)
        schemaIndex[schema] = schemas.count - 1
        return schemas.count - 1
    }

    /// `nonisolated enum ValidationPatterns { static let pattern0 = CompiledPattern("…") … }` and
    /// `nonisolated enum ValidationSchemas { static let registry = …; static let schema0 = … }`;
    /// each only when the file has one.
    func declarations(doc: String, registry: SchemaRegistry) -> [Declaration] {
        var result: [Declaration] = []
        if !sources.isEmpty {
            result.append(
                .type(
                    TypeDeclaration(
                        doc: DocComment(doc), modifiers: Modifiers(isNonisolated: true), kind: .enum, name: typeName,
                        members: sources.enumerated().map { index, source in
                            .property(
                                PropertyDeclaration(
                                    modifiers: Modifiers(isStatic: true), isMutable: false, name: "pattern\(index)", type: nil,
                                    initializer: Expr.id("CompiledPattern").call(.string(source))))
                        })))
        }
        if !schemas.isEmpty {
            let reached = registry.closure(of: schemas)
            var members: [Declaration] = [
                .property(
                    PropertyDeclaration(
                        modifiers: Modifiers(isStatic: true), isMutable: false, name: "registry", type: nil,
                        initializer: Expr.id("EmbeddedSchemaRegistry").call(.raw(Identifier.rawStringLiteral(reached.jsonLiteral.description)))))
            ]
            for (index, schema) in schemas.enumerated() {
                members.append(
                    .property(
                        PropertyDeclaration(
                            modifiers: Modifiers(isStatic: true), isMutable: false, name: "schema\(index)", type: nil,
                            initializer: Expr.id("EmbeddedSchema").call(
                                (nil, .raw(Identifier.rawStringLiteral(schema.jsonLiteral.description))), ("registry", .id("registry"))))))
            }
            result.append(
                .type(
                    TypeDeclaration(
                        doc: DocComment("JSON Schemas of values held as `JSONValue`, in canonical JSON, read once and evaluated by the runtime."),
                        modifiers: Modifiers(isNonisolated: true), kind: .enum, name: schemaTypeName, members: members)))
        }
        return result
    }
}
