import Conformance
import Foundation
import OpenAPIModel
import Testing

/// The media types of bodies: the `Content-Type` of each recorded body against the `content`
/// keys the spec declares for it (spec/fixtures/README.md, "Media types").
@Suite struct MediaTypeTests {
    /// The first entry of a fixture, edited, checked alone.
    private func check(_ fixture: String, suite: ConformanceSuite? = nil, _ edit: (inout [String: Any]) -> Void) async throws -> ConformanceCase {
        let data = try #require(FileManager.default.contents(atPath: Repository.fixtures + "/" + fixture))
        var har = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var log = try #require(har["log"] as? [String: Any])
        var entry = try #require((log["entries"] as? [[String: Any]])?.first)
        edit(&entry)
        log["entries"] = [entry]
        har["log"] = log
        let suite = try suite ?? Repository.suite()
        let cases = await suite.check(contents: try JSONSerialization.data(withJSONObject: har), named: fixture)
        #expect(cases.count == 1)
        return try #require(cases.first)
    }

    /// Sets (or, with `nil`, removes) a header of `request` or `response`.
    private func header(_ name: String, _ value: String?, of side: String, in entry: inout [String: Any]) {
        var part = entry[side] as? [String: Any] ?? [:]
        var headers = (part["headers"] as? [[String: Any]] ?? []).filter { ($0["name"] as? String)?.lowercased() != name.lowercased() }
        if let value { headers.append(["name": name, "value": value]) }
        part["headers"] = headers
        entry[side] = part
    }

    /// The suite with one response of one operation declaring other `content` keys (the real
    /// spec declares only `application/json`; the generator accepts only JSON keys).
    private func suite(declaring mediaTypes: [String], for operationID: String, status: Int) throws -> ConformanceSuite {
        let real = try Repository.suite()
        var document = real.document
        let operation = try #require(document.operations.firstIndex { $0.operationID == operationID })
        let response = try #require(document.operations[operation].responses.firstIndex { $0.statusCode == status })
        let location = document.operations[operation].location
        document.operations[operation].responses[response].mediaTypes = mediaTypes.map { DeclaredMediaType(name: $0, location: location) }
        if mediaTypes.isEmpty { document.operations[operation].responses[response].content = nil }
        return ConformanceSuite(
            document: document, operations: Array(real.operations.values),
            webhookEvents: real.webhookEvents, webhookSecret: real.webhookSecret)
    }

    @Test func theModelKeepsTheDeclaredMediaTypesOfBodies() throws {
        let document = try Repository.suite().document
        let create = try #require(document.operations.first { $0.operationID == "createAnalysis" })
        #expect(create.requestBody?.mediaTypes.map(\.name) == ["application/json"])
        #expect(create.requestBody?.mediaTypes.first?.location.line == 55)
        #expect(create.responses.allSatisfy { $0.mediaTypes.map(\.name) == ["application/json"] })
        #expect(document.webhooks.allSatisfy { $0.bodyMediaTypes.map(\.name) == ["application/json"] })
    }

    @Test func aJSONBodyLabelledHTMLIsReported() async throws {
        let result = try await check("poll/queued.har") { header("Content-Type", "text/html", of: "response", in: &$0) }
        #expect(result.failures.map(\.check) == ["response Content-Type is declared"])
        #expect(result.failures.first?.message == "Content-Type 'text/html' is not declared (the spec declares application/json)")
        // The spec gives no schema for text/html, so the body is not checked against one.
        #expect(!result.checks.contains("response body decodes, validates and round-trips"))
    }

    @Test func aRequestLabelledTextPlainIsReportedAsItsMediaType() async throws {
        let result = try await check("create/page-example.har") { header("Content-Type", "text/plain", of: "request", in: &$0) }
        let mediaType = result.failures.filter { $0.check == "request Content-Type is declared" }
        #expect(mediaType.map(\.message) == ["Content-Type 'text/plain' is not declared (the spec declares application/json)"])
        #expect(!result.checks.contains("request body satisfies the spec"))
    }

    @Test func aBodyWithoutContentTypeIsReported() async throws {
        let result = try await check("poll/queued.har") { header("Content-Type", nil, of: "response", in: &$0) }
        #expect(result.failures.map(\.message) == ["the body has no Content-Type header (the spec declares application/json)"])
    }

    @Test(arguments: ["json", "application/", "application/json; charset", "*/*", "application/*"])
    func aContentTypeThatIsNotOneMediaTypeIsReported(value: String) async throws {
        let result = try await check("poll/queued.har") { header("Content-Type", value, of: "response", in: &$0) }
        #expect(result.failures.map(\.message) == ["Content-Type '\(value)' is not a media type (the spec declares application/json)"])
    }

    @Test func charsetParameterIsAccepted() async throws {
        let result = try await check("create/page-example.har") {
            header("Content-Type", "application/json; charset=utf-8", of: "request", in: &$0)
            header("Content-Type", "application/json;charset=UTF-8", of: "response", in: &$0)
        }
        #expect(result.failures.map(\.description) == [])
        #expect(result.checks.contains("request Content-Type is declared"))
        #expect(result.checks.contains("response Content-Type is declared"))
        #expect(result.checks.contains("request body satisfies the spec"))
        #expect(result.checks.contains("the generated client makes the same request"))
    }

