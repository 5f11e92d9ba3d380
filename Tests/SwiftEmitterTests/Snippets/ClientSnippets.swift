import SwiftEmitter
import Testing

/// `Client.swift`: the client type, one method per operation, bodies and statuses.
@Suite struct ClientSnippets {
    static let schemas = """
        Note:
          type: object
          required: [text]
          properties:
            text: {type: string}
        Problem:
          type: object
          required: [title]
          properties:
            title: {type: string}
        """

    /// `POST /notes` (`createNote`) with `body` (YAML under `requestBody`, or nil) and `responses` (YAML under `responses`).
    static func createNote(body: String? = nil, responses: String, extra: String = "") -> SnippetSpec {
        func indent(_ text: String, _ spaces: Int) -> String {
            text.split(separator: "\n").map { String(repeating: " ", count: spaces) + $0 }.joined(separator: "\n")
        }
        var yaml = """
            /notes:
              post:
                operationId: createNote

            """
        if !extra.isEmpty { yaml += indent(extra, 4) + "\n" }
        if let body { yaml += "    requestBody:\n" + indent(body, 6) + "\n" }
        yaml += "    responses:\n" + indent(responses, 6) + "\n"
        return Snippet.paths(yaml, schemas: schemas)
    }

    static let noteBody = """
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Note'}
        """

    static let created = """
        '201':
          description: The created note.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Note'}
        """

    /// A spec of schemas only has no client type; the file keeps its fixed name (for the build
    /// plugin's declared outputs) and holds only its header.
    @Test func aSpecWithoutOperationsHasNoClientType() {
        let spec = Snippet.schemas(
            """
            Note: {type: object, properties: {id: {type: string}}}
            """)
        spec.expect(notEmitting: "SnippetClient", in: .client)
        spec.expect(notEmitting: "contractOperations", in: .client)
    }

    @Test func theClientIsNamedAfterTheTitleAndKnowsTheFirstServer() {
        Snippet.root(
            """
            servers: [{url: 'https://api.example.com/v1'}, {url: 'https://staging.example.com'}]
            paths: {/ping: {get: {operationId: ping, responses: {'204': {description: Up.}}}}}
            """, info: #"{title: Snippet API, version: "1", description: "Notes, kept."}"#
        ).expect(
            emitting: """
                /// Snippet API
                ///
                /// Notes, kept.
                ///
                /// The spec declares no security schemes: no credentials are sent.
                public nonisolated struct SnippetClient: Sendable {
                    /// The runtime that sends requests: transport, authentication, retries and validation.
                    @_spi(Contract)
                    public let core: APIClient

                    /// The first server the spec lists (its variables at their defaults).
                    public static let defaultServerURL: URL = URL(string: "https://api.example.com/v1")!

                    /// The servers the spec lists, in its order, as functions of their variables.
                    public nonisolated enum Servers: Sendable {
                        /// A server the spec lists.
                        ///
                        /// `https://api.example.com/v1`
                        public static func server1() -> URL {
                            // The generator parsed every URL this function can build.
                            return URL(string: "https://api.example.com/v1")!
                        }

                        /// A server the spec lists.
                        ///
                        /// `https://staging.example.com`
                        public static func server2() -> URL {
                            // The generator parsed every URL this function can build.
                            return URL(string: "https://staging.example.com")!
                        }
                    }

                    /// Creates a client; share one per configuration (it is `Sendable`).
                    public init(configuration: ClientConfiguration) {
                        self.core = APIClient(configuration: configuration)
                    }
                }
                """, in: .client)
    }

    @Test func theClientNameOptionNamesTheClientType() {
        Self.createNote(responses: "'204': {description: Done.}").expect(
            emitting: """
                public nonisolated struct NotesClient: Sendable {
                """,
            """
            nonisolated extension NotesClient {
            """,
            """
            replay: { core, recorded in _ = try await NotesClient(core: core).createNote() }
            """, in: .client, options: EmitterOptions(clientName: "NotesClient"))
    }

    @Test func aRequiredBodyIsARequiredArgumentEncodedAsJSON() {
        Self.createNote(body: Self.noteBody, responses: Self.created).expect(
            emitting: """
                public func createNote(body: Note) async throws(APIClientError<JSONValue>) -> Note {
                """,
            """
            try request.setJSONBody(body)
            let response = try await self.core.send(request)
            """, in: .client)
    }

