import OpenAPIModel

/// Emits, for an operation with `x-polling`, a method that waits on the job (`waitForX`) and one
/// that starts it and waits (`<operation>AndWait`). What is polled, which field holds the status
/// and which values end the wait all come from the spec's extension.
struct PollingEmitter {
    let context: EmissionContext
    let start: Operation
    let poll: Operation
    let polling: Polling

    func emit(into writer: inout SwiftWriter) {
        let startShape = OperationShape(context: context, operation: start)
        let pollShape = OperationShape(context: context, operation: poll)
        guard let startType = startShape.success?.type, let pollType = pollShape.success?.type,
              let pollPlan = structPlan(named: pollType.swift), let startPlan = structPlan(named: startType.swift),
              let status = pollPlan.properties.first(where: { $0.wireName == polling.statusField }) else { return }
        let access = context.access
        let waitName = "waitFor" + pollType.swift.split(separator: ".").joined()
        let envelope = pollShape.envelopeType
        let pollArguments = pollShape.arguments.filter { argument in polling.parameters.contains { $0.parameter == argument.parameter.name } }
        let terminal = polling.successValues + polling.failureValues

        writer.docComment("""
            Polls `\(poll.operationID)` until `\(polling.statusField)` is \(terminal.map { "`\($0)`" }.joined(separator: " or ")).

            Waits first until `estimatedCompletion` when it is given, then polls with backoff; stops at the \
            overall timeout of `polling` or when the task is cancelled.

            - Returns: The last `\(poll.operationID)` result, whose status is terminal. A failed job is returned, not thrown: \
            check `\(status.bareName)`.
            """)
        let parameters = pollArguments.map { "\($0.label): \($0.type.swift)" } + ["estimatedCompletion: Date? = nil", "polling: PollingOptions = PollingOptions()"]
        writer.block("\(access)func \(waitName)(\(parameters.joined(separator: ", "))) async throws(ClientError<\(envelope)>) -> \(pollType.swift)") { writer in
            let call = "try await self.\(pollShape.methodName)(\(pollArguments.map { "\($0.label.replacing("`", with: "")): \($0.label)" }.joined(separator: ", ")))"
            writer.line("try await core.poll(")
            writer.line("    until: estimatedCompletion,")
            writer.line("    options: polling,")
            writer.line("    fetch: { () async throws(ClientError<\(envelope)>) -> \(pollType.swift) in \(call) },")
            writer.line("    isTerminal: { value in [\(terminal.map(\.swiftLiteral).joined(separator: ", "))].contains(\(statusText("value", status))) }")
            writer.line(")")
        }
        writer.line()

        var startParameters = startShape.orderedArguments.map { argument in
            "\(argument.label): \(argument.type.swift)\(argument.parameter.isRequired ? "" : "? = nil")"
        }
        if let body = startShape.bodyType { startParameters.append("body: \(body.swift)") }
        startParameters.append("polling: PollingOptions = PollingOptions()")
        writer.docComment("""
            Calls `\(start.operationID)`, then waits as ``\(waitName)(\(pollArguments.map { $0.label.replacing("`", with: "") + ":" }.joined())estimatedCompletion:polling:)`` does.
            """)
        let errorType = startShape.envelopeType == envelope ? envelope : "JSONValue"
        writer.block("\(access)func \(startShape.methodName.replacing("`", with: ""))AndWait(\(startParameters.joined(separator: ", "))) async throws(ClientError<\(errorType)>) -> \(pollType.swift)") { writer in
            let startCall = startShape.orderedArguments.map { "\($0.label.replacing("`", with: "")): \($0.label)" } + (startShape.bodyType == nil ? [] : ["body: body"])
            writer.line("let started = try await \(startShape.methodName)(\(startCall.joined(separator: ", ")))")
            var waitArguments: [String] = []
            for argument in pollArguments {
                guard let field = polling.parameters.first(where: { $0.parameter == argument.parameter.name })?.responseField,
                      let property = startPlan.properties.first(where: { $0.wireName == field }) else { continue }
                waitArguments.append("\(argument.label.replacing("`", with: "")): started.\(property.bareName)")
            }
            if let field = polling.estimatedCompletionField, let property = startPlan.properties.first(where: { $0.wireName == field }),
               property.type.coding == .dateTime, !(property.isNullable && !property.isRequired) {
                waitArguments.append("estimatedCompletion: started.\(property.bareName)")
            }
            waitArguments.append("polling: polling")
            writer.line("return try await \(waitName)(\(waitArguments.joined(separator: ", ")))")
        }
    }

    private func statusText(_ value: String, _ status: PropertyPlan) -> String {
        let isEnum = !["String"].contains(status.type.swift)
        let access = "\(value).\(status.bareName)"
        if status.isRequired && !status.isNullable { return isEnum ? access + ".rawValue" : access }
        return isEnum ? "(\(access)?.rawValue ?? \"\")" : "(\(access) ?? \"\")"
    }

    private func structPlan(named name: String) -> StructPlan? {
        for declaration in context.plan.declarations {
            if case .structure(let plan) = declaration, plan.qualifiedName == name { return plan }
        }
        return nil
    }
}
