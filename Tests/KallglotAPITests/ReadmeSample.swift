// The Swift blocks of README.md's "Using the SDK", in order and verbatim: ReadmeExampleTests fails
// when this file and the README differ. Edit both together.

import Foundation
import KallglotAPI
import Logging
import SpecRuntime

/// One client per configuration, shared: it is `Sendable`.
func makeAnalysisClient() -> KallglotAnalysisClient {
    let apiKey = APIKey(ProcessInfo.processInfo.environment["KALLGLOT_API_KEY"] ?? "")
    return KallglotAnalysisClient(configuration: ClientConfiguration(baseURL: KallglotAnalysisClient.defaultServerURL, apiKey: apiKey))
}

func summarize(sessionID: SessionID, using client: KallglotAnalysisClient) async -> String {
    do {
        let analysis = try await client.createAnalysisAndWait(
            sessionID: sessionID,
            body: CreateAnalysisRequest(analyses: [.sentiment, .summary, .actionItems, .quality]))
        if analysis.status == .complete, let summary = analysis.results?.summary {
            return summary.overview
        } else if let failure = analysis.failure {
            return "analysis failed: \(failure.message)"
        }
        return "unexpected status \(analysis.status.rawValue)"
    } catch .api(let error) where error.envelope.error.code == "session_not_analyzable" {
        return "the session has no completed transcript yet"
    } catch {
        return "request failed: \(error)"  // typed: APIClientError<ErrorResponse>
    }
}

/// In your webhook endpoint: verify the raw body bytes, then decode.
func handleDelivery(body: Data, signatureHeader: String?, webhooks: KallglotAnalysisWebhooks) -> String {
    do {
        let event = try webhooks.analysisComplete(body: body, signatureHeader: signatureHeader)
        return "analysis \(event.data.id) complete"
    } catch let error as WebhookVerificationError {
        return "refused: \(error)"  // answer 400; never act on an unverified body
    } catch {
        return "not an analysis.complete event: \(error)"
    }
}

func latestSummary(of analysisID: AnalysisID, using analyses: some KallglotAnalysisClientProtocol) async -> String? {
    try? await analyses.getAnalysis(analysisID: analysisID).results?.summary?.overview
}

func makeLoggingClient(apiKey: APIKey, transport: any HTTPTransport = URLSessionHTTPTransport()) -> KallglotAnalysisClient {
    var configuration = ClientConfiguration(baseURL: KallglotAnalysisClient.defaultServerURL, apiKey: apiKey, transport: transport)
    configuration.middlewares = [LoggingMiddleware(logger: Logger(label: "kallglot"))]  // redacted request logs
    return KallglotAnalysisClient(configuration: configuration)
}
