import Foundation
import HTTPTypes
import OpenAPIModel
@_spi(Generated) import SpecRuntime

/// Calls the generated operation with the arguments of a recorded request, through a transport
/// that captures what the client sends and answers with the recorded response, and compares the
/// two requests: method, path, query, the headers that matter, and the body as JSON.
struct ReplayCheck {
    let entry: HAREntry
    let operation: OpenAPIModel.Operation
    let headers: [String: String]
    let query: [(name: String, value: String)]

    func run(_ contract: ContractOperation) async -> [String] {
        guard let url = URL(string: entry.request.url), let scheme = url.scheme, let host = url.host else {
            return ["'\(entry.request.url)' has no scheme and host"]
        }
        let transport = CapturingTransport(response: entry.response)
        var base = "\(scheme)://\(host)"
        if let port = url.port { base += ":\(port)" }
        let apiKey = headers["authorization"].flatMap { $0.hasPrefix("Bearer ") ? APIKey(String($0.dropFirst(7))) : nil }
        guard let baseURL = URL(string: base) else { return ["cannot form a base URL from \(base)"] }
        let client = APIClient(
            configuration: ClientConfiguration(
                baseURL: baseURL, apiKey: apiKey, transport: transport, retryPolicy: .none,
                validation: ValidationOptions(validatesRequests: true, responses: .off),
                sleeper: { _ in }))
        let recorded = RecordedRequest(
            pathParameters: pathParameters(url.path), queryItems: query, headers: headers,
            body: entry.request.body.map { Data($0.utf8) })
        do {
            try await contract.replay(client, recorded)
        } catch let problem as RecordedRequest.Problem {
            return ["cannot read the arguments: \(problem)"]
        } catch {
            // Documented errors are thrown after the request was sent; what matters is the request.
            if transport.captured == nil { return ["the client did not send the request: \(error)"] }
        }
        guard let (sent, body) = transport.captured else { return ["the client did not send the request"] }
        var problems: [String] = []
        if sent.method.rawValue != entry.request.method {
            problems.append("method \(sent.method.rawValue), recorded \(entry.request.method)")
        }
        let sentComponents = URLComponents(string: "http://host" + (sent.path ?? ""))
        if sentComponents?.percentEncodedPath != URLComponents(string: entry.request.url)?.percentEncodedPath {
            problems.append(
                "path \(sentComponents?.percentEncodedPath ?? "?"), recorded \(URLComponents(string: entry.request.url)?.percentEncodedPath ?? "?")")
        }
        let sentQuery = (sentComponents?.queryItems ?? []).map { "\($0.name)=\($0.value ?? "")" }.sorted()
        let recordedQuery = query.map { "\($0.name)=\($0.value)" }.sorted()
        if sentQuery != recordedQuery { problems.append("query \(sentQuery), recorded \(recordedQuery)") }
        var mattering = operation.parameters.filter { $0.location == .header }.map(\.name)
        mattering.append("Authorization")
        if entry.request.body != nil { mattering.append("Content-Type") }
        let idempotencyHeaders = Set(operation.parameters.filter(\.isIdempotencyKey).map { $0.name.lowercased() })
        for name in mattering {
            let sentValue = HTTPField.Name(name).flatMap { sent.headerFields[$0] }
            let recordedValue = headers[name.lowercased()]
            // Without a recorded key the client generates one: that it sent any is what matters.
            if recordedValue == nil, idempotencyHeaders.contains(name.lowercased()) {
                if sentValue == nil { problems.append("header \(name): none sent, though the client generates one") }
                continue
            }
            // Content-Type is compared as a media type: `application/json; charset=utf-8` is what
            // a client sending `application/json` sends, as far as the spec can tell.
            if name == "Content-Type", let sent = sentValue.flatMap(MediaType.init), let recorded = recordedValue.flatMap(MediaType.init),
                (sent.type, sent.subtype) == (recorded.type, recorded.subtype)
            {
                continue
            }
            if sentValue != recordedValue {
                let shown = name == "Authorization" ? { (value: String?) in value == nil ? "none" : "[redacted]" } : { (value: String?) in value ?? "none" }
                problems.append("header \(name): \(shown(sentValue)), recorded \(shown(recordedValue))")
            }
        }
        switch (body, entry.request.body) {
        case (nil, nil): break
        case (let sentBody?, let recordedBody?):
            let sentJSON = jsonLiteral(String(decoding: sentBody, as: UTF8.self))
            if sentJSON == nil || sentJSON != jsonLiteral(recordedBody) {
                problems.append("body \(String(decoding: sentBody.prefix(300), as: UTF8.self)), recorded \(recordedBody.prefix(300))")
            }
        case (nil, _?): problems.append("the client sent no body")
        case (_?, nil): problems.append("the client sent a body, the recording has none")
        }
        return problems
    }

    private func pathParameters(_ path: String) -> [String: String] {
        var values: [String: String] = [:]
        for (part, segment) in zip(operation.path.split(separator: "/"), path.split(separator: "/")) where part.hasPrefix("{") {
            values[String(part.dropFirst().dropLast())] = String(segment)
        }
        return values
    }
}

/// Records the one request a replay sends and answers it with the recorded response.
final class CapturingTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var request: (HTTPRequest, Data?)?
    private let response: HAREntry.Response

    init(response: HAREntry.Response) {
        self.response = response
    }

    var captured: (HTTPRequest, Data?)? {
        lock.withLock { request }
    }

    func send(_ request: HTTPRequest, body: Data?, baseURL: URL, timeout: Duration) async throws -> (HTTPResponse, Data) {
        lock.withLock { self.request = (request, body) }
        var fields = HTTPFields()
        for header in response.headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        return (HTTPResponse(status: HTTPResponse.Status(code: response.status), headerFields: fields), Data((response.body ?? "").utf8))
    }
}
