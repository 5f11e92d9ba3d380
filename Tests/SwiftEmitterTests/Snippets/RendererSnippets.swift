import SwiftSource
import Testing

/// The renderer alone decides layout, escaping and backticks; these pin its rules on small
/// `SwiftSource` values.
@Suite struct RendererSnippets {
    @Test(arguments: [
        ("{\"a\":\"b\"}", "#\"{\"a\":\"b\"}\"#"),
        ("say \"#1\"", "##\"say \"#1\"\"##"),
        ("^\\#\\d$", "##\"^\\#\\d$\"##"),
        ("plain", "\"plain\""),
        ("tab\t\"q\"", "\"tab\\t\\\"q\\\"\""),
    ])
    func rawLiteralsCarryQuotesAndBackslashesVerbatimWithEnoughHashes(text: String, literal: String) {
        #expect(Identifier.rawStringLiteral(text) == literal)
    }

    @Test func aLongArgumentListIsWrappedOnePerLine() {
        let call = Expr.identifier("WebhookSignatureScheme").call([
            Argument("header", .string("Example-Signature")), Argument("encoding", .member(nil, "hex")),
            Argument("timestampKey", .string("t")), Argument("signatureKey", .string("v1")),
            Argument("signedPayload", .string("{timestamp}.{body}")),
        ])
        Snippet.expect(
            Snippet.render(Statement.let("scheme", nil, call)),
            is: """
                let scheme = WebhookSignatureScheme(
                    header: "Example-Signature",
                    encoding: .hex,
                    timestampKey: "t",
                    signatureKey: "v1",
                    signedPayload: "{timestamp}.{body}"
                )
                """)
    }

    @Test func aCallThatFitsStaysOnOneLine() {
        let call = Expr.identifier("APIClient").call([Argument("configuration", .identifier("configuration"))])
        Snippet.expect(
            Snippet.render(Statement.assignment(.member(.selfValue, "core"), call)),
            is: """
                self.core = APIClient(configuration: configuration)
                """)
    }

    @Test func theOutermostListIsBrokenFirstAndInnerOnesOnlyWhenStillTooLong() {
        let inner = Expr.identifier("ValidationError").call([Argument("violations", Expr.identifier("parameters").dot("violations"))])
        let outer = Expr.member(nil, "requestValidation").call([Argument(inner)])
        let long = Expr.identifier("makeSomethingWithAVeryLongName").call([
            Argument("first", outer), Argument("second", outer),
        ])
        Snippet.expect(
            Snippet.render(Statement.throw(long)),
            is: """
                throw makeSomethingWithAVeryLongName(
                    first: .requestValidation(ValidationError(violations: parameters.violations)),
                    second: .requestValidation(ValidationError(violations: parameters.violations))
                )
                """)
    }

    @Test func aLongParameterListIsWrappedOnePerLine() {
        let function = FunctionDeclaration(
            modifiers: Modifiers(access: .public), kind: .function("listSessions"),
            parameters: [
                FunctionParameter("language", .optional(.string), defaultValue: .nil),
                FunctionParameter("createdAfter", .optional(.date), defaultValue: .nil),
                FunctionParameter("limit", .optional(.int), defaultValue: .nil),
                FunctionParameter(label: nil, name: "cursor", type: .optional(.string), defaultValue: .nil),
            ],
            isAsync: true, throwing: .typed(.generic(["APIClientError"], [.named("Problem")])), result: .array(.named("Session")),
            body: [.return(.array([]))])
        Snippet.expect(
            Snippet.render(.function(function)),
            is: """
                public func listSessions(
                    language: String? = nil,
                    createdAfter: Date? = nil,
                    limit: Int? = nil,
                    _ cursor: String? = nil
                ) async throws(APIClientError<Problem>) -> [Session] {
                    return []
                }
                """)
    }

