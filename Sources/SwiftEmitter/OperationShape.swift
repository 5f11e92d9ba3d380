import OpenAPIModel
import SwiftSource

/// The Swift shape of one operation: its method name, its parameters as Swift arguments and its
/// outcomes; decided once, read by the client, polling and contract emitters.
struct OperationShape: Sendable {
    struct Argument: Sendable {
        var parameter: OpenAPIModel.Parameter
        /// The argument label, which is also the parameter's name in the method.
        var label: String
        var type: SwiftType
    }

    let operation: OpenAPIModel.Operation
    let methodName: String
    let arguments: [Argument]
    let bodyType: SwiftType?
    /// The label of the argument that picks a text or binary body's `Content-Type`, when the body
    /// declares several media types of that kind or a wildcard (`image/*`).
    let contentTypeLabel: String?
    /// The label and enum of the argument that picks the body's encoding, when the body may be
    /// sent as several (JSON, form, multipart) with one schema.
    let bodyFormat: (label: String, type: SwiftType)?
    let success: (status: Int, type: SwiftType?)?
    /// Every documented 2xx status answered with the success type (the first 2xx's).
    let successStatuses: [Int]
    let errorStatuses: [Int]
    /// The error body type of every documented error status; `JSONValue` when they differ.
    let envelopeType: SwiftType

    init(operation: OpenAPIModel.Operation, methodName: String, plan: TypePlan, diagnostics: DiagnosticSink) {
        self.operation = operation
        self.methodName = methodName
        let types = plan.operationTypes[operation.operationID]
        var labels = NameScope("the arguments of '\(methodName)'")
        // The method's own arguments and locals: an argument of the same name would shadow them.
        labels.reserve(
            ["body", "polling", "estimatedCompletion", "request", "response", "parameters", "context", "started"],
            by: "a name the generated method uses")
        arguments = operation.parameters.map { parameter in
            let label = labels.claim(
                Namer.argumentLabel(for: parameter, in: operation.path),
                for: "\(parameter.location.rawValue) parameter '\(parameter.name)'",
                at: parameter.sourceLocation, diagnostics: diagnostics)
            return Argument(parameter: parameter, label: label, type: types?.parameters[TypePlan.parameterKey(parameter)]?.type ?? .string)
        }
        bodyType = types?.requestBody?.type
        if let content = operation.requestBody?.content, content.encoding == .text || content.encoding == .binary,
            !content.alternatives.isEmpty || content.mediaType.contains("*")
        {
            contentTypeLabel = labels.claim("contentType", for: "the body's content type", at: content.schema.location, diagnostics: diagnostics)
        } else {
            contentTypeLabel = nil
        }
        if let formatType = types?.bodyFormat, let content = operation.requestBody?.content {
            bodyFormat = (labels.claim("bodyFormat", for: "the body's format", at: content.schema.location, diagnostics: diagnostics), formatType)
        } else {
            bodyFormat = nil
        }
        let successResponse = Self.codesFirst(operation.responses).first(where: \.isSuccess)
        success = successResponse.map { response in (response.statusKey, types?.responses[response.statusKey]?.type) }
        var statuses: [Int] = []
        // Codes before ranges, so that a code is matched before the range that covers it.
        for response in Self.codesFirst(operation.responses) where response.isSuccess {
            let status = response.statusKey
            if types?.responses[status]?.type == success?.type {
                statuses.append(status)
            } else {
                diagnostics.warning(
                    "'\(operation.operationID)' answers \(response.statusText) with another body than \(success.map { Self.statusText($0.status) } ?? ""); "
                        + "the method returns the \(success.map { Self.statusText($0.status) } ?? "") type, and a \(response.statusText) is reported as an undocumented status",
                    at: operation.location)
            }
        }
        successStatuses = statuses
        let errors = Self.codesFirst(operation.responses).filter { !$0.isSuccess }
        errorStatuses = errors.filter { !$0.isDefault }.map(\.statusKey)
        var envelopes: [SwiftType] = []
        for response in errors {
            if let type = types?.responses[response.statusKey]?.type, !envelopes.contains(type) { envelopes.append(type) }
        }
        if envelopes.count == 1, let only = envelopes.first {
            envelopeType = only
        } else {
            envelopeType = .named(["JSONValue"])
            if envelopes.count > 1 {
                let statuses = errors.map(\.statusText).joined(separator: ", ")
                diagnostics.warning(
                    "the error responses of '\(operation.operationID)' (\(statuses)) have \(envelopes.count) different "
                        + "schemas; its errors are typed as JSONValue, not as one error type",
                    at: operation.location)
            }
        }
    }

    /// The arguments in signature order: required ones first, in spec order, then optional ones.
    var orderedArguments: [Argument] {
        arguments.filter { $0.parameter.isRequired } + arguments.filter { !$0.parameter.isRequired }
    }

    /// Whether a `default` response documents every status not listed.
    var hasDefaultResponse: Bool {
        operation.responses.contains { $0.isDefault && $0.schema != nil }
    }

    /// Responses with a code, then ranges, then `default`, each in document order.
    static func codesFirst(_ responses: [Response]) -> [Response] {
        responses.filter { $0.statusCode != nil } + responses.filter { $0.statusClass != nil } + responses.filter(\.isDefault)
    }

    /// The `case` pattern of a status key: `404`, or `400...499` for the range `4XX`.
    static func statusPattern(_ key: Int) -> Pattern {
        key >= 100 ? .expression(.integer(key)) : .expression(.binary(.integer(key * 100), "...", .integer(key * 100 + 99)))
    }

    /// A status key as the spec writes it: `404` or `4XX`.
    static func statusText(_ key: Int) -> String { key >= 100 ? String(key) : "\(key)XX" }
}