    @Test func mediaTypesCompareCaseInsensitively() async throws {
        let result = try await check("poll/queued.har") { header("content-type", "Application/JSON", of: "response", in: &$0) }
        #expect(result.failures.map(\.description) == [])
        #expect(result.checks.contains("response body decodes, validates and round-trips"))
    }

    @Test func aProblemJSONBodyIsNotApplicationJSON() async throws {
        let result = try await check("errors/404-analysis-not-found.har") {
            header("Content-Type", "application/problem+json", of: "response", in: &$0)
        }
        #expect(result.failures.map(\.message) == ["Content-Type 'application/problem+json' is not declared (the spec declares application/json)"])
    }

    @Test func mediaRangeInSpecAcceptsTheTypesItCoversAndNoOthers() async throws {
        let ranged = try suite(declaring: ["application/*"], for: "getAnalysis", status: 200)
        let covered = try await check("poll/queued.har", suite: ranged) {
            header("Content-Type", "application/vnd.kallglot.analysis+json", of: "response", in: &$0)
        }
        #expect(covered.failures.map(\.description) == [])
        #expect(covered.checks.contains("response body decodes, validates and round-trips"))
        let other = try await check("poll/queued.har", suite: ranged) { header("Content-Type", "text/html", of: "response", in: &$0) }
        #expect(other.failures.map(\.message) == ["Content-Type 'text/html' is not declared (the spec declares application/*)"])

        let anything = try suite(declaring: ["*/*"], for: "getAnalysis", status: 200)
        let text = try await check("poll/queued.har", suite: anything) { header("Content-Type", "text/plain", of: "response", in: &$0) }
        #expect(text.failures.map(\.description) == [])
    }

    @Test func theMostSpecificDeclaredKeyWins() {
        let keys = ["*/*", "application/*", "application/*+json", "application/json", "application/json; charset=utf-8", "text/plain"]
        #expect(MediaType.bestMatch(for: "application/json; charset=UTF-8", among: keys) == 4)
        #expect(MediaType.bestMatch(for: "application/json", among: keys) == 3)
        #expect(MediaType.bestMatch(for: "application/problem+json", among: keys) == 2)
        #expect(MediaType.bestMatch(for: "application/xml", among: keys) == 1)
        #expect(MediaType.bestMatch(for: "image/png", among: keys) == 0)
        #expect(MediaType.bestMatch(for: "text/plain; format=flowed", among: keys) == 5)
        // Equals: the first in document order.
        #expect(MediaType.bestMatch(for: "application/json", among: ["Application/JSON", "application/json"]) == 0)
    }

    @Test func declaredParametersMustBePresentAndEqual() {
        let keys = ["text/plain; charset=utf-8"]
        #expect(MediaType.bestMatch(for: "text/plain; charset=\"UTF-8\"", among: keys) == 0)
        #expect(MediaType.bestMatch(for: "text/plain; charset=iso-8859-1", among: keys) == nil)
        #expect(MediaType.bestMatch(for: "text/plain", among: keys) == nil)
        #expect(MediaType.bestMatch(for: "application/problem+json", among: ["application/json"]) == nil)
        #expect(MediaType.bestMatch(for: "application/json", among: ["application/*+json"]) == nil)
    }

    @Test func aBodyOnAnOperationWithoutRequestBodyIsReported() async throws {
        let result = try await check("poll/queued.har") { entry in
            var request = entry["request"] as? [String: Any] ?? [:]
            request["postData"] = ["mimeType": "application/json", "text": "{}"]
            entry["request"] = request
            header("Content-Type", "application/json", of: "request", in: &entry)
            entry["_expectedViolations"] = [["in": "request.body", "pointer": "", "keyword": "undocumentedBody"]]
        }
        #expect(result.failures.map(\.description) == [])
        #expect(result.checks.contains("request body satisfies the spec"))
    }

    @Test func aResponseBodyWhereTheSpecDeclaresNoContentIsReported() async throws {
        let bodiless = try suite(declaring: [], for: "getAnalysis", status: 200)
        let result = try await check("poll/queued.har", suite: bodiless) { _ in }
        #expect(result.failures.map(\.message) == ["200 of getAnalysis documents no body"])
    }

    @Test func aWebhookDeliveryLabelledTextPlainIsReportedAndItsSignatureStillVerified() async throws {
        let result = try await check("webhooks/analysis-complete.har") { header("Content-Type", "text/plain", of: "request", in: &$0) }
        #expect(result.failures.map(\.check) == ["delivery Content-Type is declared"])
        #expect(result.failures.first?.message == "Content-Type 'text/plain' is not declared (the spec declares application/json)")
        #expect(result.checks.contains("signature verifies"))
        #expect(!result.checks.contains("delivery body decodes, validates and round-trips"))
    }

    @Test func aWebhookDeliveryWithCharsetIsAccepted() async throws {
        let result = try await check("webhooks/analysis-complete.har") {
            header("Content-Type", "application/json; charset=utf-8", of: "request", in: &$0)
        }
        #expect(result.failures.map(\.description) == [])
        #expect(result.checks.contains("delivery body decodes, validates and round-trips"))
    }
}
