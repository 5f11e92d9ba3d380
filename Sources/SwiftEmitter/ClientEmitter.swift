import OpenAPIModel

/// Emits `Client.swift`: the client type and one async method per operation, plus the
/// create-and-wait helpers of operations that carry `x-polling`.
struct ClientEmitter {
    let context: EmissionContext

    func emit() -> String {
        var writer = SwiftWriter()
        var patterns = PatternTable(prefix: "ParameterPatterns")
        let access = context.access
        let document = context.document
        writer.docComment([document.title, document.description].compactMap { $0 }.joined(separator: "\n\n"))
        writer.block("\(access)struct \(context.clientName): Sendable") { writer in
            writer.docComment("The runtime that sends requests: transport, authentication, retries and validation.")
            writer.line("\(access)let core: APIClient")
            if let server = document.servers.first {
                writer.line()
                writer.docComment("The first server the spec lists.")
                writer.line("\(access)static let defaultServerURL = \(server.swiftLiteral)")
            }
            writer.line()
            writer.docComment("Creates a client; share one per configuration (it is `Sendable`).")
            writer.block("\(access)init(configuration: ClientConfiguration)") { writer in
                writer.line("self.core = APIClient(configuration: configuration)")
            }
        }
        for operation in document.operations {
            writer.line()
            writer.block("extension \(context.clientName)") { writer in
                OperationEmitter(context: context, operation: operation).emit(into: &writer, patterns: &patterns)
                if let polling = operation.polling,
                   let target = document.operations.first(where: { $0.operationID == polling.operationID }) {
                    writer.line()
                    PollingEmitter(context: context, start: operation, poll: target, polling: polling).emit(into: &writer)
                }
            }
        }
        writer.line()
        ContractEmitter(context: context).emit(into: &writer)
        var header = context.fileHeader(imports: ["Foundation", "SpecRuntime"]) + "\n"
        if !patterns.sources.isEmpty {
            var table = SwiftWriter()
            table.docComment("The `pattern`s of parameters, compiled once.")
            table.block("nonisolated enum ParameterPatterns") { writer in
                for (index, source) in patterns.sources.enumerated() {
                    writer.line("static let pattern\(index) = CompiledPattern(\(source.swiftLiteral))")
                }
            }
            header += table.text + "\n"
        }
        return header + writer.text
    }
}

/// The Swift shape of one operation: its parameters as Swift arguments and its outcomes.
struct OperationShape {
    struct Argument {
        var parameter: Parameter
        var label: String
        var type: TypeReference
    }

    let operation: Operation
    let methodName: String
    let arguments: [Argument]
    let bodyType: TypeReference?
    let success: (status: Int, type: TypeReference?)?
    let errorStatuses: [Int]
    let envelopeType: String

    init(context: EmissionContext, operation: Operation) {
        self.operation = operation
        methodName = SwiftNaming.escapedMemberName(operation.operationID)
        let types = context.plan.operationTypes[operation.operationID]
        arguments = operation.parameters.map { parameter in
            Argument(parameter: parameter, label: Self.label(for: parameter, in: operation.path),
                     type: types?.parameters[parameter.name] ?? TypeReference(swift: "String"))
        }
        bodyType = types?.requestBody
        let successResponse = operation.responses.first(where: \.isSuccess)
        success = successResponse.flatMap { response in response.statusCode.map { ($0, types?.responses[$0]) } }
        let errors = operation.responses.filter { !$0.isSuccess }
        errorStatuses = errors.compactMap(\.statusCode)
        let envelopes = Set(errors.compactMap { response in types?.responses[response.statusCode ?? 0]?.swift })
        envelopeType = envelopes.count == 1 ? (envelopes.first ?? "JSONValue") : "JSONValue"
    }

    /// The arguments in signature order: required ones first, in spec order, then optional ones.
    var orderedArguments: [Argument] {
        arguments.filter(\.parameter.isRequired) + arguments.filter { !$0.parameter.isRequired }
    }

    /// Whether a `default` response documents every status not listed.
    var hasDefaultResponse: Bool {
        operation.responses.contains { $0.statusCode == nil && $0.schema != nil }
    }

    /// `id` after a collection segment reads as that item's ID (`/sessions/{id}` → `sessionID`).
    static func label(for parameter: Parameter, in path: String) -> String {
        if parameter.location == .path, parameter.name == "id" {
            let segments = path.split(separator: "/").map(String.init)
            if let index = segments.firstIndex(of: "{id}"), index > 0, !segments[index - 1].hasPrefix("{") {
                return SwiftNaming.memberName(SwiftNaming.singularTypeName(segments[index - 1]) + "_id")
            }
        }
        if parameter.isIdempotencyKey { return "idempotencyKey" }
        return SwiftNaming.escapedMemberName(parameter.name)
    }
}
