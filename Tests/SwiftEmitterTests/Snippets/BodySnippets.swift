import SwiftEmitter
import Testing

/// Request and response bodies of each media type: how they are typed, sent and read.
@Suite struct BodySnippets {
    /// `POST /items` with `content` (YAML under `requestBody.content`) and `responses`.
    static func upload(_ content: String, responses: String = "'204': {description: Done.}") -> SnippetSpec {
        Snippet.paths(
            """
            /items:
              post:
                operationId: upload
                requestBody:
                  required: true
                  content:
            \(content.split(separator: "\n").map { "          " + $0 }.joined(separator: "\n"))
                responses:
            \(responses.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
            """)
    }

    @Test func aTextBodyIsAStringSentAsItsMediaType() {
        Self.upload("text/csv: {schema: {type: string}}").expect(
            emitting: """
                public func upload(body: String) async throws(APIClientError<JSONValue>) -> Void {
                """,
            """
            request.setTextBody(body, contentType: "text/csv")
            """, in: .client)
    }

    @Test func aBinaryBodyWithSeveralMediaTypesTakesTheContentTypeAsAnArgument() {
        Self.upload(
            """
            image/png: {schema: {type: string, format: binary}}
            image/webp: {schema: {type: string, format: binary}}
            """
        ).expect(
            emitting: """
                ///   - contentType: The body's `Content-Type`; the spec declares `image/png`, `image/webp`.
                """,
            """
            public func upload(body: Data, contentType: String = "image/png") async throws(APIClientError<JSONValue>) -> Void {
            """,
            """
            request.setBinaryBody(body, contentType: contentType)
            """, in: .client)
    }

    @Test func aBodyOfOneSchemaInJSONAndFormTakesTheFormatAsAnArgument() {
        Self.upload(
            """
            application/json: {schema: {type: object, properties: {name: {type: string}}}}
            application/x-www-form-urlencoded: {schema: {type: object, properties: {name: {type: string}}}}
            """
        ).expect(
            emitting: """
                public nonisolated enum UploadBodyFormat: String, Hashable, Sendable, CaseIterable {
                    /// `application/json`
                    case json = "application/json"
                    /// `application/x-www-form-urlencoded`
                    case formURLEncoded = "application/x-www-form-urlencoded"
                }
                """,
            """
                    bodyFormat: UploadBodyFormat = .json
            """,
            """
                    switch bodyFormat {
                    case .json: try request.setJSONBody(body)
                    case .formURLEncoded:
                        var form = FormBody()
                        form.append("name", body.name)
                        try request.setFormBody(form)
                    }
            """,
            """
                                bodyFormat: recorded.bodyFormat(UploadBodyFormat.self, default: .json)
            """, in: .client)
    }

