import Foundation
import HTTPTypes
@_spi(Contract) import KallglotAPI
import SpecRuntime
import Testing

@Suite struct ClientTests {
    @Test func pageExampleSendsThePageRequestAndDecodesTheResponse() async throws {
        let exchange = try Fixtures.exchange("create/page-example.har")
        let transport = ScriptedTransport(exchange)
        let analysis = try await makeClient(transport).createAnalysis(sessionID: "sess_01HXYZ123456789", body: pageRequest)
        #expect(analysis.id == "ana_01HDEF456789012")
        #expect(analysis.status == .queued)
        #expect(analysis.estimatedCompletion == RFC3339.date(from: "2026-03-26T11:10:30Z"))
        let (request, body) = try #require(transport.requests.first)
        #expect(request.method == .post)
        #expect(request.path == "/v1/sessions/sess_01HXYZ123456789/analysis")
        #expect(request.headerFields[.authorization] == "Bearer sk_test_fixture_key_do_not_use")
        #expect(request.headerFields[.contentType] == "application/json")
        let sent = try JSONSerialization.jsonObject(with: try #require(body)) as? NSDictionary
        let recorded = try JSONSerialization.jsonObject(with: try #require(exchange.requestBody)) as? NSDictionary
        #expect(sent == recorded)
    }

    @Test(arguments: [
        "400-missing-analyses", "401-invalid-api-key", "403-insufficient-permissions", "404-session-not-found",
        "409-session-not-analyzable", "409-idempotency-conflict", "422-unsupported-language", "429-retry-after",
        "500-internal-error", "502-upstream-error", "503-service-unavailable",
    ])
    func documentedErrorCarriesStatusEnvelopeAndHeaders(fixture: String) async throws {
        let exchange = try Fixtures.exchange("errors/\(fixture).har")
        let client = makeClient(ScriptedTransport(exchange), retry: .none)
        do {
            _ = try await client.createAnalysis(sessionID: "sess_01HXYZ123456789", body: pageRequest)
            Issue.record("expected an error")
        } catch {
            guard case .api(let apiError) = error else {
                Issue.record("expected .api, got \(error)")
                return
            }
            #expect(apiError.status.code == exchange.status)
            let recorded = try JSONDecoder().decode(ErrorResponse.self, from: exchange.responseBody)
            #expect(apiError.envelope == recorded)
            #expect(apiError.envelope.error.param == recorded.error.param)
            #expect(apiError.requestID == "req_01HREQ000000001")
            if exchange.status == 429 {
                #expect(apiError.retryAfter == .seconds(2))
                #expect(apiError.rateLimit?.remaining == 0)
            }
        }
    }

    @Test func rateLimitedThenSuccessWaitsForRetryAfter() async throws {
        let limited = try Fixtures.exchange("errors/429-retry-after.har")
        let success = try Fixtures.exchange("create/page-example.har")
        let transport = ScriptedTransport([
            .success((429, limited.responseHeaders, limited.responseBody)),
            .success((202, success.responseHeaders, success.responseBody)),
        ])
        let sleeper = RecordingSleeper()
        let analysis = try await makeClient(transport, sleeper: sleeper.sleeper).createAnalysis(sessionID: "sess_01HXYZ123456789", body: pageRequest)
        #expect(analysis.status == .queued)
        #expect(sleeper.recorded == [.seconds(2)])
        #expect(transport.requests.count == 2)
    }

    @Test func serviceUnavailableTwiceThenSuccessReusesOneIdempotencyKey() async throws {
        let unavailable = try Fixtures.exchange("errors/503-service-unavailable.har")
        let success = try Fixtures.exchange("create/page-example.har")
        let failure = (503, [(String, String)](), unavailable.responseBody)
        let transport = ScriptedTransport([.success(failure), .success(failure), .success((202, success.responseHeaders, success.responseBody))])
        let sleeper = RecordingSleeper()
        _ = try await makeClient(transport, sleeper: sleeper.sleeper).createAnalysis(sessionID: "sess_01HXYZ123456789", body: pageRequest)
        let keys = transport.requests.map { $0.0.headerFields[HTTPField.Name("Idempotency-Key")!] }
        #expect(keys.count == 3)
        #expect(keys[0] != nil)
        #expect(Set(keys).count == 1)
        // Exponential backoff with the injected jitter of 0.5: 0.5 × 500 ms, then 0.5 × 1 s.
        #expect(sleeper.recorded == [.milliseconds(250), .milliseconds(500)])
    }

    @Test func callerIdempotencyKeyIsSentOnEveryAttempt() async throws {
        let success = try Fixtures.exchange("create/page-example.har")
        let transport = ScriptedTransport([.failure(.connectionFailed("reset")), .success((202, success.responseHeaders, success.responseBody))])
        _ = try await makeClient(transport).createAnalysis(sessionID: "sess_01HXYZ123456789", idempotencyKey: "key-1", body: pageRequest)
        #expect(transport.requests.map { $0.0.headerFields[HTTPField.Name("Idempotency-Key")!] } == ["key-1", "key-1"])
    }

    @Test func endlessRateLimitingStopsAfterTheConfiguredAttempts() async throws {
        let limited = try Fixtures.exchange("errors/429-retry-after.har")
        let transport = ScriptedTransport([.success((429, [("Retry-After", "31536000")], limited.responseBody))])
        let sleeper = RecordingSleeper()
        await #expect(throws: APIClientError<ErrorResponse>.self) {
            try await makeClient(transport, sleeper: sleeper.sleeper, retry: RetryPolicy(maxAttempts: 4)).createAnalysis(sessionID: "sess_1", body: pageRequest)
        }
        #expect(transport.requests.count == 4)
        // A Retry-After of a year is capped at the policy's maximum.
        #expect(sleeper.recorded == [.seconds(60), .seconds(60), .seconds(60)])
    }

    @Test(arguments: [
        ("<html><body>Bad gateway</body></html>", "the body is not JSON"),
        ("{\"id\": \"ana_01\", \"object\": \"analysis\"", "the body is not JSON"),
        ("{\"id\": 12}", "not a valid Analysis at /id"),
    ])
    func malformedSuccessBodyIsAClearErrorWithStatusAndExcerpt(body: String, reason: String) async throws {
        let transport = ScriptedTransport([.success((202, [], Data(body.utf8)))])
        do {
            _ = try await makeClient(transport).createAnalysis(sessionID: "sess_1", body: pageRequest)
            Issue.record("expected an error")
        } catch {
            guard case .malformedResponse(let status, let excerpt, let message) = error else {
                Issue.record("expected .malformedResponse, got \(error)")
                return
            }
            #expect(status.code == 202)
            #expect(excerpt == String(body.prefix(200)))
            #expect(message.contains(reason), "\(message)")
        }
    }

    @Test func undocumentedStatusIsAnErrorWithTheStatus() async throws {
        let transport = ScriptedTransport([.success((418, [], Data("I'm a teapot".utf8)))])
        do {
            _ = try await makeClient(transport).getAnalysis(analysisID: "ana_1")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "undocumented status 418: I'm a teapot")
        }
    }

