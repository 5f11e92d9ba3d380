import SwiftEmitter
import Testing

/// Names: collisions disambiguated with a suffix and a warning, overrides, reserved names.
@Suite struct NamingSnippets {
    static let rename = "(rename one, or set nameOverrides in spec-codegen.yaml)"

    @Test func twoSchemasWithTheSameSwiftNameAreSuffixedWithAWarning() {
        let spec = Snippet.schemas(
            """
            analysis_result:
              type: object
              properties: {a: {type: string}}
            AnalysisResult:
              type: object
              properties: {b: {type: string}}
            """)
        spec.expect(
            emitting: """
                /// - Remark: Generated from `#/components/schemas/analysis_result`.
                public nonisolated struct AnalysisResult: Codable, Hashable, Sendable {
                """,
            """
            /// - Remark: Generated from `#/components/schemas/AnalysisResult`.
            public nonisolated struct AnalysisResult2: Codable, Hashable, Sendable {
            """)
        #expect(
            spec.warnings() == [
                "5:3: schema 'AnalysisResult' and schema 'analysis_result' both become 'AnalysisResult' in the module's top-level "
                    + "types; schema 'AnalysisResult' is named 'AnalysisResult2' \(Self.rename)"
            ])
    }

    @Test func twoPropertiesWithTheSameSwiftNameAreSuffixedWithAWarning() {
        let spec = Snippet.schemas(
            """
            Session:
              type: object
              properties:
                session_id: {type: string}
                sessionId: {type: string}
            """)
        spec.expect(
            emitting: """
                public var sessionID: String?
                public var sessionID2: String?
                """,
            """
            case sessionID = "session_id"
            case sessionID2 = "sessionId"
            """)
        #expect(
            spec.warnings() == [
                "5:16: property 'sessionId' and property 'session_id' both become 'sessionID' in the properties of 'Session'; "
                    + "property 'sessionId' is named 'sessionID2' \(Self.rename)"
            ])
    }

    @Test func twoEnumValuesWithTheSameSwiftNameAreSuffixedWithAWarning() {
        let spec = Snippet.schemas(
            """
            Section: {type: string, enum: [action_items, actionItems]}
            """)
        spec.expect(
            emitting: """
                case actionItems
                case actionItems2
                """,
            """
            case "action_items": self = .actionItems
            case "actionItems": self = .actionItems2
            """)
        #expect(
            spec.warnings() == [
                "1:10: enum value 'actionItems' and enum value 'action_items' both become 'actionItems' in the cases of 'Section'; "
                    + "enum value 'actionItems' is named 'actionItems2' \(Self.rename)"
            ])
    }

    @Test func twoOperationIDsWithTheSameMethodNameAreSuffixedWithAWarning() {
        let spec = Snippet.paths(
            """
            /things/a:
              get:
                operationId: get_thing
                responses: {'204': {description: Done.}}
            /things/b:
              get:
                operationId: getThing
                responses: {'204': {description: Done.}}
            """)
        spec.expect(
            emitting: """
                public func getThing() async throws(APIClientError<JSONValue>) -> Void {
                """,
            """
            public func getThing2() async throws(APIClientError<JSONValue>) -> Void {
            """, in: .client)
        #expect(
            spec.warnings() == [
                "7:5: operation 'getThing' and operation 'get_thing' both become 'getThing' in the methods of 'SnippetClient'; "
                    + "operation 'getThing' is named 'getThing2' \(Self.rename)"
            ])
    }

    @Test func aNameOverrideRenamesASchemaByItsPointer() {
        let spec = Snippet.schemas(
            """
            analysis_result:
              type: object
              properties: {a: {type: string}}
            Holder:
              type: object
              properties:
                result: {$ref: '#/components/schemas/analysis_result'}
            """)
        let options = EmitterOptions(nameOverrides: ["#/components/schemas/analysis_result": "Outcome"])
        spec.expect(
            emitting: """
                /// - Remark: Generated from `#/components/schemas/analysis_result`.
                public nonisolated struct Outcome: Codable, Hashable, Sendable {
                """,
            """
            public var result: Outcome?
            """, options: options)
        #expect(spec.warnings(options: options) == [])
    }

    @Test func aNameOverrideRenamesAnOperationByItsID() {
        let spec = Snippet.paths(
            """
            /things:
              get:
                operationId: list_all_things
                responses:
                  '200':
                    description: Things.
                    content:
                      application/json:
                        schema: {type: object, properties: {count: {type: integer}}}
            """)
        let options = EmitterOptions(nameOverrides: ["list_all_things": "things"])
        spec.expect(
            emitting: """
                public func things() async throws(APIClientError<JSONValue>) -> ThingsResponse {
                """, in: .client, options: options)
        spec.expect(
            emitting: """
                public nonisolated struct ThingsResponse: Codable, Hashable, Sendable {
                """, options: options)
    }

    @Test func anOverrideThatCollidesIsStillSuffixedWithAWarning() {
        let spec = Snippet.schemas(
            """
            Outcome: {type: object, properties: {a: {type: string}}}
            Result: {type: object, properties: {b: {type: string}}}
            """)
        let options = EmitterOptions(nameOverrides: ["#/components/schemas/Result": "Outcome"])
        spec.expect(
            emitting: """
                public nonisolated struct Outcome2: Codable, Hashable, Sendable {
                """, options: options)
        #expect(
            spec.warnings(options: options) == [
                "2:9: schema 'Result' and schema 'Outcome' both become 'Outcome' in the module's top-level types; "
                    + "schema 'Result' is named 'Outcome2' \(Self.rename)"
            ])
    }

    @Test func schemaNamesThatWouldShadowSwiftOrRuntimeTypesGetValue() {
        Snippet.schemas(
            """
            Type: {type: object, properties: {a: {type: string}}}
            Error: {type: object, properties: {message: {type: string}}}
            """
        ).expect(
            emitting: """
                public nonisolated struct TypeValue: Codable, Hashable, Sendable {
                """,
            """
            public nonisolated struct ErrorValue: Codable, Hashable, Sendable {
            """)
    }

    @Test func aSchemaNamedLikeTheClientIsSuffixedWithAWarning() {
        let spec = Snippet.schemas(
            """
            SnippetClient: {type: object, properties: {a: {type: string}}}
            """)
        spec.expect(
            emitting: """
                public nonisolated struct SnippetClient2: Codable, Hashable, Sendable {
                """)
        #expect(
            spec.warnings() == [
                "1:16: schema 'SnippetClient' and a generated type both become 'SnippetClient' in the module's top-level types; "
                    + "schema 'SnippetClient' is named 'SnippetClient2' \(Self.rename)"
            ])
    }

    @Test func aNestedTypeNamedLikeATopLevelTypeOrItsParentGetsPayload() {
        Snippet.schemas(
            """
            Owner: {type: object, properties: {id: {type: string}}}
            Car:
              type: object
              properties:
                owner: {type: object, properties: {name: {type: string}}}
                car: {type: object, properties: {model: {type: string}}}
            """
        ).expect(
            emitting: """
                public var owner: Car.OwnerPayload?
                """,
            """
            public var car: Car.CarPayload?
            """)
    }

    @Test func identicalInlineSchemasOfOperationsShareOneType() {
        let spec = Snippet.paths(
            """
            /a:
              get:
                operationId: getA
                responses:
                  '200':
                    description: A.
                    content:
                      application/json:
                        schema: {type: object, properties: {count: {type: integer}}}
            /b:
              get:
                operationId: getB
                responses:
                  '200':
                    description: B.
                    content:
                      application/json:
                        schema: {type: object, properties: {count: {type: integer}}}
            """)
        spec.expect(
            emitting: """
                public func getB() async throws(APIClientError<JSONValue>) -> GetAResponse {
                """, in: .client)
        spec.expect(notEmitting: "GetBResponse")
    }

    @Test func aClientNameWithoutTheClientSuffixIsUsedAsWritten() {
        let spec = Snippet.paths(
            """
            /a:
              get:
                operationId: getA
                responses: {'204': {description: Done.}}
            """)
        spec.expect(
            emitting: """
                public nonisolated struct Notes: Sendable {
                """, in: .client, options: EmitterOptions(clientName: "Notes"))
    }

    @Test func theClientNameDropsAPIFromTheTitle() {
        Snippet.root(
            "paths: {/ping: {get: {operationId: ping, responses: {'204': {description: Up.}}}}}", info: #"{title: "Kallglot Analysis API", version: "1"}"#
        ).expect(
            emitting: """
                public nonisolated struct KallglotAnalysisClient: Sendable {
                """, in: .client)
    }

    /// An array's element type is named after the singular of its property; named like a
    /// top-level type, it would shadow that type inside its parent (found in PagerDuty's spec).
    @Test func anElementTypeNamedLikeATopLevelTypeGetsPayload() {
        Snippet.schemas(
            """
            Reference: {type: object, properties: {id: {type: string}}}
            Record:
              type: object
              properties:
                resource: {$ref: '#/components/schemas/Reference'}
                references: {type: array, items: {type: object, properties: {name: {type: string}}}}
            """
        ).expect(
            emitting: """
                public var resource: Reference?
                public var references: [Record.ReferencePayload]?
                """, in: .models)
    }
}
