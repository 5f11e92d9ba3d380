import Foundation
import HTTPTypes
import KallglotAPI
import SpecRuntime
import Testing

/// A caller who gets a 2xx reads the headers the spec documents, typed, without the plain call
/// changing; a response whose documented headers break the spec is reported as the body is.
@Suite struct ResponseHeaderTests {
    @Test func successHeadersAreTypedOnTheWithHeadersCall() async throws {
        let exchange = try Fixtures.exchange("create/page-example.har")
        let client = makeClient(ScriptedTransport(exchange))
        let response = try await client.createAnalysisWithHeaders(sessionID: "sess_01HXYZ123456789", body: pageRequest)
        #expect(response.status == .accepted)
        #expect(response.body.id == "ana_01HDEF456789012")
        #expect(
            response.headers
                == KallglotAnalysisClient.CreateAnalysisResponseHeaders(
                    requestID: "req_01HREQ000000001", rateLimitLimit: 100, rateLimitRemaining: 99, rateLimitReset: 1_774_523_460))
        #expect(response.headerFields[.contentType] == "application/json")
        // The plain call still returns the body alone.
        let plain = try await makeClient(ScriptedTransport(exchange)).createAnalysis(sessionID: "sess_01HXYZ123456789", body: pageRequest)
        #expect(plain == response.body)
    }

    @Test func absentHeadersAreNilAndUnreadableOnesAreViolationsUnderStrictValidation() async throws {
        let exchange = try Fixtures.exchange("create/page-example.har")
        let headers = [("Content-Type", "application/json"), ("X-RateLimit-Limit", "lots"), ("X-RateLimit-Remaining", "-1")]
        let reply: ScriptedTransport.Reply = (exchange.status, headers, exchange.responseBody)
        let lenient = try await makeClient(ScriptedTransport([.success(reply)]))
            .createAnalysisWithHeaders(sessionID: "sess_01HXYZ123456789", body: pageRequest)
        #expect(lenient.headers.requestID == nil)
        #expect(lenient.headers.rateLimitLimit == nil)
        #expect(lenient.headers.rateLimitRemaining == -1)
        let strict = makeClient(ScriptedTransport([.success(reply)]), validation: ValidationOptions(responses: .strict))
        do {
            _ = try await strict.createAnalysisWithHeaders(sessionID: "sess_01HXYZ123456789", body: pageRequest)
            Issue.record("expected a response validation error")
        } catch {
            guard case .responseValidation(let status, let validation) = error else {
                Issue.record("expected .responseValidation, got \(error)")
                return
            }
            #expect(status == .accepted)
            #expect(
                validation.violations.map(\.description) == [
                    "header 'X-RateLimit-Limit': type integer violated by lots",
                    "header 'X-RateLimit-Remaining': minimum 0 violated by -1",
                ])
        }
    }

    @Test func aTypedResponseDescriptionLeavesOutTheRawHeaderFields() async throws {
        let exchange = try Fixtures.exchange("create/page-example.har")
        let reply: ScriptedTransport.Reply = (exchange.status, exchange.responseHeaders + [("Set-Cookie", "session=s3cr3t")], exchange.responseBody)
        let response = try await makeClient(ScriptedTransport([.success(reply)]))
            .createAnalysisWithHeaders(sessionID: "sess_01HXYZ123456789", body: pageRequest)
        var dumped = ""
        dump(response, to: &dumped)
        #expect(!response.description.contains("s3cr3t"))
        #expect(!dumped.contains("s3cr3t"))
        #expect(response.description.contains("req_01HREQ000000001"))
    }
}