    /// The body is validated in the same pass as the parameters, so one error lists every
    /// violation of the request.
    @Test func aBodyIsValidatedWithTheParametersInOnePass() {
        Self.createNote(
            body: Self.noteBody, responses: Self.created,
            extra: """
                parameters:
                  - {name: X-Tenant, in: header, required: true, schema: {type: string, minLength: 3}}
                """
        ).expect(
            emitting: """
                if self.core.configuration.validation.validatesRequests {
                    var context = ValidationContext()
                    context.parameter("X-Tenant", in: .header) { context in
                        context.checkLength(xTenant, minLength: 3, maxLength: nil)
                    }
                    body.validate(in: &context)
                    if !context.violations.isEmpty {
                        throw .requestValidation(ValidationError(violations: context.violations))
                    }
                }
                """, in: .client)
    }

    /// A body that is an array of models validates each element at its index.
    @Test func anArrayBodyIsValidatedElementByElement() {
        Self.createNote(
            body: """
                required: true
                content:
                  application/json:
                    schema: {type: array, maxItems: 10, items: {$ref: '#/components/schemas/Note'}}
                """, responses: Self.created
        ).expect(
            emitting: """
                    var context = ValidationContext()
                    context.checkItemCount(body.count, minItems: nil, maxItems: 10)
                    for (index, item0) in body.enumerated() {
                        context.nested(index: index) { context in item0.validate(in: &context) }
                    }
                """, in: .client)
    }

    @Test func anOptionalBodyIsAnOptionalArgument() {
        Self.createNote(
            body: """
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Note'}
                """, responses: Self.created
        ).expect(
            emitting: """
                public func createNote(body: Note? = nil) async throws(APIClientError<JSONValue>) -> Note {
                """, in: .client)
    }

    /// `setJSONBody(body)` with `body: Note?` would encode `nil` as a `null` body; an absent optional
    /// body is neither sent nor validated.
    @Test func anAbsentOptionalBodyIsNotSent() {
        let spec = Self.createNote(
            body: """
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Note'}
                """, responses: Self.created)
        spec.expect(
            emitting: """
                if let body {
                    body.validate(in: &context)
                }
                """,
            """
            if let body {
                try request.setJSONBody(body)
            }
            """, in: .client)
    }

    @Test func aSuccessWithABodyDecodesIt() {
        Self.createNote(responses: Self.created).expect(
            emitting: """
                switch response.status.code {
                case 201: return try self.core.decodeSuccess(Note.self, from: response)
                default: throw self.core.undocumentedStatus(response)
                }
                """, in: .client)
    }

    @Test func aSuccessWithoutABodyReturnsVoid() {
        Self.createNote(responses: "'204': {description: Done.}").expect(
            emitting: """
                public func createNote() async throws(APIClientError<JSONValue>) -> Void {
                """,
            """
            switch response.status.code {
            case 204: return
            default: throw self.core.undocumentedStatus(response)
            }
            """, in: .client)
    }

    @Test func documentedErrorStatusesThrowTheTypedEnvelope() {
        Self.createNote(
            responses: Self.created + """

                '404':
                  description: No such note.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Problem'}
                '409':
                  description: Conflict.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Problem'}
                """
        ).expect(
            emitting: """
                public func createNote() async throws(APIClientError<Problem>) -> Note {
                    let request = OperationRequest<Problem>(operationID: "createNote", method: .post, pathTemplate: "/notes")
                """,
            """
            switch response.status.code {
            case 201: return try self.core.decodeSuccess(Note.self, from: response)
            case 404, 409: throw self.core.documentedError(Problem.self, from: response)
            default: throw self.core.undocumentedStatus(response)
            }
            """, in: .client)
    }

    @Test func aDefaultResponseDocumentsEveryOtherStatus() {
        Self.createNote(
            responses: Self.created + """

                default:
                  description: Any error.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Problem'}
                """
        ).expect(
            emitting: """
                switch response.status.code {
                case 201: return try self.core.decodeSuccess(Note.self, from: response)
                default: throw self.core.documentedError(Problem.self, from: response)
                }
                """, in: .client)
    }

    /// A 404 documented without a body is grouped with the statuses that have the envelope, so its
    /// empty body is decoded as a `Problem` and the caller gets `.malformedResponse`.
    @Test func aDocumentedErrorWithoutABodyIsNotDecodedAsTheEnvelope() {
        let spec = Self.createNote(
            responses: Self.created + """

                '404': {description: No such note.}
                '409':
                  description: Conflict.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Problem'}
                """)
        withKnownIssue("a bodiless documented error status shares the documentedError case of the envelope") {
            spec.expect(notEmitting: "case 404, 409:", in: .client)
        }
    }

