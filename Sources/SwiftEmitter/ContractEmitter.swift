import OpenAPIModel
import SwiftSource

/// Builds the contract table beside the client: for each operation, codecs of its documented
/// bodies and a closure that calls it again with a recorded request's arguments. Built by
/// appending, not as one large literal, so that the type checker's cost stays linear.
struct ContractEmitter {
    let context: EmissionContext

    /// Operations per helper function of a large table: one function of thousands of calls is
    /// costly for the compiler (its time per statement grows with the function's size), and
    /// separate functions can land in separate parts of `Client.swift`.
    static let operationsPerFunction = 64

    func declarations(patterns: inout ValidationTable) -> [Declaration] {
        let operations = context.document.operations.compactMap { context.operations[$0.operationID] }
        let operationsType = SwiftType.array(.named(["ContractOperation"]))
        var make: [Statement] = [
            operations.isEmpty ? .let("operations", operationsType, .array([])) : .var("operations", operationsType, .array([]))
        ]
        var helpers: [Declaration] = []
        if operations.count <= Self.operationsPerFunction {
            for operation in operations { make.append(append(operation, patterns: &patterns)) }
        } else {
            for (index, start) in stride(from: 0, to: operations.count, by: Self.operationsPerFunction).enumerated() {
                let name = "appendContractOperations\(index + 1)"
                make.append(.expression(Expr.id(name).call(("to", .inout(.id("operations"))))))
                let chunk = operations[start..<min(start + Self.operationsPerFunction, operations.count)]
                helpers.append(
                    .extension(
                        ExtensionDeclaration(
                            modifiers: Modifiers(isNonisolated: true), extendedType: .named([context.clientName]),
                            members: [
                                .function(
                                    FunctionDeclaration(
                                        doc: Docs.lines("Part \(index + 1) of ``contractOperations``."),
                                        modifiers: Modifiers(isStatic: true), kind: .function(name),
                                        parameters: [FunctionParameter(label: "to", name: "operations", type: operationsType, isInout: true)],
                                        body: chunk.map { append($0, patterns: &patterns) }))
                            ])))
            }
        }
        make.append(.return(.id("operations")))
        let table = Declaration.extension(
            ExtensionDeclaration(
                modifiers: Modifiers(isNonisolated: true), extendedType: .named([context.clientName]),
                members: [
                    .function(
                        FunctionDeclaration(
                            doc: Docs.lines("Creates a client over an existing engine (contract tests replay recorded requests through one)."),
                            attributes: context.contractSPI, modifiers: context.modifiers(), kind: .initializer(isFailable: false),
                            parameters: [FunctionParameter("core", .named(["APIClient"]))],
                            body: [.assignment(.selfMember("core"), .id("core"))])),
                    .property(
                        PropertyDeclaration(
                            doc: Docs.lines("Every operation, for contract tests over recorded exchanges."), attributes: context.contractSPI,
                            modifiers: context.modifiers(isStatic: true),
                            isMutable: false, name: "contractOperations", type: operationsType,
                            initializer: Expr.id("makeContractOperations").call())),
                    .function(
                        FunctionDeclaration(
                            modifiers: Modifiers(access: .private, isStatic: true), kind: .function("makeContractOperations"),
                            result: operationsType, body: make)),
                ]))
        return [table] + helpers
    }

