import Testing

/// Parameters: their Swift arguments and how each location is set on the request.
@Suite struct ParameterSnippets {
    /// A `GET /things` operation `listThings` with `parameters` (a YAML sequence, two spaces in).
    static func listThings(_ parameters: String, path: String = "/things") -> SnippetSpec {
        let indented = parameters.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n")
        return Snippet.paths(
            """
            \(path):
              get:
                operationId: listThings
                parameters:
            \(indented)
                responses:
                  '204': {description: Done.}
            """)
    }

    @Test func aPathParameterIsFilledIntoThePath() {
        Self.listThings(
            """
            - {name: thingId, in: path, required: true, schema: {type: string}}
            """, path: "/things/{thingId}"
        ).expect(
            emitting: """
                public func listThings(thingID: String) async throws(APIClientError<JSONValue>) -> Void {
                """,
            """
            request.setPathParameter("thingId", thingID)
            """, in: .client)
    }

    @Test func aPathParameterInTheLabelOrMatrixStyleIsExpandedByTheRuntime() {
        Self.listThings(
            """
            - {name: ids, in: path, required: true, style: matrix, explode: true, schema: {type: array, items: {type: integer}}}
            - {name: at, in: path, required: true, style: label, schema: {type: string}}
            """, path: "/things/{ids}/{at}"
        ).expect(
            emitting: """
                try request.setPathParameter("ids", ids, style: .matrix, explode: true)
                """,
            """
            try request.setPathParameter("at", at, style: .label, explode: false)
            """, in: .client)
    }

    @Test func anObjectHeaderIsSentInTheSimpleStyle() {
        Self.listThings(
            """
            - {name: X-Range, in: header, required: true, explode: true, schema: {type: object, properties: {from: {type: integer}}}}
            """
        ).expect(
            emitting: """
                try request.setHeader("X-Range", xRange, explode: true)
                """, in: .client)
    }

    @Test func anIDAfterACollectionSegmentIsNamedAfterTheItem() {
        Snippet.paths(
            """
            /sessions/{id}:
              delete:
                operationId: deleteSession
                parameters:
                  - {name: id, in: path, required: true, schema: {type: string}}
                responses:
                  '204': {description: Deleted.}
            """
        ).expect(
            emitting: """
                public func deleteSession(sessionID: String) async throws(APIClientError<JSONValue>) -> Void {
                """,
            """
            request.setPathParameter("id", sessionID)
            """, in: .client)
    }

    @Test func aNumericPathParameterIsWrittenAsText() {
        Self.listThings(
            """
            - {name: page, in: path, required: true, schema: {type: integer}}
            """, path: "/things/{page}"
        ).expect(
            emitting: """
                request.setPathParameter("page", String(page))
                """, in: .client)
    }

    @Test func anOptionalQueryParameterIsAddedWhenGiven() {
        Self.listThings(
            """
            - {name: limit, in: query, schema: {type: integer}}
            """
        ).expect(
            emitting: """
                public func listThings(limit: Int? = nil) async throws(APIClientError<JSONValue>) -> Void {
                """,
            """
            if let value = limit {
                request.addQueryItem("limit", String(value))
            }
            """, in: .client)
    }

    @Test func aRequiredQueryParameterIsAlwaysAdded() {
        Self.listThings(
            """
            - {name: q, in: query, required: true, schema: {type: string}}
            """
        ).expect(
            emitting: """
                request.addQueryItem("q", q)
                """, in: .client)
    }

    @Test func aQueryArrayAddsOneItemPerElement() {
        Self.listThings(
            """
            - {name: tag, in: query, required: true, schema: {type: array, items: {type: string}}}
            """
        ).expect(
            emitting: """
                public func listThings(tag: [String]) async throws(APIClientError<JSONValue>) -> Void {
                """,
            """
            for element in tag {
                request.addQueryItem("tag", element)
            }
            """, in: .client)
    }

    @Test func anOptionalQueryArrayOfEnumsAddsRawValues() {
        let spec = Self.listThings(
            """
            - {name: states, in: query, schema: {type: array, items: {type: string, enum: [open, closed]}}}
            """)
        spec.expect(
            emitting: """
                public func listThings(states: [ListThingsState]? = nil) async throws(APIClientError<JSONValue>) -> Void {
                """,
            """
            if let value = states {
                for element in value {
                    request.addQueryItem("states", element.rawValue)
                }
            }
            """, in: .client)
        spec.expect(
            emitting: """
                public nonisolated enum ListThingsState: RawRepresentable, Codable, Hashable, Sendable {
                """)
    }

    /// The pointer of a parameter's schema names no place in the document (`#/parameters/NAME/…`), so
    /// the `Remark` misleads and a `nameOverrides` entry cannot address it by its real pointer.
    @Test func aParameterSchemaRemarkPointsIntoTheOperation() {
        let spec = Self.listThings(
            """
            - {name: order, in: query, schema: {type: string, enum: [asc, desc]}}
            """)
        spec.expect(
            emitting: """
                /// - Remark: Generated from `#/paths/~1things/get/parameters/0/schema`.
                public nonisolated enum ListThingsOrder: RawRepresentable, Codable, Hashable, Sendable {
                """)
    }