    /// A body whose Swift type does not validate itself is checked by a closure from its schema:
    /// here a typeless schema held as `JSONValue`, evaluated against the embedded schema.
    @Test func aSuccessBodyHeldAsJSONValueIsCheckedAgainstItsSchema() {
        Self.createNote(
            responses: """
                '200':
                  description: Anything at least 1.
                  content: {application/json: {schema: {minimum: 1}}}
                """
        ).expect(
            emitting: """
                case 200:
                    return try self.core.decodeSuccess(
                        JSONValue.self,
                        from: response,
                        checkedBy: { body, context in context.evaluate(body, against: ParameterSchemas.schema0) }
                    )
                """,
            """
            200: BodyCodec(
                JSONValue.self,
                checkedBy: { body, context in context.evaluate(body, against: ParameterSchemas.schema0) }
            ),
            """, in: .client)
    }

    /// A model checks itself: the runtime asks it as `Validatable`, and no closure is emitted.
    @Test func aSuccessBodyThatIsAModelIsCheckedByItsOwnValidator() {
        Self.createNote(responses: Self.created).expect(
            emitting: """
                case 201: return try self.core.decodeSuccess(Note.self, from: response)
                """,
            """
            responseBodies: [201: BodyCodec(Note.self)],
            """, in: .client)
    }

    @Test func withoutErrorSchemasErrorsAreTypedAsJSONValue() {
        Self.createNote(responses: Self.created).expect(
            emitting: """
                public func createNote() async throws(APIClientError<JSONValue>) -> Note {
                """, in: .client)
    }

