import Testing

/// String enums: a case per value, tolerant of values the spec does not list.
@Suite struct EnumSnippets {
    @Test func aStringEnumKeepsUnknownValuesAsUndocumented() {
        Snippet.schemas(
            """
            State:
              type: string
              enum: [queued, done]
            """
        ).expect(
            emitting: """
                /// - Remark: Generated from `#/components/schemas/State`.
                public nonisolated enum State: RawRepresentable, Codable, Hashable, Sendable {
                    case queued
                    case done
                    /// A value this SDK does not know yet, kept as sent so that it encodes back unchanged.
                    case undocumented(String)

                    public init(rawValue: String) {
                        switch rawValue {
                        case "queued": self = .queued
                        case "done": self = .done
                        default: self = .undocumented(rawValue)
                        }
                    }

                    public var rawValue: String {
                        switch self {
                        case .queued: "queued"
                        case .done: "done"
                        case .undocumented(let value): value
                        }
                    }

                    /// The values the spec documents, in its order.
                    public static let documentedCases: [State] = [.queued, .done]

                    public init(from decoder: any Decoder) throws {
                        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
                    }

                    public func encode(to encoder: any Encoder) throws {
                        var container = encoder.singleValueContainer()
                        try container.encode(rawValue)
                    }
                }
                """)
    }

    @Test func anInlineEnumIsNestedInItsStruct() {
        Snippet.schemas(
            """
            Job:
              type: object
              required: [priority]
              properties:
                priority: {type: string, enum: [low, high]}
            """
        ).expect(
            emitting: """
                public var priority: Job.Priority
                """,
            """
                /// - Remark: Generated from `#/components/schemas/Job/properties/priority`.
                public nonisolated enum Priority: RawRepresentable, Codable, Hashable, Sendable {
                    case low
                    case high
            """,
            """
                    public static let documentedCases: [Job.Priority] = [.low, .high]
            """)
    }

    @Test func aValueNamedUndocumentedMovesTheFallbackCaseAside() {
        Snippet.schemas(
            """
            Coverage: {type: string, enum: [documented, undocumented]}
            """
        ).expect(
            emitting: """
                case documented
                case undocumented
                /// A value this SDK does not know yet, kept as sent so that it encodes back unchanged.
                case _undocumented(String)
                """,
            """
            case "undocumented": self = .undocumented
            default: self = ._undocumented(rawValue)
            """,
            """
            case ._undocumented(let value): value
            """)
    }

    @Test func keywordValuesAreEscapedOnlyWhereSwiftNeedsIt() {
        Snippet.schemas(
            """
            Choice: {type: string, enum: [default, self, Type, protocol]}
            """
        ).expect(
            emitting: """
                case `default`
                case `self`
                case type
                case `protocol`
                """,
            """
            switch rawValue {
            case "default": self = .default
            case "self": self = .`self`
            case "Type": self = .type
            case "protocol": self = .protocol
            """,
            """
            switch self {
            case .default: "default"
            case .`self`: "self"
            case .type: "Type"
            case .protocol: "protocol"
            """,
            """
            public static let documentedCases: [Choice] = [.default, .`self`, .type, .protocol]
            """)
    }

    @Test func valuesWithDotsDashesAndDigitsBecomeCamelCaseCases() {
        Snippet.schemas(
            """
            Event: {type: string, enum: [analysis.complete, en-US, 2xx, v2, snake_case_value]}
            """
        ).expect(
            emitting: """
                case analysisComplete
                case enUS
                case _2xx
                case v2
                case snakeCaseValue
                """,
            """
            case "analysis.complete": self = .analysisComplete
            case "en-US": self = .enUS
            case "2xx": self = ._2xx
            """)
    }

    @Test func theEmptyStringIsACaseOfItsOwn() {
        Snippet.schemas(
            """
            Marker: {type: string, enum: ["", set]}
            """
        ).expect(
            emitting: """
                case _empty
                case set
                """,
            """
            case "": self = ._empty
            """,
            """
            case ._empty: ""
            """)
    }

    @Test func aNullInTheValuesMakesTheEnumNullable() {
        Snippet.schemas(
            """
            Reading:
              type: object
              required: [level]
              properties:
                level: {type: [string, "null"], enum: [low, high, null]}
            """
        ).expect(
            emitting: """
                public var level: Reading.Level?
                """,
            """
                public nonisolated enum Level: RawRepresentable, Codable, Hashable, Sendable {
                    case low
                    case high
                    /// A value this SDK does not know yet, kept as sent so that it encodes back unchanged.
                    case undocumented(String)
            """)
    }

    @Test func anIntegerEnumIsAnIntCheckedByTheValidator() {
        let spec = Snippet.schemas(
            """
            Dice:
              type: object
              required: [face]
              properties:
                face: {type: integer, enum: [1, 2, 3]}
            """)
        spec.expect(
            emitting: """
                public var face: Int
                """)
        spec.expect(
            emitting: """
                context.nested("face") { context in
                    let value = self.face
                    context.checkAllowed(Double(value), [1, 2, 3])
                }
                """, in: .validators)
    }

    @Test func anUndocumentedValueIsReportedAsAnEnumViolation() {
        Snippet.schemas(
            """
            State: {type: string, enum: [queued, done]}
            """
        ).expect(
            emitting: """
                nonisolated extension State: Validatable {
                    public func validate(in context: inout ValidationContext) {
                        if case .undocumented(let value) = self {
                            context.report("enum", limit: "queued, done", actual: ValidationContext.excerpt(value))
                        }
                    }
                }
                """, in: .validators)
    }

    @Test func aDeprecatedEnumIsMarkedDeprecated() {
        Snippet.schemas(
            """
            Legacy:
              type: string
              deprecated: true
              enum: [old]
            """
        ).expect(
            emitting: """
                /// - Remark: Generated from `#/components/schemas/Legacy`.
                @available(*, deprecated)
                public nonisolated enum Legacy: RawRepresentable, Codable, Hashable, Sendable {
                """)
    }
}