    @Test func aQueryEnumIsSentAsItsRawValue() {
        Self.listThings(
            """
            - {name: order, in: query, schema: {type: string, enum: [asc, desc]}}
            """
        ).expect(
            emitting: """
                if let value = order {
                    request.addQueryItem("order", value.rawValue)
                }
                """, in: .client)
    }

    @Test func dateTimeDateAndBooleanQueryParametersAreFormatted() {
        Self.listThings(
            """
            - {name: since, in: query, required: true, schema: {type: string, format: date-time}}
            - {name: day, in: query, required: true, schema: {type: string, format: date}}
            - {name: archived, in: query, required: true, schema: {type: boolean}}
            """
        ).expect(
            emitting: """
                request.addQueryItem("since", RFC3339.string(from: since))
                request.addQueryItem("day", day.description)
                request.addQueryItem("archived", String(archived))
                """, in: .client)
    }

    @Test func aQueryArrayOfDateTimesIsDatesSentAsRFC3339() {
        Self.listThings(
            """
            - {name: at, in: query, required: true, schema: {type: array, items: {type: string, format: date-time}}}
            """
        ).expect(
            emitting: """
                public func listThings(at: [Date]) async throws(APIClientError<JSONValue>) -> Void {
                """,
            """
            for element in at {
                request.addQueryItem("at", RFC3339.string(from: element))
            }
            """, in: .client)
    }

    @Test func aRequiredHeaderIsSet() {
        Self.listThings(
            """
            - {name: X-Request-Id, in: header, required: true, schema: {type: string}}
            """
        ).expect(
            emitting: """
                public func listThings(xRequestID: String) async throws(APIClientError<JSONValue>) -> Void {
                """,
            """
            request.setHeader("X-Request-Id", xRequestID)
            """, in: .client)
    }

    @Test func anOptionalNumericHeaderIsConvertedWhenGiven() {
        Self.listThings(
            """
            - {name: X-Page-Size, in: header, schema: {type: integer}}
            """
        ).expect(
            emitting: """
                request.setHeader("X-Page-Size", xPageSize.map { value in String(value) })
                """, in: .client)
    }

    @Test func theIdempotencyKeyHeaderIsMarkedOnTheRequest() {
        Snippet.paths(
            """
            /things:
              post:
                operationId: createThing
                parameters:
                  - {name: Idempotency-Key, in: header, x-idempotency-key: true, schema: {type: string}}
                responses:
                  '204': {description: Created.}
            """
        ).expect(
            emitting: """
                ///   - idempotencyKey: The `Idempotency-Key` header parameter. When `nil`, one is generated for this call and
                ///     reused on every retry.
                """,
            """
            public func createThing(idempotencyKey: String? = nil) async throws(APIClientError<JSONValue>) -> Void {
            """,
            """
            request.setHeader("Idempotency-Key", idempotencyKey)
            request.idempotencyKeyHeader = "Idempotency-Key"
            """, in: .client)
    }

    @Test func requiredParametersComeFirstThenOptionalOnesInSpecOrder() {
        Self.listThings(
            """
            - {name: limit, in: query, schema: {type: integer}}
            - {name: q, in: query, required: true, schema: {type: string}}
            - {name: cursor, in: query, schema: {type: string}}
            - {name: X-Tenant, in: header, required: true, schema: {type: string}}
            """
        ).expect(
            emitting: """
                public func listThings(
                    q: String,
                    xTenant: String,
                    limit: Int? = nil,
                    cursor: String? = nil
                ) async throws(APIClientError<JSONValue>) -> Void {
                """, in: .client)
    }

    @Test func parametersAreValidatedTogetherBeforeTheRequest() {
        Self.listThings(
            """
            - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 100}}
            - {name: q, in: query, required: true, schema: {type: string, minLength: 2}}
            """
        ).expect(
            emitting: """
                if self.core.configuration.validation.validatesRequests {
                    var context = ValidationContext()
                    context.parameter("limit", in: .query) { context in
                        if let limit {
                            context.checkBounds(limit, minimum: 1, maximum: 100)
                        }
                    }
                    context.parameter("q", in: .query) { context in context.checkLength(q, minLength: 2, maxLength: nil) }
                    if !context.violations.isEmpty {
                        throw .requestValidation(ValidationError(violations: context.violations))
                    }
                }
                var request = OperationRequest<JSONValue>(operationID: "listThings", method: .get, pathTemplate: "/things")
                """, in: .client)
    }

    @Test func parameterPatternsHaveTheirOwnTableInTheClientFile() {
        Self.listThings(
            """
            - {name: thingId, in: path, required: true, schema: {type: string, pattern: '^thing_[a-z0-9]+$'}}
            """, path: "/things/{thingId}"
        ).expect(
            emitting: """
                /// The `pattern`s of parameters and response headers, compiled once.
                nonisolated enum ParameterPatterns {
                    static let pattern0 = CompiledPattern("^thing_[a-z0-9]+$")
                }
                """,
            """
            context.parameter("thingId", in: .path) { context in
                context.checkPattern(thingID, ParameterPatterns.pattern0)
            }
            """, in: .client)
    }