    @Test func aLongArrayLiteralIsWrappedWithATrailingCommaOnEveryElement() {
        let values = [
            "authentication_error", "authorization_error", "validation_error", "not_found_error", "conflict_error",
            "rate_limit_error",
        ]
        Snippet.expect(
            Snippet.render(Statement.let("codes", nil, .array(values.map(Expr.string)))),
            is: """
                let codes = [
                    "authentication_error",
                    "authorization_error",
                    "validation_error",
                    "not_found_error",
                    "conflict_error",
                    "rate_limit_error",
                ]
                """)
    }

    @Test func aLongDictionaryLiteralIsWrappedOneEntryPerLine() {
        let codec = { (name: String) in Expr.identifier("BodyCodec").call(.metatype(.named(name))) }
        let entries = [200, 400, 404, 409, 422].map { DictionaryEntry(.integer($0), codec($0 == 200 ? "Analysis" : "ErrorResponse")) }
        Snippet.expect(
            Snippet.render(Statement.let("responseBodies", nil, .dictionary(entries))),
            is: """
                let responseBodies = [
                    200: BodyCodec(Analysis.self),
                    400: BodyCodec(ErrorResponse.self),
                    404: BodyCodec(ErrorResponse.self),
                    409: BodyCodec(ErrorResponse.self),
                    422: BodyCodec(ErrorResponse.self),
                ]
                """)
        Snippet.expect(
            Snippet.render(Statement.let("none", .dictionary(key: .int, value: .named("BodyCodec")), .dictionary([]))),
            is: """
                let none: [Int: BodyCodec] = [:]
                """)
    }

    @Test func aLongChainOfOneOperatorBreaksBeforeEachOperator() {
        let terms = [
            "firstMemberCount", "secondMemberCount", "thirdMemberCount", "fourthMemberCount", "fifthMemberCount",
            "sixthMemberCount",
        ].map { Expr.selfValue.dot($0) }
        let sum = terms.dropFirst().reduce(terms[0]) { .binary($0, "+", $1) }
        Snippet.expect(
            Snippet.render(Statement.let("memberCount", nil, sum)),
            is: """
                let memberCount = self.firstMemberCount
                    + self.secondMemberCount
                    + self.thirdMemberCount
                    + self.fourthMemberCount
                    + self.fifthMemberCount
                    + self.sixthMemberCount
                """)
    }

