import Testing

/// `allOf` whose members are not all objects: typed where one member gives the type.
@Suite struct AllOfSnippets {
    @Test func aOneMemberAllOfWithADescriptionIsTheReferencedType() {
        Snippet.schemas(
            """
            Color: {type: string, enum: [red, green]}
            Paint:
              type: object
              properties:
                color: {description: The colour., allOf: [{$ref: '#/components/schemas/Color'}]}
            """
        ).expect(
            emitting: """
                    /// The colour.
                    public var color: Color?
                """)
    }

    @Test func aTypedMemberNarrowedByKeywordsKeepsItsTypeAndIsEvaluatedWhole() {
        let spec = Snippet.schemas(
            """
            Count: {type: integer, minimum: 0}
            Box:
              type: object
              properties:
                count: {allOf: [{$ref: '#/components/schemas/Count'}, {maximum: 10}]}
            """)
        spec.expect(
            emitting: """
                    public var count: Count?
                """)
        spec.expect(
            emitting: """
                            context.evaluateEncoding(value, against: ValidationSchemas.schema0)
                """, in: .validators)
    }

    @Test func anAllOfOfTwoTypedMembersIsStillAnEvaluatedJSONValue() {
        Snippet.schemas(
            """
            Box:
              type: object
              properties:
                either: {allOf: [{type: string}, {type: integer}]}
            """
        ).expect(
            emitting: """
                    public var either: JSONValue?
                """)
    }

    @Test func theNarrowingMembersAreCheckedAndADefaultBesideTheAllOfIsApplied() {
        let spec = Snippet.schemas(
            """
            Count: {type: integer, minimum: 0}
            Box:
              type: object
              properties:
                count: {allOf: [{$ref: '#/components/schemas/Count'}, {maximum: 10}], default: 3}
                name: {allOf: [{type: string}, {pattern: '(a)\\1'}]}
            """)
        #expect(spec.loaderDiagnostics().contains { $0.contains("error: pattern '(a)\\1': a backreference") })
        let fixed = Snippet.schemas(
            """
            Count: {type: integer, minimum: 0}
            Box:
              type: object
              properties:
                count: {allOf: [{$ref: '#/components/schemas/Count'}, {maximum: 10}], default: 3}
            """)
        fixed.expect(
            emitting: """
                    public init(count: Count = 3) {
                """)
    }
}
