import OpenAPIModel
import Testing

/// YAML snippets in, model assertions out.
@Suite struct ModelBuildingTests {
    private func load(_ schemas: String) throws -> OpenAPIDocument {
        let text = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n" + schemas
        let result = SpecLoader.load(text: text, file: "t.yaml")
        #expect(result.diagnostics.map(\.description) == [])
        return try #require(result.document)
    }

    private func properties(_ schema: Schema?) -> [Property] {
        if case .object(let object)? = schema?.kind { return object.properties }
        return []
    }

    @Test func referenceWithSiblingDescriptionKeepsTheDescription() throws {
        let document = try load(
            "    A: {type: string}\n    B:\n      type: object\n      properties:\n        a: {$ref: '#/components/schemas/A', description: Local words.}\n")
        let all = properties(document.schema(named: "B")?.schema)
        let property = try #require(all.first)
        #expect(property.schema.kind == .reference("A"))
        #expect(property.schema.description == "Local words.")
    }

    @Test func recursiveSchemaLoadsWithoutLooping() throws {
        let document = try load(
            "    Node:\n      type: object\n      properties:\n        children: {type: array, items: {$ref: '#/components/schemas/Node'}}\n")
        let children = properties(document.schema(named: "Node")?.schema)
        guard case .array(let array)? = children.first?.schema.kind else {
            Issue.record("children is not an array")
            return
        }
        #expect(array.items.kind == .reference("Node"))
    }

    @Test func allOfMergesReferencedAndInlineObjectsWithRequiredUnited() throws {
        let document = try load(
            """
                Base: {type: object, required: [id], properties: {id: {type: string}}}
                Derived:
                  allOf:
                    - $ref: '#/components/schemas/Base'
                    - type: object
                      required: [name]
                      properties: {name: {type: string}, age: {type: integer}}

            """)
        let merged = properties(document.schema(named: "Derived")?.schema)
        #expect(merged.map(\.name) == ["id", "name", "age"])
        #expect(merged.map(\.isRequired) == [true, true, false])
    }

    @Test func nullabilityIn31And30StylesAndAsOneOfWithNull() throws {
        let document = try load(
            """
                A:
                  type: object
                  properties:
                    a: {type: [string, "null"]}
                    b: {type: string, nullable: true}
                    c: {oneOf: [{$ref: '#/components/schemas/B'}, {type: "null"}]}
                    d: {type: string}
                B: {type: object}

            """)
        #expect(properties(document.schema(named: "A")?.schema).map(\.schema.isNullable) == [true, true, true, false])
    }

    @Test func booleanExclusiveBoundsOf30AreConverted() throws {
        let document = try load("    N: {type: number, minimum: 0, exclusiveMinimum: true, maximum: 1}\n")
        guard case .number(let numeric)? = document.schema(named: "N")?.schema.kind else {
            Issue.record("not a number")
            return
        }
        #expect(numeric.exclusiveMinimum == 0)
        #expect(numeric.minimum == nil)
        #expect(numeric.maximum == 1)
    }

    @Test func discriminatedOneOfBecomesAUnionWithMappedValues() throws {
        let document = try load(
            """
                A: {type: object, properties: {kind: {const: a}}}
                B: {type: object, properties: {kind: {const: b}}}
                U:
                  oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]
                  discriminator: {propertyName: kind, mapping: {a.v1: '#/components/schemas/A'}}

            """)
        guard case .union(let union)? = document.schema(named: "U")?.schema.kind else {
            Issue.record("not a union")
            return
        }
        #expect(union.propertyName == "kind")
        #expect(union.branches.map(\.value) == ["a.v1", "B"])
    }

    @Test func schemaValidatorReportsPointerAndKeyword() throws {
        let document = try load("    L: {type: array, items: {type: integer, minimum: 0}, maxItems: 2, uniqueItems: true}\n")
        let schema = try #require(document.schema(named: "L")?.schema)
        let violations = SchemaValidator(document: document).violations(of: .array([.integer(1), .integer(-1), .integer(1)]), against: schema)
        #expect(violations.map { "\($0.pointer) \($0.keyword)" } == [" maxItems", " uniqueItems", "/1 minimum"])
    }
}
