import Foundation
import GoldenBodiesAndMedia
import LoopbackServer
import SpecRuntime
import Testing

/// Form, multipart, text and binary bodies as a server receives them over loopback; form and
/// multipart bytes are read back by Python's standard library (`urllib.parse`, `email`), an
/// independent parser.
@Suite struct MediaBodyTests {
    static func client(
        _ server: LoopbackServer, responses: ValidationOptions.ResponseMode = .strict,
        credentials: [String: Credential] = ["keyHeader": .secret(APIKey("hk_1")), "basicAuth": .basic(username: "u", password: APIKey("p"))]
    ) -> MediaClient {
        var configuration = ClientConfiguration(baseURL: server.baseURL, validation: ValidationOptions(responses: responses))
        configuration.credentials = credentials
        return MediaClient(configuration: configuration)
    }

    /// Runs `script` with `input` on stdin and returns its stdout.
    static func python(_ script: String, input: Data) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: output, as: UTF8.self)
    }

    @Test func aFormBodyIsFieldsInSchemaOrderWithDeepObjectsAndJoinedArraysAsTheEncodingSays() async throws {
        let server = try await LoopbackServer { _, _ in LoopbackServer.Reply(status: 200, json: #"{"id": "ch_1"}"#) }
        let receipt = try await Self.client(server).createCharge(
            body: CreateChargeRequest(
                amount: 1250, currency: "eur", description: "Tea & cake = 100% fun", capture: true, expand: ["customer", "invoice"],
                tags: ["a", "b c"], card: .init(number: "4242", exp: .init(month: 12, year: 2030)), metadata: ["order": "7/1"]))
        #expect(receipt.id == "ch_1")
        let request = try #require(server.requests.first)
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
        let parsed = try Self.python(
            "import sys, urllib.parse; [print(k + '=' + v) for k, v in urllib.parse.parse_qsl(sys.stdin.read(), keep_blank_values=True, strict_parsing=True)]",
            input: request.body)
        #expect(
            parsed.split(separator: "\n").map(String.init) == [
                "amount=1250", "currency=eur", "description=Tea & cake = 100% fun", "capture=true", "expand=customer", "expand=invoice",
                "tags=a,b c", "card[exp][month]=12", "card[exp][year]=2030", "card[number]=4242", "metadata[order]=7/1",
            ])
        try await server.shutdown()
    }

    @Test func aBodyDeclaredInSeveralEncodingsIsSentInTheOneTheCallerPicksJSONByDefault() async throws {
        let server = try await LoopbackServer { _, _ in LoopbackServer.Reply(status: 204) }
        let client = Self.client(server)
        let update = PetUpdate(name: "Rex & co", tags: ["a", "b"])
        try await client.updatePet(petID: "p1", body: update)
        try await client.updatePet(petID: "p1", body: update, bodyFormat: .formURLEncoded)
        try await client.updatePet(petID: "p1", body: update, bodyFormat: .multipart)
        #expect(server.requests.count == 3)
        let (json, form, multipart) = (server.requests[0], server.requests[1], server.requests[2])
        #expect(json.header("Content-Type") == "application/json")
        #expect(try JSONCoding.makeDecoder().decode(PetUpdate.self, from: json.body) == update)
        #expect(form.header("Content-Type") == "application/x-www-form-urlencoded")
        let fields = try Self.python(
            "import sys, urllib.parse; [print(k + '=' + v) for k, v in urllib.parse.parse_qsl(sys.stdin.read(), strict_parsing=True)]",
            input: form.body)
        #expect(fields.split(separator: "\n").map(String.init) == ["name=Rex & co", "tags=a", "tags=b"])
        let contentType = try #require(multipart.header("Content-Type"))
        #expect(contentType.hasPrefix("multipart/form-data; boundary="))
        let parts = try Self.python(
            """
            import sys, email, email.policy
            raw = b'Content-Type: ' + sys.argv[1].encode() + b'\\r\\n\\r\\n' + sys.stdin.buffer.read()
            message = email.message_from_bytes(raw, policy=email.policy.HTTP)
            [print(part.get_param('name', header='content-disposition') + '=' + part.get_payload(decode=True).decode()) for part in message.iter_parts()]
            """.replacingOccurrences(of: "sys.argv[1]", with: "'\(contentType)'"), input: multipart.body)
        #expect(parts.split(separator: "\n").map(String.init) == ["name=Rex & co", "tags=a", "tags=b"])
        try await server.shutdown()
    }

    @Test func aMultipartBodyHasAFilePartPerFileATextPartPerScalarAndAJSONPartPerObject() async throws {
        let server = try await LoopbackServer { _, _ in LoopbackServer.Reply(status: 204) }
        let pdf = Data("%PDF-1.7\r\n--not-a-boundary\r\n\u{0}\u{1}binary".utf8)
        try await Self.client(server).uploadDocument(
            body: UploadDocumentRequest(
                file: FilePart(data: pdf, filename: "report \"final\".pdf"),
                attachments: [FilePart(data: Data([0xFF, 0x00, 0x0D, 0x0A]), filename: "a.bin"), FilePart(data: Data("x".utf8), contentType: "text/plain")],
                title: "Quarterly – Q3", pages: 12, meta: .init(author: "Ada")))
        let request = try #require(server.requests.first)
        let contentType = try #require(request.header("Content-Type"))
        #expect(contentType.hasPrefix("multipart/form-data; boundary="))
        // Each part as `name|filename|content type|payload as hex`, read by Python's MIME parser.
        let script = """
            import sys, email, email.policy
            raw = sys.stdin.buffer.read()
            message = email.message_from_bytes(b'Content-Type: ' + sys.argv[1].encode() + b'\\r\\n\\r\\n' + raw, policy=email.policy.HTTP)
            assert message.is_multipart() and not message.defects, message.defects
            for part in message.iter_parts():
                print('|'.join([part.get_param('name', header='content-disposition'), part.get_filename() or '-',
                                part.get('Content-Type', '-'), part.get_payload(decode=True).hex()]))
            """
        let process = try Self.python(script.replacingOccurrences(of: "sys.argv[1]", with: "'\(contentType)'"), input: request.body)
        func hex(_ data: Data) -> String { data.map { String(format: "%02x", $0) }.joined() }
        let expected: [String] = [
            "file|report %22final%22.pdf|application/pdf|" + hex(pdf),
            "attachments|a.bin|application/octet-stream|ff000d0a",
            "attachments|attachments|text/plain|78",
            "title|-|-|" + hex(Data("Quarterly – Q3".utf8)),
            "pages|-|-|" + hex(Data("12".utf8)),
            "meta|-|application/json|" + hex(Data(#"{"author":"Ada"}"#.utf8)),
        ]
        #expect(process.split(separator: "\n").map(String.init) == expected)
        try await server.shutdown()
    }

    @Test func aTextErrorBodyIsTheErrorsEnvelopeAsTextNotAMalformedResponse() async throws {
        let server = try await LoopbackServer { _, _ in
            LoopbackServer.Reply(status: 409, headers: [("Content-Type", "text/html")], body: Data("<p>taken</p>".utf8))
        }
        do {
            _ = try await Self.client(server).putNoteText(noteID: "n", body: "abc")
            Issue.record("expected the documented 409")
        } catch {
            guard case .api(let apiError) = error else {
                Issue.record("expected .api, got \(error)")
                return
            }
            #expect(apiError.status == .conflict)
            #expect(apiError.envelope == "<p>taken</p>")
        }
        try await server.shutdown()
    }

    @Test func aFormResponseIsReadAsItsText() async throws {
        let server = try await LoopbackServer { _, _ in
            LoopbackServer.Reply(status: 200, headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Data("access_token=a%2Bb&x=1".utf8))
        }
        #expect(try await Self.client(server).issueToken() == "access_token=a%2Bb&x=1")
        #expect(server.requests.first?.header("Accept") == "application/x-www-form-urlencoded")
        try await server.shutdown()
    }

    @Test func aNullableBodyIsOptionalAndNullDecodesAsNil() async throws {
        let server = try await LoopbackServer { request, _ in
            LoopbackServer.Reply(status: 200, json: request.uri.hasSuffix("/gone") ? "null" : #"{"name": ""}"#)
        }
        #expect(try await Self.client(server).getPet(petID: "gone") == nil)
        do {
            _ = try await Self.client(server).getPet(petID: "p1")
            Issue.record("an empty name breaks minLength 1")
        } catch {
            guard case .responseValidation(_, let validation) = error else {
                Issue.record("expected a response validation error, got \(error)")
                return
            }
            #expect(validation.violations.map(\.description) == [#"/name: minLength 1 violated by "" (length 0)"#])
        }
        try await server.shutdown()
    }

    @Test func aTextBodyGoesAsUTF8TextAndATextResponseIsValidatedAgainstItsSchema() async throws {
        let server = try await LoopbackServer { request, _ in
            LoopbackServer.Reply(status: 200, headers: [("Content-Type", "text/plain; charset=utf-8")], body: request.body.count > 3 ? request.body : Data())
        }
        let echoed = try await Self.client(server).putNoteText(noteID: "n 1", body: "Grüße\nzwei Zeilen")
        #expect(echoed == "Grüße\nzwei Zeilen")
        let request = try #require(server.requests.first)
        #expect(request.header("Content-Type") == "text/plain")
        #expect(request.header("Accept") == "text/plain")
        #expect(request.uri == "/notes/n%201/text")
        do {
            _ = try await Self.client(server).putNoteText(noteID: "n", body: "abc")
            Issue.record("an empty text breaks minLength 1")
        } catch {
            guard case .responseValidation(_, let validation) = error else {
                Issue.record("expected a response validation error, got \(error)")
                return
            }
            #expect(validation.violations.map(\.keyword) == ["minLength"])
        }
        try await server.shutdown()
    }

    @Test func aBinaryBodyIsSentAndReceivedByteForByteWithItsMediaType() async throws {
        let bytes = Data((0...255).map(UInt8.init))
        let server = try await LoopbackServer { request, _ in
            request.method == "GET"
                ? LoopbackServer.Reply(status: 200, headers: [("Content-Type", "image/png"), ("X-Checksum", "abc")], body: bytes)
                : LoopbackServer.Reply(status: 201, headers: [("Content-Type", "application/problem+json")], body: Data(#"{"id": "img_1"}"#.utf8))
        }
        let client = Self.client(server)
        #expect(try await client.uploadImage(body: bytes).id == "img_1")
        let upload = try #require(server.requests.first)
        #expect(upload.body == bytes)
        #expect(upload.header("Content-Type") == "image/png")
        let image = try await client.getImagesByIDWithHeaders(imageID: "img_1")
        #expect(image.body == bytes)
        #expect(image.headers.checksum == "abc")
        #expect(server.requests.last?.header("Accept") == "image/png")
        try await server.shutdown()
    }

    @Test func anOperationWithItsOwnServerIsSentThereUnlessTheConfigurationSaysOtherwise() async throws {
        let server = try await LoopbackServer { _, _ in LoopbackServer.Reply(status: 200, headers: [("Content-Type", "application/zip")], body: Data("PK".utf8))
        }
        #expect(try await Self.client(server).exportAll() == Data("PK".utf8))
        var configuration = ClientConfiguration(baseURL: server.baseURL)
        configuration.credentials = ["basicAuth": .basic(username: "u", password: APIKey("p"))]
        configuration.usesOperationServers = false
        _ = try await MediaClient(configuration: configuration).exportAll()
        #expect(server.requests.map(\.uri) == ["/downloads/export", "/export"])
        #expect(server.requests.first?.header("Accept") == "*/*")
        try await server.shutdown()
    }

    @Test(arguments: [402, 409, 500])
    func aStatusInADocumentedRangeIsThatRangesErrorAndOneOutsideIsUndocumented(status: Int) async throws {
        let server = try await LoopbackServer { _, _ in LoopbackServer.Reply(status: status, json: #"{"title": "no"}"#) }
        do {
            _ = try await Self.client(server).createCharge(body: CreateChargeRequest(amount: 1, currency: "eur"))
            Issue.record("expected an error")
        } catch {
            switch error {
            case .api(let api): #expect(status < 500 && api.envelope.title == "no")
            case .undocumentedStatus(let received, _): #expect(status == 500 && received.code == 500)
            default: Issue.record("unexpected \(error)")
            }
        }
        try await server.shutdown()
    }

    @Test func queryAndCookieParametersAreSentInTheirStyles() async throws {
        let server = try await LoopbackServer { _, _ in LoopbackServer.Reply(status: 200, headers: [("Content-Type", "application/zip")], body: Data()) }
        _ = try await Self.client(server).exportAll(
            session: "s 1;x", filter: .init(state: "open", since: 5), ids: [1, 2, 3], tags: ["a", "b"], where: .init(owner: "me"))
        let request = try #require(server.requests.first)
        let query = try #require(URLComponents(string: request.uri)?.queryItems).map { "\($0.name)=\($0.value ?? "")" }
        #expect(query == ["filter[since]=5", "filter[state]=open", "ids=1,2,3", "tags=a|b", #"where={"owner":"me"}"#])
        #expect(request.header("Cookie") == "session=s+1%3Bx")
        try await server.shutdown()
    }

    @Test func pathParametersAreExpandedInTheirStylesAndAnObjectHeaderInTheSimpleStyle() async throws {
        let server = try await LoopbackServer { _, _ in LoopbackServer.Reply(status: 204) }
        try await Self.client(server).getPoint(
            point: .init(x: 1, y: -2), ids: [3, 4], filter: .init(role: "a/b", name: "Zoë"), xRange: .init(from: 0, to: 9))
        let request = try #require(server.requests.first)
        // RFC 6570: {.point} → .x,1,y,-2; {;ids*} → ;ids=3;ids=4; {filter} → name,Zo%C3%AB,role,a%2Fb.
        #expect(request.uri == "/points/.x,1,y,-2/;ids=3;ids=4/name,Zo%C3%AB,role,a%2Fb")
        #expect(request.header("X-Range") == "from=0,to=9")
        try await server.shutdown()
    }

    @Test func eachOperationSendsTheCredentialsItsSecuritySaysAndNoneWhereItNeedsNone() async throws {
        let server = try await LoopbackServer { request, _ in
            request.uri.hasPrefix("/feed")
                ? LoopbackServer.Reply(status: 200, headers: [("Content-Type", "application/xml")], body: Data("<a/>".utf8))
                : LoopbackServer.Reply(status: 200, headers: [("Content-Type", "application/zip")], body: Data())
        }
        _ = try await Self.client(server).getFeed()
        _ = try await Self.client(server).exportAll()
        let (feed, export) = (server.requests[0], server.requests[1])
        #expect(feed.header("X-API-Key") == nil && feed.header("Authorization") == nil)
        #expect(export.header("Authorization") == "Basic " + Data("u:p".utf8).base64EncodedString())
        try await server.shutdown()
    }

    @Test func anOAuthTokenComesFromTheProviderForEachCallAndAKeyPairGoesInQueryAndCookie() async throws {
        let server = try await LoopbackServer { _, _ in LoopbackServer.Reply(status: 200, headers: [("Content-Type", "application/zip")], body: Data()) }
        _ = try await Self.client(server, credentials: ["oauth": .tokenProvider { APIKey("at_42") }]).exportAll()
        _ = try await Self.client(server, credentials: ["keyQuery": .secret(APIKey("qk_7")), "keyCookie": .secret(APIKey("ck_9"))]).exportAll()
        #expect(server.requests[0].header("Authorization") == "Bearer at_42")
        #expect(server.requests[1].uri.hasSuffix("?api_key=qk_7"))
        #expect(server.requests[1].header("Cookie") == "sid=ck_9")
        try await server.shutdown()
    }

    @Test func withoutCredentialsForAnyAlternativeTheRequestIsNotSent() async throws {
        let server = try await LoopbackServer { _, _ in LoopbackServer.Reply(status: 200, headers: [("Content-Type", "application/zip")], body: Data()) }
        do {
            _ = try await Self.client(server, credentials: ["keyQuery": .secret(APIKey("qk_7"))]).exportAll()
            Issue.record("expected missing credentials")
        } catch {
            guard case .missingCredentials(let alternatives) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(alternatives == [["basicAuth"], ["oauth"], ["keyQuery", "keyCookie"]])
            #expect(error.description == "request not sent: no credentials for basicAuth, nor for oauth, nor for keyQuery and keyCookie")
        }
        #expect(server.requests.isEmpty)
        try await server.shutdown()
    }
}
