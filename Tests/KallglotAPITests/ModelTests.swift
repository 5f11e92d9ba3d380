import Foundation
import KallglotAPI
import SpecRuntime
import Testing

@Suite struct ModelTests {
    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    private func encode(_ value: some Encodable) throws -> Any {
        try JSONSerialization.jsonObject(with: try JSONCoding.makeEncoder().encode(value))
    }

    @Test func unknownEnumValueDecodesAndEncodesBackUnchanged() throws {
        let status = try decode([AnalysisStatus].self, "[\"complete\", \"archived\"]")
        #expect(status == [.complete, .undocumented("archived")])
        #expect(try encode(status) as? [String] == ["complete", "archived"])
        #expect(AnalysisStatus.undocumented("archived").violations().map(\.keyword) == ["enum"])
    }

    @Test func absentAndNullStayApart() throws {
        let absent = try decode(ActionItem.self, "{\"description\": \"Call back\", \"assigned_to\": \"agent\", \"priority\": \"low\"}")
        let null = try decode(ActionItem.self, "{\"description\": \"Call back\", \"assigned_to\": \"agent\", \"priority\": \"low\", \"due_date\": null}")
        let dated = try decode(
            ActionItem.self, "{\"description\": \"Call back\", \"assigned_to\": \"agent\", \"priority\": \"low\", \"due_date\": \"2026-03-27\"}")
        #expect(absent.dueDate == nil)
        #expect(null.dueDate == .null)
        #expect(dated.dueDate == .value(CalendarDate(year: 2026, month: 3, day: 27)!))
        #expect((try encode(absent) as? [String: Any])?.keys.contains("due_date") == false)
        #expect((try encode(null) as? [String: Any])?["due_date"] is NSNull)
    }

    @Test func requiredNullableIsEncodedAsNull() throws {
        let detail = ErrorDetail(code: "internal_error", message: "Oops.", type: .apiError, param: nil)
        #expect((try encode(detail) as? [String: Any])?["param"] is NSNull)
        #expect(throws: DecodingError.self) {
            try decode(ErrorDetail.self, "{\"code\": \"x\", \"message\": \"y\", \"type\": \"api_error\"}")
        }
    }

    @Test(arguments: [
        ("2026-03-26T11:10:00Z", 1_774_523_400.0),
        ("2026-03-26T11:10:00.250Z", 1_774_523_400.25),
        ("2026-03-26T13:10:00+02:00", 1_774_523_400.0),
        ("2026-03-26t11:10:00z", 1_774_523_400.0),
    ])
    func dateTimesDecodeWithAndWithoutFractionsAndOffsets(text: String, seconds: Double) throws {
        let json =
            "{\"id\": \"evt_1\", \"type\": \"analysis.failed\", \"api_version\": \"v1\", \"created_at\": \"\(text)\", \"data\": {\"id\": \"ana_1\", \"object\": \"analysis\", \"session_id\": \"sess_1\", \"status\": \"failed\", \"analyses\": [\"summary\"], \"language\": \"en\", \"created_at\": \"2026-03-26T11:10:00Z\"}}"
        let event = try decode(AnalysisFailedEvent.self, json)
        #expect(abs(event.createdAt.timeIntervalSince1970 - seconds) < 0.0005)
    }

    @Test func malformedDateIsADecodingErrorAtItsField() throws {
        do {
            _ = try decode(AnalysisFailure.self, "{}")
        } catch let error as DecodingError {
            #expect(Violation(error).keyword == "required")
        }
        #expect(CalendarDate("2026-02-30") == nil)
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(RFC3339.date(from: "2026-03-26 11:10") == nil)
    }

    @Test func defaultsOfTheSpecAreInitializerDefaults() {
        let request = CreateAnalysisRequest(analyses: [.summary])
        #expect(request.language == "en")
        #expect(Analysis(id: "ana_1", sessionID: "sess_1", status: .queued, analyses: [.summary], language: "en", createdAt: Date()).object == "analysis")
    }

    @Test func extraFieldsInResponsesAreTolerated() throws {
        let failure = try decode(AnalysisFailure.self, "{\"code\": \"x\", \"message\": \"y\", \"retryable\": true}")
        #expect(failure.code == "x")
    }

    @Test func aMemberTheClosedRequestDoesNotDeclareIsAViolationAtItsPointer() throws {
        let request = try decode(CreateAnalysisRequest.self, "{\"analyses\": [\"summary\"], \"langauge\": \"de\"}")
        #expect(
            request.violations().map(\.description) == [
                "/langauge: additionalProperties false violated by undeclared member"
            ])
        let declared = try decode(CreateAnalysisRequest.self, "{\"analyses\": [\"summary\"], \"language\": \"de\"}")
        #expect(declared.language == "de")
        #expect(declared.violations().isEmpty)
    }

    @Test func anAbsentMemberWithADefaultDecodesToTheDefault() throws {
        let request = try decode(CreateAnalysisRequest.self, "{\"analyses\": [\"summary\"]}")
        #expect(request.language == "en")
        #expect(request.violations().isEmpty)
        let null = try decode(CreateAnalysisRequest.self, "{\"analyses\": [\"summary\"], \"language\": null}")
        #expect(null.language == "en")
        #expect(null.violations().map(\.description) == ["/language: type string violated by null"])
    }

    @Test func nullOnAnOptionalMemberThatMayNotBeNullIsATypeViolation() throws {
        let body =
            "{\"id\": \"ana_1\", \"object\": \"analysis\", \"session_id\": \"sess_1\", \"status\": \"queued\", "
            + "\"analyses\": [\"summary\"], \"language\": \"en\", \"created_at\": \"2026-03-27T10:00:00Z\"%@}"
        let null = try decode(Analysis.self, body.replacingOccurrences(of: "%@", with: ", \"estimated_completion\": null"))
        let absent = try decode(Analysis.self, body.replacingOccurrences(of: "%@", with: ""))
        #expect(null.estimatedCompletion == nil)
        #expect(null.violations().map(\.description) == ["/estimated_completion: type string violated by null"])
        #expect(absent.violations().isEmpty)
        // Findings are about how the value was decoded, not part of it.
        #expect(null == absent)
    }

    @Test func validationReportsEveryViolationWithPointerKeywordLimitAndValue() throws {
        let request = CreateAnalysisRequest(analyses: [], language: "e", webhookURL: "not a url")
        let violations = request.violations()
        #expect(
            violations.map(\.description) == [
                "/analyses: minItems 1 violated by 0 items",
                "/language: minLength 2 violated by \"e\" (length 1)",
                "/webhook_url: format uri violated by \"not a url\"",
            ])
    }

    @Test func webhookEventUnionDecodesByType() throws {
        let body = try #require(try Fixtures.exchange("webhooks/analysis-failed.har").requestBody)
        let event = try JSONDecoder().decode(AnalysisEvent.self, from: body)
        guard case .analysisFailed(let failed) = event else {
            Issue.record("expected .analysisFailed")
            return
        }
        #expect(failed.id == "evt_01HEVT000000002")
        #expect(event.discriminator == "analysis.failed")
    }
}