    @Test func aParameterDescriptionDocumentsItsArgument() {
        Self.listThings(
            """
            - name: limit
              in: query
              description: |
                How many things to return
                at most.
              schema: {type: integer}
            """
        ).expect(
            emitting: """
                /// - Parameters:
                ///   - limit: How many things to return at most.
                """, in: .client)
    }

    @Test func aReferencedParameterIsResolved() {
        Snippet.root(
            """
            paths:
              /things:
                get:
                  operationId: listThings
                  parameters:
                    - $ref: '#/components/parameters/Limit'
                  responses:
                    '204': {description: Done.}
            components:
              parameters:
                Limit: {name: limit, in: query, schema: {type: integer}}
            """
        ).expect(
            emitting: """
                public func listThings(limit: Int? = nil) async throws(APIClientError<JSONValue>) -> Void {
                """, in: .client)
    }

    // MARK: Known emitter bugs

    /// `setPathParameter(_:_:)` takes a `String`; the array is passed as it is, which does not compile.
    @Test func aPathArrayIsSentCommaSeparated() {
        let spec = Self.listThings(
            """
            - {name: ids, in: path, required: true, schema: {type: array, items: {type: string}}}
            """, path: "/things/{ids}")
        spec.expect(notEmitting: #"request.setPathParameter("ids", ids)"#, in: .client)
    }

    /// `setHeader(_:_:)` takes a `String?`; arrays are passed as they are (or through `String(_:)`), which does not compile.
    @Test func aHeaderArrayIsSentCommaSeparated() {
        let spec = Self.listThings(
            """
            - {name: X-Tags, in: header, required: true, schema: {type: array, items: {type: string}}}
            - {name: X-Pages, in: header, schema: {type: array, items: {type: integer}}}
            """)
        spec.expect(notEmitting: #"request.setHeader("X-Tags", xTags)"#, in: .client)
        spec.expect(notEmitting: #"request.setHeader("X-Pages", xPages.map { value in String(value) })"#, in: .client)
    }

    /// A form-style object is sent as Swift's `Dictionary.description` (`["a": "b"]`).
    @Test func aQueryObjectIsSentInFormStyle() {
        let spec = Self.listThings(
            """
            - {name: filter, in: query, schema: {type: object, additionalProperties: {type: string}}}
            """)
        spec.expect(
            emitting: """
                try request.addQueryParameter("filter", filter)
                """, in: .client)
        #expect(spec.warnings().isEmpty, "\(spec.warnings())")
    }

    /// Arguments named like the method's own names (`core`, `request`) shadow them or are shadowed.
    @Test func argumentsNamedLikeTheMethodsLocalsDoNotCollideWithThem() {
        let spec = Self.listThings(
            """
            - {name: request, in: query, schema: {type: string}}
            - {name: core, in: query, required: true, schema: {type: string}}
            """)
        let text = spec.emitted(.client) ?? ""
        #expect(!text.contains("func listThings(core: String") || text.contains("self.core.send("))
        #expect(!(text.contains("request: String? = nil") && text.contains("var request = OperationRequest")))
    }

    /// A required idempotency key is a non-optional argument, yet documented as generated "when `nil`".
    @Test func aRequiredIdempotencyKeyIsNotDocumentedAsOptional() {
        let spec = Snippet.paths(
            """
            /things:
              post:
                operationId: createThing
                parameters:
                  - {name: Idempotency-Key, in: header, required: true, x-idempotency-key: true, schema: {type: string}}
                responses:
                  '204': {description: Created.}
            """)
        spec.expect(
            emitting: """
                public func createThing(idempotencyKey: String) async throws(APIClientError<JSONValue>) -> Void {
                """, in: .client)
        spec.expect(notEmitting: "When `nil`, one is generated", in: .client)
        spec.expect(emitting: "///   - idempotencyKey: The `Idempotency-Key` header parameter. The same key is sent on every retry of this call.", in: .client)
    }

    /// A path and a query parameter may share a name; each keeps its own type (SendGrid's
    /// `list_id`: a string in the path and an integer in the query did not compile).
    @Test func aPathAndAQueryParameterOfTheSameNameKeepTheirOwnTypes() {
        Snippet.paths(
            """
            /lists/{list_id}:
              parameters: [{name: list_id, in: path, required: true, schema: {type: string}}]
              get:
                operationId: getList
                parameters: [{name: list_id, in: query, schema: {type: integer}}]
                responses: {'204': {description: None.}}
            """
        ).expect(
            emitting: """
                public func getList(listID: String, listID2: Int? = nil) async throws(APIClientError<JSONValue>) -> Void {
                """,
            """
            request.setPathParameter("list_id", listID)
            if let value = listID2 {
                request.addQueryItem("list_id", String(value))
            }
            """, in: .client)
    }
}
