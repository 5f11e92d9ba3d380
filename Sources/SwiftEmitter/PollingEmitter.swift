import OpenAPIModel
import SwiftSource

/// Builds, for an operation with `x-polling`, a method that waits on the job (`waitForX`) and one
/// that starts it and waits (`<operation>AndWait`). What is polled, which field holds the status
/// and which values end the wait all come from the spec's extension. When the operations do not
/// have the shape the helpers need, they are left out and the reason is reported.
struct PollingEmitter {
    let context: EmissionContext
    let start: OperationShape
    let polling: Polling

    func declarations() -> [Declaration] {
        let location = start.operation.location
        let id = start.operation.operationID
        func skip(_ reason: String) -> [Declaration] {
            context.diagnostics.warning("x-polling of '\(id)': \(reason); no wait helpers are generated", at: location)
            return []
        }
        guard let poll = context.operations[polling.operationID] else { return skip("operation '\(polling.operationID)' does not exist") }
        guard let names = context.pollingNames[id] else {
            return skip("'\(polling.operationID)' returns no generated type on success")
        }
        guard let startType = start.success?.type, let startPlan = context.plan.structPlan(for: startType) else {
            return skip("'\(id)' does not return an object on success")
        }
        guard let pollType = poll.success?.type, let pollPlan = context.plan.structPlan(for: pollType) else {
            return skip("'\(polling.operationID)' does not return an object on success")
        }
        guard let status = pollPlan.properties.first(where: { $0.wireName == polling.statusField }) else {
            return skip("'\(polling.statusField)' is not a property of the '\(polling.operationID)' response")
        }
        let pollArguments = poll.arguments.filter { argument in polling.parameters.contains { $0.parameter == argument.parameter.name } }
        if let unset = poll.arguments.first(where: { argument in
            argument.parameter.isRequired && !pollArguments.contains { $0.parameter.name == argument.parameter.name }
        }) {
            return skip(
                "'\(polling.operationID)' requires the \(unset.parameter.location.rawValue) parameter '\(unset.parameter.name)', "
                    + "which x-polling does not set")
        }
        var waitArguments: [Argument] = []
        for argument in pollArguments {
            guard let field = polling.parameters.first(where: { $0.parameter == argument.parameter.name })?.responseField,
                let property = startPlan.properties.first(where: { $0.wireName == field })
            else {
                return skip("the '\(id)' response has no field for the poll parameter '\(argument.parameter.name)'")
            }
            waitArguments.append(Argument(argument.label, property.access(on: .id("started"))))
        }
        if let field = polling.estimatedCompletionField {
            if let property = startPlan.properties.first(where: { $0.wireName == field }), property.type.coding == .dateTime, property.type.type == .date,
                !(property.isNullable && !property.isRequired)
            {
                waitArguments.append(Argument("estimatedCompletion", property.access(on: .id("started"))))
            } else {
                context.diagnostics.warning(
                    "x-polling of '\(id)': estimatedCompletionField '\(field)' is not a date-time property of the '\(id)' response; "
                        + "the wait starts polling at once", at: location)
            }
        }
        waitArguments.append(Argument("polling", .id("polling")))
        let envelope = poll.envelopeType
        let terminal = polling.successValues + polling.failureValues
        let access = context.modifiers()
        let wait = FunctionDeclaration(
            doc: DocComment(lines: [
                "Polls `\(polling.operationID)` until `\(polling.statusField)` is \(terminal.map { "`\($0)`" }.joined(separator: " or ")).",
                "",
                "Waits first until `estimatedCompletion` when it is given, then polls with backoff; stops at the overall "
                    + "timeout of `polling` or when the task is cancelled.",
                "",
                "- Returns: The last `\(polling.operationID)` result, whose status is terminal. A failed job is returned, "
                    + "not thrown: check `\(status.name)`.",
            ]),
            modifiers: access, kind: .function(names.wait),
            parameters: pollArguments.map { FunctionParameter($0.label, $0.type) } + [
                FunctionParameter("estimatedCompletion", .optional(.date), defaultValue: .nil),
                FunctionParameter("polling", .named(["PollingOptions"]), defaultValue: Expr.id("PollingOptions").call()),
            ],
            isAsync: true, throwing: .typed(.generic(["APIClientError"], [envelope])), result: pollType,
            body: [
                .expression(
                    .try(
                        .await(
                            Expr.id("core").dot("poll").call(
                                ("until", .id("estimatedCompletion")), ("options", .id("polling")),
                                (
                                    "fetch",
                                    .closure(
                                        Closure(
                                            signature: FunctionType(
                                                isAsync: true, throwing: .typed(.generic(["APIClientError"], [envelope])), result: pollType),
                                            body: [
                                                .expression(
                                                    .try(
                                                        .await(
                                                            Expr.selfValue.dot(poll.methodName).call(
                                                                pollArguments.map { Argument($0.label, .id($0.label)) }))))
                                            ]))
                                ),
                                ("isTerminal", .closure(Closure(parameters: ["value"], body: [.expression(isTerminal(status, values: terminal))])))))))
            ])
        var startParameters = start.orderedArguments.map { argument in
            argument.parameter.isRequired
                ? FunctionParameter(argument.label, argument.type) : FunctionParameter(argument.label, .optional(argument.type), defaultValue: .nil)
        }
        if let body = start.bodyType {
            startParameters.append(
                start.operation.requestBody?.isRequired == false
                    ? FunctionParameter("body", .optional(body), defaultValue: .nil) : FunctionParameter("body", body))
        }
        startParameters.append(FunctionParameter("polling", .named(["PollingOptions"]), defaultValue: Expr.id("PollingOptions").call()))
        guard start.envelopeType == envelope else {
            // One typed throw cannot carry both error types.
            context.diagnostics.warning(
                "x-polling of '\(id)': '\(id)' and '\(polling.operationID)' have different error types; "
                    + "'\(names.wait)' is generated, '\(names.startAndWait)' is not", at: location)
            return [.function(wait)]
        }
        let selector = names.wait + "(" + pollArguments.map { $0.label + ":" }.joined() + "estimatedCompletion:polling:)"
        let startCall = start.orderedArguments.map { Argument($0.label, .id($0.label)) } + (start.bodyType == nil ? [] : [Argument("body", .id("body"))])
        let startAndWait = FunctionDeclaration(
            doc: DocComment(lines: ["Calls `\(id)`, then waits as ``\(selector)`` does."]),
            modifiers: access, kind: .function(names.startAndWait), parameters: startParameters, isAsync: true,
            throwing: .typed(.generic(["APIClientError"], [envelope])), result: pollType,
            body: [
                .let("started", nil, .try(.await(Expr.id(start.methodName).call(startCall)))),
                .return(.try(.await(Expr.id(names.wait).call(waitArguments)))),
            ])
        return [.function(wait), .function(startAndWait)]
    }

    /// Whether `value`'s status is terminal: by enum case when the status is a generated enum
    /// that lists every terminal value, else by its text.
    private func isTerminal(_ status: PropertyPlan, values: [String]) -> Expr {
        let field = status.access(on: .id("value"))
        let isOptional = !(status.isRequired && !status.isNullable)
        if let plan = context.plan.enums[status.type.type] {
            let cases = values.compactMap { value in plan.cases.first { $0.value == value }.map { Expr.member(nil, $0.name) } }
            if cases.count == values.count {
                let list = Expr.array(cases)
                return isOptional
                    ? .binary(
                        .call(field.dot("map"), [], trailingClosure: Closure(body: [.expression(list.dot("contains").call(.raw("$0")))])),
                        "??", .bool(false))
                    : list.dot("contains").call(field)
            }
            let text = isOptional ? .binary(.optionalChain(field).dot("rawValue"), "??", .string("")) : field.dot("rawValue")
            return Expr.array(values.map(Expr.string)).dot("contains").call(text)
        }
        let text = isOptional ? .binary(field, "??", .string("")) : field
        return Expr.array(values.map(Expr.string)).dot("contains").call(text)
    }
}
