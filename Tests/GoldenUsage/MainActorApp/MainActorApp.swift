import Foundation
import GoldenClientPollingWebhooks
import SpecRuntime

// Compiled with main-actor default isolation (SE-0466), like a new app target, and warnings as
// errors: the generated client and webhook verifier must be usable from nonisolated code and from
// the main actor.

/// A webhook endpoint handler that runs off the main actor.
nonisolated func handleDelivery(_ body: Data, signature: String?, secret: WebhookSecret) throws -> String {
    let webhooks = JobsWebhooks(secret: secret)
    return try webhooks.jobDone(body: body, signatureHeader: signature).id
}

/// A background worker that builds a client, starts a job and waits for it.
nonisolated func runJob(baseURL: URL) async throws -> Job {
    let client = JobsClient(configuration: ClientConfiguration(baseURL: baseURL))
    _ = try await client.getJob(jobID: "job_1")
    return try await client.startJobAndWait(body: StartJobRequest(name: "export"))
}

/// The same from main-actor code.
func refresh(_ client: JobsClient, jobID: String) async throws -> Job {
    try await client.waitForJob(jobID: jobID)
}

/// Typed success headers read off the main actor: the header struct is nonisolated too.
nonisolated func startAndReadLocation(_ client: JobsClient) async throws -> (String?, Int?) {
    let response = try await client.startJobWithHeaders(body: StartJobRequest(name: "export"))
    return (response.headers.location, response.headers.queuePosition)
}

/// And from main-actor code.
func cancelledOn(_ client: JobsClient, jobID: String) async throws -> CalendarDate? {
    try await client.cancelJobWithHeaders(jobID: jobID).headers.cancelledAt
}
