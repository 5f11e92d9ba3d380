import Testing

/// Values held as `JSONValue` (typeless, mixed types, non-string `enum`/`const`, `type: "null"`)
/// are checked by evaluating their schema, embedded once per file as canonical JSON.
@Suite struct EmbeddedSchemaSnippets {
    @Test func aTypelessPropertyWithAMinimumIsEvaluatedAgainstItsEmbeddedSchema() {
        Snippet.schemas(
            """
            Reading:
              type: object
              properties:
                level: {minimum: 1.1}
            """
        ).expect(
            emitting: """
                context.nested("level") { context in
                    if let value = self.level {
                        context.evaluate(value, against: ValidationSchemas.schema0)
                    }
                }
                """,
            ##"""
            /// JSON Schemas of values held as `JSONValue`, in canonical JSON, read once and evaluated by the runtime.
            nonisolated enum ValidationSchemas {
                static let registry = EmbeddedSchemaRegistry("{}")
                static let schema0 = EmbeddedSchema(#"{"minimum":1.1}"#, registry: registry)
            }
            """##, in: .validators)
    }

    @Test func nonStringEnumAndConstAndNullTypeAreEvaluated() {
        Snippet.schemas(
            """
            Flags:
              type: object
              required: [count, off, nothing]
              properties:
                count: {enum: [1, 2, 3]}
                off: {const: false}
                nothing: {type: "null"}
            """
        ).expect(
            emitting: ##"""
                    static let schema0 = EmbeddedSchema(#"{"enum":[1,2,3]}"#, registry: registry)
                    static let schema1 = EmbeddedSchema(#"{"const":false}"#, registry: registry)
                    static let schema2 = EmbeddedSchema(#"{"type":["null"]}"#, registry: registry)
                """##, in: .validators)
    }

    /// Only the `$ref` targets an embedded schema reaches are embedded with it.
    @Test func theRegistryHoldsTheReferencesTheEmbeddedSchemasReach() {
        Snippet.schemas(
            """
            Small: {type: integer, maximum: 3}
            Unused: {type: string}
            Holder:
              type: object
              properties:
                either: {not: {$ref: '#/components/schemas/Small'}}
            """
        ).expect(
            emitting: ##"""
                    static let registry = EmbeddedSchemaRegistry(##"{"#/components/schemas/Small":{"type":["integer"],"maximum":3}}"##)
                """##,
            ###"""
                static let schema0 = EmbeddedSchema(##"{"not":{"$ref":"#/components/schemas/Small"}}"##, registry: registry)
            """###, in: .validators)
    }

    /// A chain of `$ref`s ending in an integer checks the integer's bounds: no `validate(in:)` on `Int`.
    @Test func aReferenceChainEndingInAnIntegerChecksItsBounds() {
        Snippet.schemas(
            """
            Count: {$ref: '#/components/schemas/Limit'}
            Limit: {type: integer, minimum: 0}
            Box:
              type: object
              required: [count]
              properties:
                count: {$ref: '#/components/schemas/Count'}
            """
        ).expect(
            emitting: """
                context.nested("count") { context in
                    let value = self.count
                    context.checkBounds(value, minimum: 0)
                }
                """, in: .validators)
    }
}
