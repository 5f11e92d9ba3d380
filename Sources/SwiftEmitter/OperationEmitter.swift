import OpenAPIModel

/// Emits the method of one operation: parameter validation, the request, and the mapping of
/// every documented status to a value or a typed error.
struct OperationEmitter {
    let context: EmissionContext
    let operation: Operation

    func emit(into writer: inout SwiftWriter, patterns: inout PatternTable) {
        let shape = OperationShape(context: context, operation: operation)
        emitDocumentation(shape, into: &writer)
        var signature = shape.orderedArguments.map { argument in
            let optional = !argument.parameter.isRequired
            return "\(argument.label): \(argument.type.swift)\(optional ? "? = nil" : "")"
        }
        if let body = shape.bodyType {
            signature.append("body: \(body.swift)\(operation.requestBody?.isRequired == false ? "? = nil" : "")")
        }
        let result = shape.success?.type?.swift ?? "Void"
        writer.block("\(context.access)func \(shape.methodName)(\(signature.joined(separator: ", "))) async throws(ClientError<\(shape.envelopeType)>) -> \(result)") { writer in
            emitParameterChecks(shape, into: &writer, patterns: &patterns)
            writer.line("var request = OperationRequest<\(shape.envelopeType)>(operationID: \(operation.operationID.swiftLiteral), method: .\(operation.method.rawValue), pathTemplate: \(operation.path.swiftLiteral))")
            for argument in shape.arguments {
                emitParameter(argument, into: &writer)
            }
            if shape.bodyType != nil {
                writer.line("try request.setJSONBody(body, validate: core.configuration.validation.validatesRequests)")
            }
            writer.line("let response = try await core.send(request)")
            writer.switchBlock("switch response.status.code") { writer in
                if let success = shape.success {
                    if let type = success.type {
                        writer.line("case \(success.status): return try core.decodeSuccess(\(type.swift).self, from: response)")
                    } else {
                        writer.line("case \(success.status): return")
                    }
                }
                if !shape.errorStatuses.isEmpty {
                    writer.line("case \(shape.errorStatuses.map(String.init).joined(separator: ", ")): throw core.documentedError(\(shape.envelopeType).self, from: response)")
                }
                writer.line(shape.hasDefaultResponse
                    ? "default: throw core.documentedError(\(shape.envelopeType).self, from: response)"
                    : "default: throw core.undocumentedStatus(response)")
            }
        }
    }

    private func emitDocumentation(_ shape: OperationShape, into writer: inout SwiftWriter) {
        var lines: [String] = []
        if let summary = operation.summary { lines.append(summary.trimmingWhitespace()) }
        if let description = operation.description {
            if !lines.isEmpty { lines.append("") }
            lines.append(description.trimmingWhitespace())
        }
        var parameters: [String] = shape.arguments.map { argument in
            var text = argument.parameter.description?.trimmingWhitespace() ?? "The `\(argument.parameter.name)` \(argument.parameter.location.rawValue) parameter."
            if argument.parameter.isIdempotencyKey {
                text += " When `nil`, one is generated for this call and reused on every retry."
            }
            return "  - \(argument.label.replacing("`", with: "")): " + text.replacing("\n", with: " ")
        }
        if shape.bodyType != nil {
            parameters.append("  - body: " + (operation.requestBody?.description ?? "The request body.").replacing("\n", with: " "))
        }
        if !parameters.isEmpty {
            lines.append("")
            lines.append("- Parameters:")
            lines += parameters
        }
        if let success = shape.success, let response = operation.responses.first(where: { $0.statusCode == success.status }) {
            lines.append("- Returns: \(response.description?.replacing("\n", with: " ") ?? "The response body.") (HTTP \(success.status))")
        }
        lines.append("- Throws: ``ClientError``: `.api` for the documented error statuses (\(shape.errorStatuses.map(String.init).joined(separator: ", "))), and transport, decoding and validation failures.")
        lines.append("- Remark: Generated from `\(operation.method.rawValue.uppercased()) \(operation.path)`.")
        writer.docComment(lines.joined(separator: "\n"), deprecated: operation.isDeprecated)
    }

    private func emitParameterChecks(_ shape: OperationShape, into writer: inout SwiftWriter, patterns: inout PatternTable) {
        var checks = SwiftWriter()
        for argument in shape.arguments {
            var inner = SwiftWriter()
            CheckEmitter(context: context).emitChecks(value: "value", schema: argument.parameter.schema, type: argument.type, into: &inner, patterns: &patterns, depth: 0)
            guard !inner.text.isEmpty else { continue }
            let name = argument.label
            checks.closure("parameters.nested(\(argument.parameter.name.swiftLiteral))", "context") { writer in
                if argument.parameter.isRequired {
                    writer.line("let value = \(name)")
                    writer.appendIndented(inner)
                } else {
                    writer.block("if let value = \(name)") { writer in writer.appendIndented(inner) }
                }
            }
        }
        guard !checks.text.isEmpty else { return }
        writer.block("if core.configuration.validation.validatesRequests") { writer in
            writer.line("var parameters = ValidationContext()")
            writer.appendIndented(checks)
            writer.block("if !parameters.violations.isEmpty") { writer in
                writer.line("throw .requestValidation(ValidationError(violations: parameters.violations))")
            }
        }
    }

    private func emitParameter(_ argument: OperationShape.Argument, into writer: inout SwiftWriter) {
        let name = argument.label
        let wire = argument.parameter.name.swiftLiteral
        let isArray = argument.type.swift.hasPrefix("[") && !argument.type.swift.contains(":")
        let element = isArray ? "element" : (argument.parameter.isRequired ? name : "value")
        var schema = context.document.resolved(argument.parameter.schema)
        if isArray, case .array(let array) = schema.kind { schema = context.document.resolved(array.items) }
        let text = stringExpression(element, schema: schema)
        switch argument.parameter.location {
        case .path:
            writer.line("request.setPathParameter(\(wire), \(text))")
        case .header:
            if argument.parameter.isRequired {
                writer.line("request.setHeader(\(wire), \(text))")
            } else {
                writer.line(text == "value" ? "request.setHeader(\(wire), \(name))" : "request.setHeader(\(wire), \(name).map { value in \(text) })")
            }
            if argument.parameter.isIdempotencyKey {
                writer.line("request.idempotencyKeyHeader = \(wire)")
            }
        case .query:
            let add: (inout SwiftWriter) -> Void = { writer in
                if isArray {
                    writer.block("for element in \(argument.parameter.isRequired ? name : "value")") { writer in
                        writer.line("request.addQueryItem(\(wire), \(text))")
                    }
                } else {
                    writer.line("request.addQueryItem(\(wire), \(text))")
                }
            }
            if argument.parameter.isRequired {
                add(&writer)
            } else {
                writer.block("if let value = \(name)", add)
            }
        }
    }

    /// The wire text of a parameter value.
    private func stringExpression(_ value: String, schema: Schema) -> String {
        switch schema.kind {
        case .string(let string):
            if schema.allowedValues != nil, !schema.isConst { return "\(value).rawValue" }
            switch string.format {
            case .dateTime?: return "RFC3339.string(from: \(value))"
            case .date?: return "\(value).description"
            default: return value
            }
        case .integer, .number, .boolean: return "String(\(value))"
        default: return "\(value).description"
        }
    }
}
