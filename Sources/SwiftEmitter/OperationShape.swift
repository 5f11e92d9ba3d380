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
        labels.reserve(["body", "polling", "estimatedCompletion", "request", "response", "parameters", "context", "started"],
                       by: "a name the generated method uses")
        arguments = operation.parameters.map { parameter in
            let label = labels.claim(Namer.argumentLabel(for: parameter, in: operation.path),
                                     for: "\(parameter.location.rawValue) parameter '\(parameter.name)'",
                                     at: parameter.sourceLocation, diagnostics: diagnostics)
            return Argument(parameter: parameter, label: label, type: types?.parameters[parameter.name]?.type ?? .string)
        }
        bodyType = types?.requestBody?.type
        if let content = operation.requestBody?.content, content.encoding == .text || content.encoding == .binary,
           !content.alternatives.isEmpty || content.mediaType.contains("*") {
            contentTypeLabel = labels.claim("contentType", for: "the body's content type", at: content.schema.location, diagnostics: diagnostics)
        } else {
            contentTypeLabel = nil
        }
        let successResponse = operation.responses.first(where: \.isSuccess)
        success = successResponse.flatMap { response in response.statusCode.map { ($0, types?.responses[$0]?.type) } }
        var statuses: [Int] = []
        for response in operation.responses where response.isSuccess {
            guard let status = response.statusCode else { continue }
            if types?.responses[status]?.type == success?.type {
                statuses.append(status)
            } else {
                diagnostics.warning(
                    "'\(operation.operationID)' answers \(status) with another body than \(success?.status ?? 0); the method returns "
                        + "the \(success?.status ?? 0) type, and a \(status) is reported as an undocumented status",
                    at: operation.location)
            }
        }
        successStatuses = statuses
        let errors = operation.responses.filter { !$0.isSuccess }
        errorStatuses = errors.compactMap(\.statusCode)
        var envelopes: [SwiftType] = []
        for response in errors {
            if let type = types?.responses[response.statusCode ?? 0]?.type, !envelopes.contains(type) { envelopes.append(type) }
        }
        if envelopes.count == 1, let only = envelopes.first {
            envelopeType = only
        } else {
            envelopeType = .named(["JSONValue"])
            if envelopes.count > 1 {
                let statuses = errors.map { $0.statusCode.map(String.init) ?? "default" }.joined(separator: ", ")
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
        operation.responses.contains { $0.statusCode == nil && $0.schema != nil }
    }
}