    @Test func cancellationDuringARetryWaitEndsTheCall() async throws {
        let transport = ScriptedTransport([.success((503, [], Data("{}".utf8)))])
        let client = makeClient(transport, sleeper: { duration in try await Task.sleep(for: .seconds(3600)) })
        let task = Task { try await client.getAnalysis(analysisID: "ana_1") }
        while transport.requests.isEmpty { await Task.yield() }
        let start = ContinuousClock.now
        task.cancel()
        let result = await task.result
        #expect(ContinuousClock.now - start < .seconds(5))
        guard case .failure(let error) = result, case .cancelled? = error as? APIClientError<ErrorResponse> else {
            Issue.record("expected .cancelled, got \(result)")
            return
        }
    }

    @Test func invalidArgumentsAreRefusedBeforeSendingWithEveryViolation() async throws {
        let transport = ScriptedTransport([.success((202, [], Data()))])
        let body = CreateAnalysisRequest(analyses: [.summary, .summary], customPrompts: CustomPrompts(summary: ""))
        do {
            _ = try await makeClient(transport).createAnalysis(sessionID: "session-1", body: body)
            Issue.record("expected an error")
        } catch {
            guard case .requestValidation(let validation) = error else {
                Issue.record("expected .requestValidation, got \(error)")
                return
            }
            // One error lists the bad parameter and the bad body together, each where it is.
            #expect(
                validation.violations.map { "\($0.parameterLocation?.rawValue ?? "body") \($0.pointer) \($0.keyword)" } == [
                    "path /id pattern", "body /analyses uniqueItems", "body /custom_prompts/summary minLength",
                ])
            #expect(validation.description.contains("path parameter 'id': pattern"))
        }
        do {
            _ = try await makeClient(transport).createAnalysis(sessionID: "sess_1", body: body)
        } catch {
            guard case .requestValidation(let validation) = error else {
                Issue.record("expected .requestValidation, got \(error)")
                return
            }
            #expect(validation.violations.map { "\($0.pointer) \($0.keyword)" } == ["/analyses uniqueItems", "/custom_prompts/summary minLength"])
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func theAPIKeyNeverAppearsInDescriptionsOrErrors() async throws {
        let key = "sk_test_fixture_key_do_not_use"
        let transport = ScriptedTransport([.success((500, [], Data("echo: Bearer \(key)".utf8)))])
        let client = makeClient(transport, retry: .none)
        #expect(!String(describing: client.core).contains(key))
        #expect(!String(reflecting: client.core.configuration).contains(key))
        var dumped = ""
        dump(client.core.configuration.apiKey, to: &dumped)
        #expect(!dumped.contains(key))
        do {
            _ = try await client.getAnalysis(analysisID: "ana_1")
        } catch {
            #expect(!error.description.contains(key), "\(error)")
            #expect(error.description.contains("[redacted]"))
        }
    }

    @Test func strictResponseValidationThrowsAndWarnModeWarns() async throws {
        let negative = try Fixtures.exchange("negative/response-score-out-of-range.har")
        let strict = makeClient(ScriptedTransport(negative), validation: ValidationOptions(responses: .strict))
        do {
            _ = try await strict.getAnalysis(analysisID: "ana_01HDEF456789012")
            Issue.record("expected an error")
        } catch {
            guard case .responseValidation(_, let validation) = error else {
                Issue.record("expected .responseValidation, got \(error)")
                return
            }
            #expect(validation.violations.map(\.pointer.description) == ["/results/sentiment/overall_score"])
        }
        let lenient = try await makeClient(ScriptedTransport(negative)).getAnalysis(analysisID: "ana_01HDEF456789012")
        #expect(lenient.results?.sentiment?.overallScore == 1.7)
    }
}

/// An API error prints as what a developer needs, and never shows the API key, even when the
/// server echoes it inside the documented error body.
@Suite struct ReadableErrorTests {
    @Test func anAPIErrorPrintsItsStatusCodeAndMessageWithoutTheKey() async throws {
        let key = "sk_test_fixture_key_do_not_use"
        let body = Data(
            """
            {"error": {"type": "authentication_error", "code": "invalid_api_key",
                       "message": "The API key \(key) is not valid.", "param": null, "doc_url": null}}
            """.utf8)
        let transport = ScriptedTransport([.success((401, [("Content-Type", "application/json"), ("X-Request-ID", "req_123")], body))])
        do {
            _ = try await makeClient(transport).getAnalysis(analysisID: "ana_01HDEF456789012")
            Issue.record("expected an error")
        } catch {
            let printed = String(describing: error)
            var dumped = ""
            dump(error, to: &dumped)
            #expect(printed.contains("HTTP 401"))
            #expect(printed.contains("invalid_api_key"))
            #expect(printed.contains("is not valid"))
            #expect(!printed.contains("Indirect"), "\(printed)")
            #expect(!printed.contains(key), "\(printed)")
            #expect(!dumped.contains(key), "\(dumped)")
            guard case .api(let apiError) = error else {
                Issue.record("expected .api, got \(error)")
                return
            }
            #expect(apiError.envelope.error.message.contains(key), "the decoded body itself is kept as sent")
        }
    }
}
