import Testing

/// `Validators.swift`: one check per constraint keyword, each under its JSON Pointer.
@Suite struct ValidationSnippets {
    @Test func minLengthAndMaxLengthCheckTheLength() {
        Snippet.schemas(
            """
            Name:
              type: object
              required: [value]
              properties:
                value: {type: string, minLength: 1, maxLength: 64}
            """
        ).expect(
            emitting: """
                nonisolated extension Name: Validatable {
                    public func validate(in context: inout ValidationContext) {
                        context.nested("value") { context in
                            let value = self.value
                            context.checkLength(value, minLength: 1, maxLength: 64)
                        }
                    }
                }
                """, in: .validators)
    }

    @Test func patternsAreCompiledOnceInATableSharedByTheirUses() {
        Snippet.schemas(
            #"""
            Codes:
              type: object
              properties:
                first: {type: string, pattern: '^[a-z]+$'}
                area: {type: string, pattern: '^\d{3}$'}
                second: {type: string, pattern: '^[a-z]+$'}
            """#
        ).expect(
            emitting: #"""
                /// The spec's `pattern`s, compiled once.
                nonisolated enum ValidationPatterns {
                    static let pattern0 = CompiledPattern("^[a-z]+$")
                    static let pattern1 = CompiledPattern("^\\d{3}$")
                }
                """#,
            """
            context.nested("first") { context in
                if let value = self.first {
                    context.checkPattern(value, ValidationPatterns.pattern0)
                }
            }
            context.nested("area") { context in
                if let value = self.area {
                    context.checkPattern(value, ValidationPatterns.pattern1)
                }
            }
            context.nested("second") { context in
                if let value = self.second {
                    context.checkPattern(value, ValidationPatterns.pattern0)
                }
            }
            """, in: .validators)
    }

    @Test func emailURIAndUUIDFormatsAreChecked() {
        Snippet.schemas(
            """
            Contact:
              type: object
              required: [email]
              properties:
                email: {type: string, format: email}
                site: {type: string, format: uri}
                key: {type: string, format: uuid}
            """
        ).expect(
            emitting: """
                let value = self.email
                context.checkFormat(value, .email)
                """,
            """
            if let value = self.site {
                context.checkFormat(value, .uri)
            }
            """,
            """
            if let value = self.key {
                context.checkFormat(value, .uuid)
            }
            """, in: .validators)
    }

    /// Formats whose names are not Swift identifiers are named by their case (`uriReference`).
    @Test func hyphenatedAndAddressFormatsAreCheckedByTheirSwiftCaseName() {
        Snippet.schemas(
            """
            Link:
              type: object
              properties:
                href: {type: string, format: uri-reference}
                host: {type: string, format: hostname}
                address: {type: string, format: ipv6}
            """
        ).expect(
            emitting: """
                context.checkFormat(value, .uriReference)
                """,
            """
            context.checkFormat(value, .hostname)
            """,
            """
            context.checkFormat(value, .ipv6)
            """, in: .validators)
    }

    @Test func minimumAndMaximumCheckTheBounds() {
        Snippet.schemas(
            """
            Page:
              type: object
              required: [size]
              properties:
                size: {type: integer, minimum: 1, maximum: 100}
            """
        ).expect(
            emitting: """
                context.nested("size") { context in
                    let value = self.size
                    context.checkBounds(value, minimum: 1, maximum: 100)
                }
                """, in: .validators)
    }

    @Test func exclusiveBoundsAndMultipleOfAreChecked() {
        Snippet.schemas(
            """
            Ratio:
              type: object
              required: [value]
              properties:
                value: {type: number, exclusiveMinimum: 0, exclusiveMaximum: 1, multipleOf: 0.25}
            """
        ).expect(
            emitting: """
                context.checkBounds(Double(value), exclusiveMinimum: 0, exclusiveMaximum: 1, multipleOf: 0.25)
                """, in: .validators)
    }

    @Test func openAPI30BooleanExclusiveBoundsBecomeExclusiveLimits() {
        Snippet.schemas(
            """
            Ratio:
              type: object
              required: [value]
              properties:
                value: {type: number, minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: false}
            """, openapi: "3.0.3"
        ).expect(
            emitting: """
                context.checkBounds(Double(value), maximum: 1, exclusiveMinimum: 0)
                """, in: .validators)
    }

    @Test func itemCountAndUniquenessAreChecked() {
        Snippet.schemas(
            """
            Tags:
              type: object
              required: [values]
              properties:
                values:
                  type: array
                  items: {type: string}
                  minItems: 1
                  maxItems: 5
                  uniqueItems: true
            """
        ).expect(
            emitting: """
                context.nested("values") { context in
                    let value = self.values
                    context.checkItemCount(value.count, minItems: 1, maxItems: 5)
                    context.checkUnique(value)
                }
                """, in: .validators)
    }

    @Test func itemsAreCheckedEachUnderItsIndex() {
        Snippet.schemas(
            """
            Tags:
              type: object
              required: [values]
              properties:
                values:
                  type: array
                  items: {type: string, minLength: 1}
            """
        ).expect(
            emitting: """
                for (index, item0) in value.enumerated() {
                    context.nested(index: index) { context in context.checkLength(item0, minLength: 1, maxLength: nil) }
                }
                """, in: .validators)
    }

    @Test func nullableItemsAreCheckedWhenPresent() {
        Snippet.schemas(
            """
            Tags:
              type: object
              required: [values]
              properties:
                values:
                  type: array
                  items: {type: [string, "null"], minLength: 1}
            """
        ).expect(
            emitting: """
                for (index, item0) in value.enumerated() {
                    context.nested(index: index) { context in
                        if let item0 {
                            context.checkLength(item0, minLength: 1, maxLength: nil)
                        }
                    }
                }
                """, in: .validators)
    }

    @Test func referencedModelsValidateThemselves() {
        Snippet.schemas(
            """
            Job:
              type: object
              properties:
                id: {type: string, minLength: 1}
            Page:
              type: object
              required: [items, first]
              properties:
                first: {$ref: '#/components/schemas/Job'}
                items:
                  type: array
                  items: {$ref: '#/components/schemas/Job'}
            """
        ).expect(
            emitting: """
                context.nested("first") { context in
                    let value = self.first
                    value.validate(in: &context)
                }
                context.nested("items") { context in
                    let value = self.items
                    for (index, item0) in value.enumerated() {
                        context.nested(index: index) { context in item0.validate(in: &context) }
                    }
                }
                """, in: .validators)
    }

    /// Members of the JSON the struct does not hold (undeclared, not kept) are counted from what
    /// decoding saw.
    @Test func minAndMaxPropertiesOfAStructCountThePresentMembers() {
        Snippet.schemas(
            """
            Patch:
              type: object
              minProperties: 1
              maxProperties: 2
              required: [id]
              properties:
                id: {type: string}
                a: {type: string}
                b: {type: string}
            """
        ).expect(
            emitting: """
                public func validate(in context: inout ValidationContext) {
                    context.report(self._decodingFindings)
                    let memberCount = 1 + (self.a == nil ? 0 : 1) + (self.b == nil ? 0 : 1) + self._decodingFindings.membersNotHeld
                    context.checkPropertyCount(memberCount, minProperties: 1, maxProperties: 2)
                }
                """, in: .validators)
    }

    @Test func minPropertiesOfADictionaryCountsItsMembers() {
        Snippet.schemas(
            """
            Labels:
              type: object
              required: [values]
              properties:
                values:
                  type: object
                  minProperties: 1
                  additionalProperties: {type: string, maxLength: 10}
            """
        ).expect(
            emitting: """
                context.nested("values") { context in
                    let value = self.values
                    context.checkPropertyCount(value.count, minProperties: 1, maxProperties: nil)
                    for (name, member0) in value.sorted(by: { $0.key < $1.key }) {
                        context.nested(name) { context in context.checkLength(member0, minLength: nil, maxLength: 10) }
                    }
                }
                """, in: .validators)
    }

    @Test func typedExtrasOfAStructAreCheckedByName() {
        Snippet.schemas(
            """
            Labels:
              type: object
              properties:
                name: {type: string}
              additionalProperties: {type: string, maxLength: 10}
            """
        ).expect(
            emitting: """
                for (name, value) in additionalProperties.sorted(by: { $0.key < $1.key }) {
                    context.nested(name) { context in context.checkLength(value, minLength: nil, maxLength: 10) }
                }
                """, in: .validators)
    }

    @Test func constIsChecked() {
        Snippet.schemas(
            """
            Job:
              type: object
              required: [object]
              properties:
                object: {type: string, const: job}
            """
        ).expect(
            emitting: """
                context.nested("object") { context in
                    let value = self.object
                    context.checkConst(value, "job")
                }
                """, in: .validators)
    }

    @Test func anEnumPropertyValidatesItsValue() {
        Snippet.schemas(
            """
            Job:
              type: object
              properties:
                priority: {type: string, enum: [low, high]}
            """
        ).expect(
            emitting: """
                context.nested("priority") { context in
                    if let value = self.priority {
                        value.validate(in: &context)
                    }
                }
                """,
            """
            nonisolated extension Job.Priority: Validatable {
            """, in: .validators)
    }

    @Test func anOptionalNullablePropertyIsCheckedWhenItHoldsAValue() {
        Snippet.schemas(
            """
            Note:
              type: object
              properties:
                text: {type: [string, "null"], maxLength: 5}
            """
        ).expect(
            emitting: """
                context.nested("text") { context in
                    if case .value(let value)? = self.text {
                        context.checkLength(value, minLength: nil, maxLength: 5)
                    }
                }
                """, in: .validators)
    }

    @Test func aPrimitiveAliasIsCheckedWhereItIsUsed() {
        Snippet.schemas(
            """
            SessionID: {type: string, pattern: '^sess_'}
            Session:
              type: object
              required: [id]
              properties:
                id: {$ref: '#/components/schemas/SessionID'}
            """
        ).expect(
            emitting: """
                context.nested("id") { context in
                    let value = self.id
                    context.checkPattern(value, ValidationPatterns.pattern0)
                }
                """, in: .validators)
    }

    @Test func aStructWithNothingToCheckHasAnEmptyValidator() {
        let spec = Snippet.schemas(
            """
            Note:
              type: object
              required: [text, at]
              properties:
                text: {type: string}
                at: {type: string, format: date-time}
            """)
        spec.expect(
            emitting: """
                nonisolated extension Note: Validatable {
                    public func validate(in context: inout ValidationContext) {}
                }
                """, in: .validators)
        spec.expect(notEmitting: "ValidationPatterns", in: .validators)
    }

    /// A numeric `const` is checked with `checkAllowed`, which reports the keyword `enum`.
    @Test func aNumericConstIsReportedAsConst() {
        let spec = Snippet.schemas(
            """
            Version:
              type: object
              required: [major]
              properties:
                major: {type: integer, const: 2}
            """)
        spec.expect(
            emitting: """
                public init(major: Int = 2) {
                """)
        spec.expect(notEmitting: "context.checkAllowed(Double(value), [2])", in: .validators)
    }
}