    @Test func errorResponsesWithDifferentSchemasAreTypedAsJSONValueWithAWarning() {
        let spec = Self.createNote(
            responses: Self.created + """

                '400':
                  description: Bad.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Problem'}
                '409':
                  description: Conflict.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Note'}
                """)
        spec.expect(
            emitting: """
                case 400, 409: throw self.core.documentedError(JSONValue.self, from: response)
                """, in: .client)
        #expect(
            spec.warnings() == [
                "3:5: the error responses of 'createNote' (400, 409) have 2 different schemas; its errors are typed as JSONValue, "
                    + "not as one error type"
            ])
    }

    /// A second documented success status falls through to `default` and is thrown as undocumented.
    @Test func everyDocumentedSuccessStatusIsASuccess() {
        let spec = Self.createNote(
            responses: """
                '200':
                  description: Already there.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Note'}
                """ + "\n" + Self.created)
        spec.expect(
            emitting: """
                case 200, 201: return try self.core.decodeSuccess(Note.self, from: response)
                """, in: .client)
    }

    @Test func referencedRequestBodiesAndResponsesAreResolved() {
        Snippet.root(
            """
            paths:
              /notes:
                post:
                  operationId: createNote
                  requestBody: {$ref: '#/components/requestBodies/NewNote'}
                  responses:
                    '201': {$ref: '#/components/responses/Created'}
                    '404': {$ref: '#/components/responses/NotFound'}
            components:
              requestBodies:
                NewNote:
                  required: true
                  content: {application/json: {schema: {$ref: '#/components/schemas/Note'}}}
              responses:
                Created:
                  description: The note.
                  content: {application/json: {schema: {$ref: '#/components/schemas/Note'}}}
                NotFound:
                  description: No such note.
                  content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}
              schemas:
            """ + "\n" + Self.schemas.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        ).expect(
            emitting: """
                public func createNote(body: Note) async throws(APIClientError<Problem>) -> Note {
                """,
            """
            case 201: return try self.core.decodeSuccess(Note.self, from: response)
            case 404: throw self.core.documentedError(Problem.self, from: response)
            """, in: .client)
    }

    @Test func inlineBodiesAndResponsesGetTypesNamedAfterTheOperation() {
        Self.createNote(
            body: """
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        text: {type: string}
                """,
            responses: """
                '201':
                  description: Created.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          id: {type: string}
                '400':
                  description: Bad.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          message: {type: string}
                """
        ).expect(
            emitting: """
                public func createNote(
                    body: CreateNoteRequest
                ) async throws(APIClientError<CreateNoteErrorResponse>) -> CreateNoteResponse {
                """, in: .client)
    }

    @Test func theMethodIsDocumentedFromTheOperation() {
        Self.createNote(
            body: """
                required: true
                description: The note to keep.
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Note'}
                """,
            responses: Self.created + """

                '409':
                  description: Conflict.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Problem'}
                """,
            extra: """
                summary: Creates a note.
                description: The note is stored at once.
                """
        ).expect(
            emitting: """
                /// Creates a note.
                ///
                /// The note is stored at once.
                ///
                /// - Parameters:
                ///   - body: The note to keep.
                /// - Returns: The created note. (HTTP 201)
                /// - Throws: ``APIClientError``: `.api` for the documented error statuses (409), and transport, decoding and
                ///   validation failures.
                /// - Remark: Generated from `POST /notes`.
                public func createNote(body: Note) async throws(APIClientError<Problem>) -> Note {
                """, in: .client)
    }

    /// Without summary or description the comment starts with an empty `///` line.
    @Test func aMethodWithoutSummaryStartsItsCommentWithTheParameters() {
        let spec = Self.createNote(body: Self.noteBody, responses: Self.created)
        spec.expect(
            emitting: """
                nonisolated extension SnippetClient {
                    /// - Parameters:
                """, in: .client)
    }

    /// With no error status listed the comment says "the documented error statuses ()".
    @Test func aMethodWithoutErrorStatusesDoesNotListAnEmptySet() {
        let spec = Self.createNote(responses: Self.created)
        spec.expect(notEmitting: "statuses ()", in: .client)
    }

    @Test func aDeprecatedOperationIsMarkedDeprecated() {
        Self.createNote(responses: "'204': {description: Done.}", extra: "deprecated: true").expect(
            emitting: """
                /// - Remark: Generated from `POST /notes`.
                @available(*, deprecated)
                public func createNote() async throws(APIClientError<JSONValue>) -> Void {
                """, in: .client)
    }

    @Test func eachOperationHasAContractEntry() {
        Self.createNote(body: Self.noteBody, responses: Self.created).expect(
            emitting: """
                operations.append(
                    ContractOperation(
                        operationID: "createNote",
                        requestBody: BodyCodec(Note.self),
                        responseBodies: [201: BodyCodec(Note.self)],
                        replay: { core, recorded in
                            _ = try await SnippetClient(core: core).createNote(body: try recorded.jsonBody(Note.self))
                        }
                    )
                )
                """, in: .client)
    }

    @Test func internalAccessWritesNoModifier() {
        let spec = Self.createNote(body: Self.noteBody, responses: Self.created)
        let options = EmitterOptions(accessLevel: .internal)
        spec.expect(
            emitting: """
                nonisolated struct SnippetClient: Sendable {
                    /// The runtime that sends requests: transport, authentication, retries and validation.
                    let core: APIClient
                """,
            """
                func createNote(body: Note) async throws(APIClientError<JSONValue>) -> Note {
            """, in: .client, options: options)
        spec.expect(
            emitting: """
                nonisolated struct Note: Codable, Hashable, Sendable {
                    var text: String
                """, options: options)
        spec.expect(notEmitting: "public ", in: .client, options: options)
        spec.expect(notEmitting: "public ", options: options)
    }

    @Test func packageAccessWritesPackage() {
        let spec = Self.createNote(body: Self.noteBody, responses: Self.created)
        let options = EmitterOptions(accessLevel: .package)
        spec.expect(
            emitting: """
                package nonisolated struct SnippetClient: Sendable {
                """,
            """
                package func createNote(body: Note) async throws(APIClientError<JSONValue>) -> Note {
            """, in: .client, options: options)
        spec.expect(
            emitting: """
                package nonisolated struct Note: Codable, Hashable, Sendable {
                    package var text: String
                """, options: options)
        spec.expect(
            emitting: """
                nonisolated extension Note: Validatable {
                    package func validate(in context: inout ValidationContext) {}
                }
                """, in: .validators, options: options)
    }
}

/// Which response headers carry the request ID and rate-limit state comes from the spec.
@Suite struct ResponseHeaderNameSnippets {
    @Test func theRequestIDAndRateLimitHeadersAreTheOnesTheSpecDocuments() {
        Snippet.paths(
            """
            /things:
              get:
                operationId: listThings
                responses:
                  '200':
                    description: Done.
                    headers:
                      Request-Id: {schema: {type: string}}
                      RateLimit-Remaining: {schema: {type: integer}}
            """
        ).expect(
            emitting: """
                        self.core = APIClient(
                            configuration: configuration,
                            responseHeaderNames: ResponseHeaderNames(requestID: "Request-Id", rateLimitRemaining: "RateLimit-Remaining")
                        )
                """, in: .client)
    }

    @Test func aSpecThatDocumentsNoneReadsNone() {
        Snippet.paths(
            """
            /things:
              get:
                operationId: listThings
                responses:
                  '204': {description: Done.}
            """
        ).expect(
            emitting: """
                        self.core = APIClient(configuration: configuration)
                """, in: .client)
    }
}
