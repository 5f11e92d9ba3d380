import OpenAPIModel

/// Emits the contract table beside the client: for each operation, codecs of its documented
/// bodies and a closure that calls it again with a recorded request's arguments. Built by
/// appending, not as one large literal, so that the type checker's cost stays linear.
struct ContractEmitter {
    let context: EmissionContext

    func emit(into writer: inout SwiftWriter) {
        let access = context.access
        let client = context.clientName
        writer.block("extension \(client)") { writer in
            writer.docComment("Creates a client over an existing engine (contract tests replay recorded requests through one).")
            writer.block("\(access)init(core: APIClient)") { writer in
                writer.line("self.core = core")
            }
            writer.line()
            writer.docComment("Every operation, for contract tests over recorded exchanges.")
            writer.line("\(access)static let contractOperations: [ContractOperation] = makeContractOperations()")
            writer.line()
            writer.block("private static func makeContractOperations() -> [ContractOperation]") { writer in
                writer.line("\(context.document.operations.isEmpty ? "let" : "var") operations: [ContractOperation] = []")
                for operation in context.document.operations {
                    emit(operation, into: &writer)
                }
                writer.line("return operations")
            }
        }
    }

    private func emit(_ operation: Operation, into writer: inout SwiftWriter) {
        let shape = OperationShape(context: context, operation: operation)
        let types = context.plan.operationTypes[operation.operationID]
        let responses = operation.responses.compactMap { response -> String? in
            guard let type = types?.responses[response.statusCode ?? 0] else { return nil }
            return "\(response.statusCode ?? 0): BodyCodec(\(type.swift).self)"
        }
        writer.line("operations.append(ContractOperation(")
        writer.line("    operationID: \(operation.operationID.swiftLiteral),")
        writer.line("    requestBody: \(shape.bodyType.map { "BodyCodec(\($0.swift).self)" } ?? "nil"),")
        writer.line("    responseBodies: [\(responses.isEmpty ? ":" : responses.joined(separator: ", "))],")
        writer.line("    replay: { core, recorded in")
        var arguments = shape.orderedArguments.map { argument in
            "\(argument.label.replacing("`", with: "")): \(readExpression(argument))"
        }
        if let body = shape.bodyType {
            arguments.append("body: try recorded.jsonBody(\(body.swift).self)")
        }
        writer.line("        _ = try await \(context.clientName)(core: core).\(shape.methodName)(\(arguments.joined(separator: ", ")))")
        writer.line("    }")
        writer.line("))")
    }

    /// The expression that reads one argument from a `RecordedRequest` named `recorded`.
    private func readExpression(_ argument: OperationShape.Argument) -> String {
        let name = argument.parameter.name.swiftLiteral
        let type = argument.type.swift
        let isArray = type.hasPrefix("[") && !type.contains(":")
        switch argument.parameter.location {
        case .path:
            return "try recorded.path(\(name), as: \(type).self)"
        case .header:
            if type == "String" {
                return argument.parameter.isRequired ? "try recorded.requiredHeader(\(name), as: String.self)" : "recorded.header(\(name))"
            }
            return argument.parameter.isRequired ? "try recorded.requiredHeader(\(name), as: \(type).self)" : "try recorded.header(\(name), as: \(type).self)"
        case .query:
            if isArray {
                return "try recorded.queryAll(\(name), as: \(type.dropFirst().dropLast()).self)" + (argument.parameter.isRequired ? " ?? []" : "")
            }
            return argument.parameter.isRequired ? "try recorded.requiredQuery(\(name), as: \(type).self)" : "try recorded.query(\(name), as: \(type).self)"
        }
    }
}
