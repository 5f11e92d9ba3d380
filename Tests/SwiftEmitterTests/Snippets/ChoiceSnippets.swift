import Testing

/// `oneOf`/`anyOf` without a discriminator: a Swift enum with a case per branch, tried in order.
@Suite struct ChoiceSnippets {
    @Test func anUntaggedOneOfIsAnEnumWithACasePerBranch() {
        Snippet.schemas(
            """
            Cat: {type: object, properties: {meow: {type: boolean}}}
            Pet:
              oneOf:
                - $ref: '#/components/schemas/Cat'
                - {type: string}
                - {type: integer}
            """
        ).expect(
            emitting: """
                public nonisolated enum Pet: Codable, Hashable, Sendable {
                    /// The value matches branch 0 of the `oneOf`.
                    case cat(Cat)
                    /// The value matches branch 1 of the `oneOf`.
                    case string(String)
                    /// The value matches branch 2 of the `oneOf`.
                    case integer(Int)
                """,
            """
                    if let value = try? Cat(from: decoder) {
                        let candidate: Self = .cat(value)
                        if candidate.isValidBranch {
                            self = candidate
                            return
                        }
                        firstDecoded = firstDecoded ?? candidate
                    }
            """,
            """
                    debugDescription: "the value decodes as none of the oneOf's types (Cat, String, Int)"
            """)
    }

    @Test func branchesOfOneSwiftTypeGetTheirNumberAndInlineObjectsANestedType() {
        Snippet.schemas(
            """
            Code:
              anyOf:
                - {type: string, maxLength: 3}
                - {type: string, pattern: '^[A-Z]+$'}
                - {type: object, properties: {label: {type: string}}}
            """
        ).expect(
            emitting: """
                    case string(String)
                    /// The value matches branch 1 of the `anyOf`.
                    case string2(String)
                    /// The value matches branch 2 of the `anyOf`.
                    case option3(Code.Option3)
                """,
            """
                public nonisolated struct Option3: Codable, Hashable, Sendable {
            """)
    }

    @Test func aNullBranchMakesAPropertyNullableRatherThanACase() {
        Snippet.schemas(
            """
            Holder:
              type: object
              properties:
                value:
                  oneOf: [{type: string}, {type: integer}, {type: 'null'}]
            """
        ).expect(
            emitting: """
                    public var value: Nullable<Holder.Value>?
                """,
            """
                public nonisolated enum Value: Codable, Hashable, Sendable {
                    /// The value matches branch 0 of the `oneOf`.
                    case string(String)
                    /// The value matches branch 1 of the `oneOf`.
                    case integer(Int)

            """)
    }

    @Test func aPropertyReferringToANullableAliasIsNullable() {
        // `MaybePet` is an alias of `Pet` that admits null: the property must hold null too.
        Snippet.schemas(
            """
            Pet: {type: object, properties: {name: {type: string}}}
            MaybePet: {oneOf: [{$ref: '#/components/schemas/Pet'}, {type: 'null'}]}
            Owner:
              type: object
              required: [pet]
              properties: {pet: {$ref: '#/components/schemas/MaybePet'}}
            """
        ).expect(
            emitting: """
                    public var pet: MaybePet?
                """,
            """
                    self.pet = try container.decode(MaybePet?.self, forKey: .pet)
            """)
    }

    @Test func aRecursiveChoiceIsAnIndirectEnum() {
        Snippet.schemas(
            """
            Expression:
              oneOf:
                - {type: number}
                - {type: array, items: {$ref: '#/components/schemas/Expression'}}
                - {$ref: '#/components/schemas/Negation'}
            Negation:
              type: object
              required: [operand]
              properties: {operand: {$ref: '#/components/schemas/Expression'}}
            """
        ).expect(
            emitting: """
                public nonisolated indirect enum Expression: Codable, Hashable, Sendable {
                """)
    }

    @Test func aDateTimeBranchIsCodedAsRFC3339() {
        Snippet.schemas(
            """
            When:
              anyOf: [{type: string, format: date-time}, {type: integer}]
            """
        ).expect(
            emitting: """
                        if let value = try? Date(dateTimeFrom: decoder) {
                """,
            """
                    case .dateTime(let value): try value.encodeDateTime(to: encoder)
            """)
    }

    @Test func validationAppliesTheKeywordsRuleWithTheHeldBranchCheckedByItsOwnChecks() {
        Snippet.schemas(
            """
            Code:
              oneOf:
                - {type: string, maxLength: 3}
                - {type: integer, minimum: 0}
            """
        ).expect(
            emitting: """
                        context.checkChoice(
                            self,
                            keyword: "oneOf",
                            branchCount: 2,
                            held: heldBranch,
                            branches: [(0, ValidationSchemas.schema0), (1, ValidationSchemas.schema1)],
                            checkingHeld: validateHeldBranch
                        )
                """,
            """
                func validateHeldBranch(in context: inout ValidationContext) {
                    switch self {
                    case .string(let value): context.checkLength(value, minLength: nil, maxLength: 3)
                    case .integer(let value): context.checkBounds(value, minimum: 0)
                    }
                }
            """, in: .validators)
    }

    @Test func aOneOfBesideOtherKeywordsStaysAnEvaluatedJSONValue() {
        Snippet.schemas(
            """
            Holder:
              type: object
              properties:
                value: {oneOf: [{type: string}, {type: integer}], not: {const: 3}}
            """
        ).expect(
            emitting: """
                    public var value: JSONValue?
                """)
    }
}