    private func append(_ shape: OperationShape, patterns: inout ValidationTable) -> Statement {
        let operation = shape.operation
        let types = context.plan.operationTypes[operation.operationID]
        let checker = CheckEmitter(context: context)
        var responses: [DictionaryEntry] = []
        for response in operation.responses {
            // Contract codecs round-trip JSON; other bodies are checked against their media type only.
            guard let type = types?.responses[response.statusKey], let schema = response.schema, response.content?.encoding == .json else { continue }
            responses.append(DictionaryEntry(.integer(response.statusKey), checker.bodyCodec(schema: schema, type: type.type, patterns: &patterns)))
        }
        var requestCodec: Expr = .nil
        if let type = shape.bodyType, let schema = operation.requestBody?.schema, operation.requestBody?.content.encoding == .json {
            requestCodec = checker.bodyCodec(schema: schema, type: type, patterns: &patterns)
        }
        var arguments = shape.orderedArguments.map { Argument($0.label, read($0)) }
        if let body = shape.bodyType, let content = operation.requestBody?.content {
            let bodies = BodyEmitter(context: context)
            arguments.append(Argument("body", bodies.replayedBody(content, type: body)))
            if let format = shape.bodyFormat {
                // The recorded request's Content-Type says which encoding the call used.
                arguments.append(
                    Argument(
                        format.label,
                        Expr.id("recorded").dot("bodyFormat").call(
                            (nil, .metatype(format.type)), ("default", .member(nil, OperationEmitter.formatCase(content.encoding))))))
            }
            if let label = shape.contentTypeLabel {
                arguments.append(
                    Argument(label, .binary(Expr.id("recorded").dot("header").call(.string("Content-Type")), "??", .string(bodies.sentType(content)))))
            }
        }
        let replay = Closure(
            parameters: ["core", "recorded"],
            body: [
                .assignment(
                    .raw("_"),
                    .try(
                        .await(
                            Expr.id(context.clientName).call(("core", .id("core"))).dot(shape.methodName).call(arguments))))
            ])
        return .expression(
            Expr.id("operations").dot("append").call(
                Expr.id("ContractOperation").call(
                    ("operationID", .string(operation.operationID)),
                    ("requestBody", requestCodec),
                    ("responseBodies", .dictionary(responses)),
                    ("replay", .closure(replay)))))
    }

    /// Whether `RecordedRequest` reads a value of `type` from its text: a `LosslessStringConvertible`
    /// scalar or a string enum (a `Date` is not: its text is RFC 3339).
    private func isReadableFromText(_ type: SwiftType) -> Bool {
        let underlying = context.plan.underlying(type)
        return [.string, .int, .int32, .double, .float, .bool, .named(["CalendarDate"])].contains(underlying)
            || context.plan.enums[underlying] != nil
    }

    /// The expression that reads one argument from a `RecordedRequest` named `recorded`.
    private func read(_ argument: OperationShape.Argument) -> Expr {
        let recorded = Expr.id("recorded")
        let name = Expr.string(argument.parameter.name)
        let type = argument.type
        let isRequired = argument.parameter.isRequired
        let unreplayable = recorded.dot("unreplayableParameter").call([Argument(name), Argument("as", .metatype(isRequired ? type : .optional(type)))]).tried
        if OperationEmitter.isStructured(argument, document: context.document) || !isReadableFromText(type.arrayElement ?? type) {
            return unreplayable
        }
        switch argument.parameter.location {
        case .cookie:
            return unreplayable
        case .path:
            if let element = type.arrayElement {
                return recorded.dot("pathList").call((nil, name), ("as", .metatype(element))).tried
            }
            return recorded.dot("path").call((nil, name), ("as", .metatype(type))).tried
        case .header:
            if let element = type.arrayElement {
                return recorded.dot(isRequired ? "requiredHeaderList" : "headerList").call((nil, name), ("as", .metatype(element))).tried
            }
            if type == .string, !isRequired { return recorded.dot("header").call(name) }
            return recorded.dot(isRequired ? "requiredHeader" : "header").call((nil, name), ("as", .metatype(type))).tried
        case .query:
            if let element = type.arrayElement {
                let all = recorded.dot("queryAll").call((nil, name), ("as", .metatype(element))).tried
                return isRequired ? .binary(all, "??", .array([])) : all
            }
            return recorded.dot(isRequired ? "requiredQuery" : "query").call((nil, name), ("as", .metatype(type))).tried
        }
    }
}