    @Test func aFormOfAnotherSchemaThanTheJSONIsNotGeneratedAndSaysSo() {
        let spec = Self.upload(
            """
            application/json: {schema: {type: object, properties: {name: {type: string}}}}
            application/x-www-form-urlencoded: {schema: {type: object, properties: {title: {type: string}}}}
            """)
        spec.expect(notEmitting: "bodyFormat", in: .client)
        #expect(
            spec.loaderDiagnostics().contains {
                $0.hasSuffix("warning: 'application/x-www-form-urlencoded' is not generated: a body has one Swift type, and 'application/json' is used")
            })
    }

    @Test func aBinaryBodyGetsAStreamingVariantThatSendsAByteStreamInOneAttempt() {
        Self.upload("application/octet-stream: {schema: {type: string, format: binary}}").expect(
            emitting: """
                public func uploadStreaming(body: ByteStream) async throws(APIClientError<JSONValue>) -> Void {
                """,
            """
                    request.setHeader("Content-Type", "application/octet-stream")
                    let streamed = try await self.core.sendStreaming(request, body: body)
                    let response = try await self.core.collected(streamed)
            """, in: .client)
    }

    @Test func aBinarySuccessBodyIsHandedOverAsItArrivesByTheStreamingVariant() {
        Self.upload(
            "text/plain: {schema: {type: string}}",
            responses: """
                '200':
                  description: The bytes.
                  content:
                    application/zip: {}
                """
        ).expect(
            emitting: """
                public func uploadStreaming(body: String) async throws(APIClientError<JSONValue>) -> ByteStream {
                """,
            """
                    let streamed = try await self.core.sendStreaming(request, body: nil)
                    switch streamed.status.code {
                    case 200: return streamed.body
                    default:
                        let response = try await self.core.collected(streamed)
                        throw self.core.undocumentedStatus(response)
                    }
            """, in: .client)
    }

    @Test func aWildcardBinaryBodyIsSentAsOctetStreamUnlessTheCallerSaysOtherwise() {
        Self.upload("'*/*': {schema: {type: string, format: binary}}").expect(
            emitting: """
                public func upload(
                    body: Data,
                    contentType: String = "application/octet-stream"
                ) async throws(APIClientError<JSONValue>) -> Void {
                """, in: .client)
    }

    @Test func aFormBodyAppendsEachMemberWithItsEncoding() {
        Self.upload(
            """
            application/x-www-form-urlencoded:
              schema:
                type: object
                properties:
                  name: {type: string}
                  ids: {type: array, items: {type: integer}}
                  filter: {type: object, properties: {state: {type: string}}}
              encoding:
                ids: {style: pipeDelimited}
                filter: {style: deepObject, explode: true}
            """
        ).expect(
            emitting: """
                var form = FormBody()
                form.append("name", body.name)
                form.append("ids", body.ids, style: .pipeDelimited)
                form.append("filter", body.filter, style: .deepObject)
                try request.setFormBody(form)
                """, in: .client)
    }

    @Test func aMultipartBodyAppendsEachMemberAsPartsWithItsContentType() {
        Self.upload(
            """
            multipart/form-data:
              schema:
                type: object
                required: [file]
                properties:
                  file: {type: string, format: binary}
                  caption: {type: string}
              encoding:
                file: {contentType: image/png}
            """
        ).expect(
            emitting: """
                public var file: FilePart
                """, in: .models)
        Self.upload(
            """
            multipart/form-data:
              schema:
                type: object
                required: [file]
                properties:
                  file: {type: string, format: binary}
                  caption: {type: string}
              encoding:
                file: {contentType: image/png}
            """
        ).expect(
            emitting: """
                var multipart = MultipartBody()
                multipart.append("file", body.file, contentType: "image/png")
                multipart.append("caption", body.caption)
                try request.setMultipartBody(multipart)
                """, in: .client)
    }

    @Test func aNonJSONSuccessBodyIsReadAsItIsAndAskedForByAccept() {
        Self.upload(
            "application/json: {schema: {type: object}}",
            responses: """
                '200':
                  description: A PDF.
                  content:
                    application/pdf: {}
                """
        ).expect(
            emitting: """
                request.setHeader("Accept", "application/pdf")
                """,
            """
            case 200: return self.core.successData(from: response)
            """, in: .client)
    }

    /// A vendor JSON type is JSON, sent and asked for under its own name (before, it was sent as
    /// `application/json` and the response asked for as `application/json`).
    @Test func aVendorJSONMediaTypeIsJSONSentAndAcceptedUnderItsOwnName() {
        Self.upload(
            "application/vnd.api+json: {schema: {type: object, properties: {a: {type: string}}}}",
            responses: """
                '200':
                  description: A problem-shaped answer.
                  content: {application/problem+json: {schema: {type: object, properties: {title: {type: string}}}}}
                """
        ).expect(
            emitting: """
                request.setHeader("Accept", "application/problem+json")
                try request.setJSONBody(body, contentType: "application/vnd.api+json")
                """, in: .client)
    }

    @Test func anotherKindOfMediaTypeBesideTheGeneratedOneIsAWarningAtItsKey() {
        #expect(
            Self.upload(
                """
                application/json: {schema: {type: object}}
                text/plain: {schema: {type: string}}
                """
            ).loaderDiagnostics().contains { $0.contains("'text/plain' is not generated: a body has one Swift type, and 'application/json' is used") })
    }

    @Test func anOperationWithoutOperationIDIsNamedFromItsMethodAndPath() {
        Snippet.paths(
            """
            /users/{id}/repos:
              get:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                responses: {'204': {description: None.}}
            """
        ).expect(
            emitting: """
                public func getUsersByIDRepos(userID: String) async throws(APIClientError<JSONValue>) -> Void {
                """, in: .client)
    }

    /// A schema held as JSONValue (here `required` naming an undeclared member) still gives fields:
    /// the object's members, by name.
    @Test func aFormBodyHeldAsJSONValueAppendsTheObjectsMembers() {
        Self.upload(
            """
            application/x-www-form-urlencoded:
              schema: {type: object, required: [token], properties: {client_id: {type: string}}}
            """
        ).expect(
            emitting: """
                var form = FormBody()
                form.appendMembers(of: body)
                try request.setFormBody(form)
                """, in: .client)
    }
}
