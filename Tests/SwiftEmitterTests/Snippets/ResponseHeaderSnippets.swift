import SwiftEmitter
import Testing

/// Documented success headers: a typed struct nested in the client, a `…WithHeaders` method that
/// returns it with the body, and the plain method unchanged for its caller.
@Suite struct ResponseHeaderSnippets {
    static func createNote(headers: String, status: String = "'201'", content: Bool = true) -> SnippetSpec {
        var response = """
                  \(status):
                    description: Created.
                    headers:
            \(headers.split(separator: "\n").map { "          " + $0 }.joined(separator: "\n"))

            """
        if content {
            response += """
                        content:
                          application/json:
                            schema: {$ref: '#/components/schemas/Note'}

                """
        }
        return Snippet.paths(
            """
            /notes:
              post:
                operationId: createNote
                responses:
            \(response)
            """, schemas: ClientSnippets.schemas)
    }

    @Test func documentedHeadersBecomeOptionalTypedMembersNamedWithoutTheXPrefix() {
        let spec = Self.createNote(
            headers: """
                X-Request-ID:
                  description: The request's identifier.
                  schema: {type: string}
                X-RateLimit-Remaining:
                  schema: {type: integer, minimum: 0}
                Location:
                  required: true
                  schema: {type: string, format: uri}
                Expires-At:
                  schema: {type: string, format: date-time}
                X-Tags:
                  schema: {type: array, items: {type: string}}
                """)
        spec.expect(
            emitting: """
                /// The request's identifier.
                ///
                /// From `X-Request-ID`.
                public var requestID: String?
                """,
            """
            public var rateLimitRemaining: Int?
            """,
            """
            /// From `Location`. Required by the spec: `nil` only in a response that breaks it, which response validation
            /// reports.
            public var location: String?
            """,
            """
            public var expiresAt: Date?
            """,
            """
            public var tags: [String]?
            """,
            """
                public init(reading reader: inout ResponseHeaderReader) {
                    self.requestID = reader.value("X-Request-ID", as: String.self)
                    self.rateLimitRemaining = reader.value("X-RateLimit-Remaining", as: Int.self)
                    self.location = reader.value("Location", as: String.self, isRequired: true)
                    self.expiresAt = reader.value("Expires-At", as: Date.self)
                    self.tags = reader.value("X-Tags", as: [String].self)
                }
            """,
            """
                public func validate(in context: inout ValidationContext) {
                    context.parameter("X-RateLimit-Remaining", in: .header) { context in
                        if let rateLimitRemaining {
                            context.checkBounds(rateLimitRemaining, minimum: 0)
                        }
                    }
                    context.parameter("Location", in: .header) { context in
                        if let location {
                            context.checkFormat(location, .uri)
                        }
                    }
                }
            """, in: .client)
        #expect(spec.warnings() == [])
    }

    @Test func thePlainMethodForwardsToTheWithHeadersMethodWhichDecodesBoth() {
        let spec = Self.createNote(headers: "X-Request-ID: {schema: {type: string}}")
        spec.expect(
            emitting: """
                public func createNote() async throws(APIClientError<JSONValue>) -> Note {
                    try await createNoteWithHeaders().body
                }
                """,
            """
            public func createNoteWithHeaders() async throws(APIClientError<JSONValue>) -> TypedResponse<Note, CreateNoteResponseHeaders> {
            """,
            """
                case 201: return try self.core.decodeSuccess(Note.self, headers: CreateNoteResponseHeaders.self, from: response)
            """, in: .client)
    }

    @Test func aResponseWithoutBodyReturnsVoidWithItsHeaders() {
        let spec = Self.createNote(headers: "Location: {schema: {type: string}}", content: false)
        spec.expect(
            emitting: """
                public func createNote() async throws(APIClientError<JSONValue>) -> Void {
                    try await createNoteWithHeaders().body
                }
                """,
            """
            public func createNoteWithHeaders() async throws(APIClientError<JSONValue>) -> TypedResponse<Void, CreateNoteResponseHeaders> {
            """,
            """
                case 201: return try self.core.successHeaders(CreateNoteResponseHeaders.self, from: response)
            """, in: .client)
    }

    @Test func anObjectHeaderIsHeldAsTextWithAWarningAndContentTypeIsLeftOut() {
        let spec = Self.createNote(
            headers: """
                Content-Type: {schema: {type: string}}
                X-Meta:
                  schema: {type: object, properties: {a: {type: string}}}
                """)
        spec.expect(emitting: "public var meta: String?", in: .client)
        spec.expect(notEmitting: "contentType", in: .client)
        #expect(spec.warnings().contains { $0.contains("header 'X-Meta' of 'createNote'") && $0.contains("held as its text") })
    }

    @Test func aSchemaNamedLikeTheHeadersTypeKeepsItsNameAndTheHeadersTypeMoves() {
        let spec = Snippet.paths(
            """
            /notes:
              post:
                operationId: createNote
                responses:
                  '201':
                    description: Created.
                    headers:
                      X-Request-ID: {schema: {type: string}}
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/CreateNoteResponseHeaders'}
            """, schemas: "CreateNoteResponseHeaders: {type: object, properties: {id: {type: string}}}")
        spec.expect(
            emitting: """
                public func createNoteWithHeaders() async throws(APIClientError<JSONValue>) -> TypedResponse<CreateNoteResponseHeaders, CreateNoteResponseHeaders2> {
                """, in: .client)
    }

    @Test func onlyContentTypeDocumentedGivesNoHeadersVariant() {
        let spec = Self.createNote(headers: "Content-Type: {schema: {type: string}}")
        spec.expect(notEmitting: "WithHeaders", in: .client)
    }
}