    @Test func stringLiteralsEscapeQuotesBackslashesNewlinesAndControlCharacters() {
        let text = "say \"hi\" \\ back\nnew\ttab\rcr\0nul \u{1}\u{1B} \u{7F}\u{85} \u{2028}\u{2029} é ✓"
        Snippet.expect(
            Snippet.render(Statement.let("text", nil, .string(text))),
            is: #"""
                let text = "say \"hi\" \\ back\nnew\ttab\rcr\0nul \u{1}\u{1b} \u{7f}\u{85} \u{2028}\u{2029} é ✓"
                """#)
    }

    @Test func aLongStringLiteralIsNeverSplit() {
        let long = String(repeating: "abcdefghij", count: 13)
        Snippet.expect(
            Snippet.render(Expr.identifier("report").call([Argument("limit", .string(long))])),
            is: """
                report(
                    limit: "\(long)"
                )
                """)
    }

    @Test func aKeywordPropertyIsDeclaredWithBackticksButReadAsSelfDotDefaultAndDotDefault() {
        let type = TypeDeclaration(
            kind: .struct, name: "Flags",
            members: [
                .property(PropertyDeclaration(name: "default", type: .bool)),
                .function(
                    FunctionDeclaration(
                        kind: .initializer(isFailable: false), parameters: [FunctionParameter("default", .bool)],
                        body: [.assignment(.member(.selfValue, "default"), .identifier("default"))])),
                .property(
                    PropertyDeclaration(
                        name: "key", type: .named("CodingKeys"), accessors: .get([.expression(.member(nil, "default"))]))),
            ])
        Snippet.expect(
            Snippet.render(.type(type)),
            is: """
                struct Flags {
                    var `default`: Bool

                    init(`default`: Bool) {
                        self.default = `default`
                    }

                    var key: CodingKeys { .default }
                }
                """)
    }

    @Test func membersThatMeanSomethingElseAfterADotKeepTheirBackticks() {
        let members = ["self", "Type", "init", "protocol", "class"].map { Expr.identifier("value").dot($0) }
        Snippet.expect(
            Snippet.render(Statement.let("all", nil, .array(members))),
            is: """
                let all = [value.`self`, value.`Type`, value.`init`, value.protocol, value.class]
                """)
        Snippet.expect(
            Snippet.render(Statement.expression(.member(nil, "init"))),
            is: """
                .`init`
                """)
    }

    @Test func argumentLabelsAreEscapedOnlyWhenSwiftRequiresIt() {
        let function = FunctionDeclaration(
            kind: .function("validate"),
            parameters: [
                FunctionParameter(label: "in", name: "context", type: .named("ValidationContext"), isInout: true),
                FunctionParameter(label: "inout", name: "value", type: .int),
                FunctionParameter(label: "default", name: "fallback", type: .int),
            ],
            body: [])
        Snippet.expect(
            Snippet.render(.function(function)),
            is: """
                func validate(in context: inout ValidationContext, `inout` value: Int, default fallback: Int) {}
                """)
        Snippet.expect(
            Snippet.render(Expr.identifier("make").call([Argument("for", .integer(1)), Argument("var", .integer(2))])),
            is: """
                make(for: 1, `var`: 2)
                """)
    }

    @Test func aClosureOfOneShortStatementStaysOnItsLine() {
        let nested = Expr.call(
            Expr.identifier("context").dot("nested"), [Argument(.string("limit"))],
            trailingClosure: Closure(
                parameters: ["context"],
                body: [
                    .expression(Expr.identifier("context").dot("check").call(.identifier("value")))
                ]))
        Snippet.expect(
            Snippet.render(nested),
            is: """
                context.nested("limit") { context in context.check(value) }
                """)
    }

    @Test func aClosureOfSeveralStatementsIsABlock() {
        let nested = Expr.call(
            Expr.identifier("context").dot("nested"), [Argument(.string("limit"))],
            trailingClosure: Closure(
                parameters: ["context"],
                body: [
                    .let("value", nil, .member(.selfValue, "limit")),
                    .expression(Expr.identifier("context").dot("check").call(.identifier("value"))),
                ]))
        Snippet.expect(
            Snippet.render(nested),
            is: """
                context.nested("limit") { context in
                    let value = self.limit
                    context.check(value)
                }
                """)
    }

    @Test func storedPropertiesAndEnumCasesRunTogetherAndOtherMembersAreOneBlankLineApart() {
        let type = TypeDeclaration(
            modifiers: Modifiers(access: .public), kind: .enum, name: "Mode",
            members: [
                .enumCase(EnumCaseDeclaration(name: "fast")),
                .enumCase(EnumCaseDeclaration(name: "slow", rawValue: .string("SLOW"))),
                .enumCase(EnumCaseDeclaration(name: "other", associatedValues: [.string, .int])),
                .property(
                    PropertyDeclaration(
                        modifiers: Modifiers(isStatic: true), isMutable: false, name: "all", type: .array(.named("Mode")),
                        initializer: .array([]))),
                .property(PropertyDeclaration(modifiers: Modifiers(isStatic: true), isMutable: false, name: "none", type: nil, initializer: .integer(0))),
                .property(PropertyDeclaration(isMutable: false, name: "weight", type: .int, initializer: .integer(1))),
                .property(PropertyDeclaration(name: "label", type: .string, accessors: .get([.expression(.string("mode"))]))),
                .function(FunctionDeclaration(kind: .function("reset"), body: [])),
                .type(TypeDeclaration(kind: .struct, name: "Empty")),
            ])
        Snippet.expect(
            Snippet.render(.type(type)),
            is: """
                public enum Mode {
                    case fast
                    case slow = "SLOW"
                    case other(String, Int)

                    static let all: [Mode] = []
                    static let none = 0

                    let weight: Int = 1

                    var label: String { "mode" }

                    func reset() {}

                    struct Empty {}
                }
                """)
    }

    @Test func modifiersAreWrittenInSwiftsOrderAndInternalIsLeftOut() {
        let property = PropertyDeclaration(
            modifiers: Modifiers(access: .public, isStatic: true, isNonisolated: true), isMutable: false, name: "shared",
            type: .named("Cache"), initializer: Expr.identifier("Cache").call())
        Snippet.expect(
            Snippet.render(.property(property)),
            is: """
                public nonisolated static let shared: Cache = Cache()
                """)
        let function = FunctionDeclaration(modifiers: Modifiers(access: .internal, isMutating: true), kind: .function("reset"), body: [])
        Snippet.expect(
            Snippet.render(.function(function)),
            is: """
                mutating func reset() {}
                """)
    }

    @Test func switchCasesOfOneShortStatementStayOnTheirLine() {
        let statement = Statement.switch(
            .identifier("status"),
            [
                SwitchCase([.expression(.integer(200)), .expression(.integer(201))], [.return(.identifier("value"))]),
                SwitchCase(
                    [.enumCase("value", bindings: ["value"])],
                    [
                        .let("copy", nil, .identifier("value")), .return(.identifier("copy")),
                    ]),
                SwitchCase([.optional(.enumCase("null", bindings: []))], []),
                .default([.throw(Expr.identifier("undocumented").call())]),
            ])
        Snippet.expect(
            Snippet.render(statement),
            is: """
                switch status {
                case 200, 201: return value
                case .value(let value):
                    let copy = value
                    return copy
                case .null?:
                    break
                default: throw undocumented()
                }
                """)
    }

    @Test func ifChainsAndForLoopsAreBlocks() {
        let statement = Statement.if(
            [
                ConditionalBranch(.optionalBinding("value", nil), [.expression(Expr.identifier("use").call(.identifier("value")))]),
                ConditionalBranch(
                    .matches(.optional(.enumCase("value", bindings: ["inner"])), .identifier("wrapped")),
                    [
                        .for(
                            pattern: .tuple([.binding("index"), .binding("item")]), sequence: Expr.identifier("items").dot("enumerated").call(),
                            condition: .binary(.identifier("index"), ">", .integer(0)), body: [.break])
                    ]),
            ], else: [.return(nil)])
        Snippet.expect(
            Snippet.render(statement),
            is: """
                if let value {
                    use(value)
                } else if case .value(let inner)? = wrapped {
                    for (index, item) in items.enumerated() where index > 0 {
                        break
                    }
                } else {
                    return
                }
                """)
    }

    @Test func typesAreWrittenAsSwiftSpellsThem() {
        let renderer = Renderer()
        #expect(renderer.render(.optional(.function(FunctionType(attributes: ["@Sendable"], result: .date)))) == "(@Sendable () -> Date)?")
        #expect(renderer.render(.generic(["Nullable"], [.named(["Job", "State"])])) == "Nullable<Job.State>")
        #expect(renderer.render(.dictionary(key: .string, value: .array(.optional(.int)))) == "[String: [Int?]]")
        #expect(renderer.render(.existential(["Decoder"])) == "any Decoder")
        #expect(renderer.render(.function(FunctionType(isAsync: true, throwing: .typed(.named("E")), result: .void))) == "() async throws(E) -> Void")
        #expect(SwiftType.named("Int").optional.optional == .optional(.int))
    }

    @Test func aDocCommentAndAttributesPrecedeTheDeclaration() {
        let alias = TypealiasDeclaration(
            doc: DocComment("One line.\n\nAnother paragraph.  \n"), attributes: ["@available(*, deprecated)"],
            modifiers: Modifiers(access: .package), name: "Identifier", type: .string)
        Snippet.expect(
            Snippet.render(.typealias(alias)),
            is: """
                /// One line.
                ///
                /// Another paragraph.
                @available(*, deprecated)
                package typealias Identifier = String
                """)
    }

    @Test func aKeywordTypeNameIsEscapedButTypeIsNot() {
        Snippet.expect(
            Snippet.render(.typealias(TypealiasDeclaration(name: "Type", type: .string))),
            is: """
                typealias Type = String
                """)
        Snippet.expect(
            Snippet.render(.type(TypeDeclaration(kind: .struct, name: "protocol"))),
            is: """
                struct `protocol` {}
                """)
    }
}
