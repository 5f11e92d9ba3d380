import OpenAPIModel
import SwiftSource

/// Builds the method of one operation: parameter validation, the request, and the mapping of
/// every documented status to a value or a typed error.
struct OperationEmitter {
    let context: EmissionContext
    let shape: OperationShape

    private var operation: OpenAPIModel.Operation { shape.operation }

    /// The operation's method; with documented success headers, also their struct and the
    /// `…WithHeaders` method that returns them, which the plain method calls.
    func declarations(patterns: inout ValidationTable) -> [Declaration] {
        let streaming =
            context.streamingNames[operation.operationID].map { name in
                [Declaration.function(method(patterns: &patterns, headers: context.responseHeaders[operation.operationID], streamingName: name))]
            } ?? []
        return plainDeclarations(patterns: &patterns) + streaming
    }

    private func plainDeclarations(patterns: inout ValidationTable) -> [Declaration] {
        guard let headers = context.responseHeaders[operation.operationID] else {
            return [.function(method(patterns: &patterns, headers: nil))]
        }
        let full = method(patterns: &patterns, headers: headers)
        let forwarded = Expr.try(
            .await(
                Expr.call(.id(headers.methodName), full.parameters.map { Argument($0.label, .id($0.name)) })
                    .dot("body")))
        var plain = full
        plain.kind = .function(shape.methodName)
        plain.doc = documentation(headers: nil)?.adding(["- Note: `\(headers.methodName)` returns the documented response headers too."])
        plain.result = shape.success?.type ?? .void
        plain.body = [.expression(forwarded)]
        return [
            ResponseHeadersEmitter(context: context, shape: headers, operationID: operation.operationID).declaration(patterns: &patterns),
            .function(plain), .function(full),
        ]
    }

    /// The case of a body format enum for an encoding.
    static func formatCase(_ encoding: BodyEncoding) -> String {
        switch encoding {
        case .json: "json"
        case .formURLEncoded: "formURLEncoded"
        case .multipart: "multipart"
        case .text: "text"
        case .binary: "binary"
        }
    }

    /// The top-level enum of the encodings the body may be sent in, its raw values their media types.
    func bodyFormatDeclaration() -> Declaration? {
        guard let format = shape.bodyFormat, let content = operation.requestBody?.content, let name = format.type.path?.last else { return nil }
        return .type(
            TypeDeclaration(
                doc: Docs.lines("The encodings the body of ``\(shape.methodName)`` may be sent in, as the spec declares them."),
                modifiers: context.modifiers(isNonisolated: true), kind: .enum, name: name,
                conformances: [.string, .named(["Hashable"]), .named(["Sendable"]), .named(["CaseIterable"])],
                members: content.formats.map { format in
                    .enumCase(
                        EnumCaseDeclaration(
                            doc: Docs.lines("`\(format.mediaType)`"), name: Self.formatCase(format.encoding),
                            rawValue: .string(format.mediaType)))
                }))
    }

    /// The method; with `streamingName`, its streaming variant: a binary request body read as
    /// it is sent (`ByteStream`), a binary success body handed over as it arrives.
    private func method(patterns: inout ValidationTable, headers: ResponseHeadersShape?, streamingName: String? = nil) -> FunctionDeclaration {
        let successResponse = shape.success.flatMap { success in operation.responses.first { $0.statusKey == success.status } }
        let streamsBody = streamingName != nil && operation.requestBody?.content.encoding == .binary
        let streamsSuccess = streamingName != nil && successResponse?.content?.encoding == .binary
        var parameters = shape.orderedArguments.map { argument in
            argument.parameter.isRequired
                ? FunctionParameter(argument.label, argument.type)
                : FunctionParameter(argument.label, .optional(argument.type), defaultValue: .nil)
        }
        if let declared = shape.bodyType {
            let body = streamsBody ? SwiftType.named(["ByteStream"]) : declared
            parameters.append(
                operation.requestBody?.isRequired == false
                    ? FunctionParameter("body", .optional(body), defaultValue: .nil) : FunctionParameter("body", body))
        }
        if let format = shape.bodyFormat, let content = operation.requestBody?.content {
            parameters.append(FunctionParameter(format.label, format.type, defaultValue: .member(nil, Self.formatCase(content.encoding))))
        }
        if let label = shape.contentTypeLabel, let content = operation.requestBody?.content {
            parameters.append(FunctionParameter(label, .string, defaultValue: .string(BodyEmitter(context: context).sentType(content))))
        }
        let envelope = shape.envelopeType
        let request = Expr.id("request")
        var body = requestChecks(patterns: &patterns)
        // `let` when nothing is set on the request, so that the generated code is warning-free.
        let newRequest = Expr.type(.generic(["OperationRequest"], [envelope])).call(
            ("operationID", .string(operation.operationID)), ("method", .member(nil, operation.method.rawValue)),
            ("pathTemplate", .string(operation.path)))
        var setting: [Statement] = []
        for argument in shape.arguments {
            setting += setParameter(argument, on: request)
        }
        // The operation's own `security`, else the document's. An alternative naming a scheme the
        // client cannot apply (warned where the scheme is) cannot be met, and is left out.
        let alternatives: [Expr] = (operation.security ?? context.document.security).compactMap { alternative in
            let schemes = alternative.compactMap { name in context.securitySchemeNames[name].map { Expr.raw("Self." + $0) } }
            return schemes.count == alternative.count ? Expr.array(schemes) : nil
        }
        if !alternatives.isEmpty {
            setting.append(.assignment(request.dot("security"), .array(alternatives)))
        }
        if let server = operation.servers.first {
            setting.append(.assignment(request.dot("server"), .string(server.defaultURL)))
        }
        let bodies = BodyEmitter(context: context)
        if let accept = successResponse.flatMap(bodies.accept) {
            setting.append(.expression(request.dot("setHeader").call(.string("Accept"), .string(accept))))
        }
        let core = Expr.selfMember("core")
        if let bodyType = shape.bodyType, let content = operation.requestBody?.content {
            var setBody = bodies.setBody(content, type: bodyType.unwrapped, on: request, contentType: shape.contentTypeLabel.map(Expr.id))
            if streamsBody {
                // The bytes go to `sendStreaming`; only their type is set here.
                setBody = [
                    .expression(
                        request.dot("setHeader").call(
                            .string("Content-Type"), shape.contentTypeLabel.map(Expr.id) ?? .string(bodies.sentType(content))))
                ]
            }
            if let format = shape.bodyFormat {
                setBody = [
                    .switch(
                        .id(format.label),
                        content.formats.map { format in
                            SwitchCase(
                                [.enumCase(Self.formatCase(format.encoding), bindings: [])],
                                bodies.setBody(format, type: bodyType.unwrapped, on: request, contentType: nil))
                        })
                ]
            }
            setting += operation.requestBody?.isRequired == false ? [.if(.optionalBinding("body", nil), setBody)] : setBody
        }
        body.append(setting.isEmpty ? .let("request", nil, newRequest) : .var("request", nil, newRequest))
        body += setting
        if streamingName != nil {
            body.append(.let("streamed", nil, .try(.await(core.dot("sendStreaming").call((nil, request), ("body", streamsBody ? .id("body") : .nil))))))
            if !streamsSuccess { body.append(.let("response", nil, .try(.await(core.dot("collected").call(.id("streamed")))))) }
        } else {
            body.append(.let("response", nil, .try(.await(core.dot("send").call(request)))))
        }
        let collect = Statement.let("response", nil, .try(.await(core.dot("collected").call(.id("streamed")))))
        var cases: [SwitchCase] = []
        if let success = shape.success {
            let statuses = shape.successStatuses.map(OperationShape.statusPattern)
            var checkedBy: [Argument] = []
            var check: Expr?
            if let type = success.type, let schema = successResponse?.schema {
                check = CheckEmitter(context: context).bodyCheck(schema: schema, type: type, patterns: &patterns)
                checkedBy = check.map { [Argument("checkedBy", $0)] } ?? []
            }
            // A text or binary body is read as it is; only JSON is decoded.
            let read = successResponse?.content.flatMap { bodies.readBody($0, check: check) }
            if streamsSuccess {
                let streamedBody = Expr.id("streamed").dot("body")
                let returned =
                    headers.map { headers in
                        core.dot("typedSuccess").call(
                            (nil, streamedBody), ("headers", .metatype(.named([headers.typeName]))),
                            ("from", core.dot("head").call(("of", .id("streamed"))))
                        ).tried
                    } ?? streamedBody
                cases.append(SwitchCase(statuses, [.return(returned)]))
            } else if let headers {
                let headersType = Expr.metatype(.named([headers.typeName]))
                let decoded =
                    read.map { core.dot("typedSuccess").call((nil, $0), ("headers", headersType), ("from", .id("response"))) }
                    ?? success.type.map { type in
                        core.dot("decodeSuccess").call(
                            [Argument(.metatype(type)), Argument("headers", headersType), Argument("from", .id("response"))] + checkedBy)
                    } ?? core.dot("successHeaders").call((nil, headersType), ("from", .id("response")))
                cases.append(SwitchCase(statuses, [.return(decoded.tried)]))
            } else if let read {
                cases.append(SwitchCase(statuses, [.return(read)]))
            } else if let type = success.type {
                cases.append(
                    SwitchCase(
                        statuses,
                        [
                            .return(
                                core.dot("decodeSuccess").call(
                                    [Argument(.metatype(type)), Argument("from", .id("response"))] + checkedBy
                                ).tried)
                        ]))
            } else {
                cases.append(SwitchCase(statuses, [.return(nil)]))
            }
        }
        // Error bodies that are all text or all bytes are read as such; any other is decoded as JSON.
        let errorEncodings = Set(operation.responses.filter { !$0.isSuccess }.compactMap { $0.content?.encoding })
        let documentedError: Statement =
            switch (errorEncodings, envelope) {
            case ([.text], .string): .throw(core.dot("documentedTextError").call(("from", .id("response"))))
            case ([.binary], .data): .throw(core.dot("documentedDataError").call(("from", .id("response"))))
            default: .throw(core.dot("documentedError").call((nil, .metatype(envelope)), ("from", .id("response"))))
            }
        // A streamed success leaves the other statuses' bodies to be read whole before they are decoded.
        let reading: [Statement] = streamsSuccess ? [collect] : []
        if !shape.errorStatuses.isEmpty {
            cases.append(SwitchCase(shape.errorStatuses.map(OperationShape.statusPattern), reading + [documentedError]))
        }
        cases.append(.default(reading + [shape.hasDefaultResponse ? documentedError : .throw(core.dot("undocumentedStatus").call(.id("response")))]))
        body.append(.switch(Expr.id(streamsSuccess ? "streamed" : "response").dot("status").dot("code"), cases))
        let successType = streamsSuccess ? SwiftType.named(["ByteStream"]) : shape.success?.type
        let result: SwiftType =
            headers.map { .generic(["TypedResponse"], [successType ?? .void, .named([$0.typeName])]) }
            ?? successType ?? .void
        var doc = documentation(headers: headers)
        if streamingName != nil {
            doc = doc?.adding([
                "- Note: Streams "
                    + [streamsBody ? "the request body as it is read" : nil, streamsSuccess ? "the response body as it arrives" : nil]
                    .compactMap { $0 }.joined(separator: " and ")
                    + ", through the transport's `send(_:streaming:baseURL:timeout:)`; one attempt, since a stream cannot be sent twice."
            ])
        }
        return FunctionDeclaration(
            doc: doc, attributes: Docs.attributes(deprecated: operation.isDeprecated),
            modifiers: context.modifiers(), kind: .function(streamingName ?? headers?.methodName ?? shape.methodName), parameters: parameters,
            isAsync: true, throwing: .typed(.generic(["APIClientError"], [envelope])), result: result, body: body)
    }

    private func documentation(headers: ResponseHeadersShape?) -> DocComment? {
        var lines: [String] = []
        if let summary = operation.summary { lines += DocComment(summary)?.lines ?? [] }
        if let description = DocComment(operation.description) {
            if !lines.isEmpty { lines.append("") }
            lines += description.lines
        }
        func paragraph() { if !lines.isEmpty { lines.append("") } }
        var parameters: [String] = shape.arguments.map { argument in
            var text =
                argument.parameter.description.map(oneLine)
                ?? "The `\(argument.parameter.name)` \(argument.parameter.location.rawValue) parameter."
            if argument.parameter.isIdempotencyKey {
                text +=
                    argument.parameter.isRequired
                    ? " The same key is sent on every retry of this call."
                    : " When `nil`, one is generated for this call and reused on every retry."
            }
            return "  - \(argument.label): " + text
        }
        if shape.bodyType != nil {
            parameters.append("  - body: " + oneLine(operation.requestBody?.description ?? "The request body."))
        }
        if let format = shape.bodyFormat, let content = operation.requestBody?.content {
            let declared = content.formats.map { "`\($0.mediaType)`" }.joined(separator: ", ")
            parameters.append("  - \(format.label): The encoding the body is sent in; the spec declares \(declared).")
        }
        if let label = shape.contentTypeLabel, let content = operation.requestBody?.content {
            let declared = ([content.mediaType] + content.alternatives).map { "`\($0)`" }.joined(separator: ", ")
            parameters.append("  - \(label): The body's `Content-Type`; the spec declares \(declared).")
        }
        paragraph()
        if !parameters.isEmpty {
            lines.append("- Parameters:")
            lines += parameters
        }
        if let success = shape.success, let response = operation.responses.first(where: { $0.statusKey == success.status }) {
            let statuses = shape.successStatuses.map(OperationShape.statusText).joined(separator: ", ")
            let returned = response.description.map(oneLine) ?? "The response body."
            lines.append(
                headers.map {
                    "- Returns: \(returned) (HTTP \(statuses)) With the status, the documented headers as ``\($0.typeName)`` and every header field."
                }
                    ?? "- Returns: \(returned) (HTTP \(statuses))")
        }
        var documented = shape.errorStatuses.map(OperationShape.statusText)
        if shape.hasDefaultResponse { documented.append("any other status, as the `default` response") }
        lines.append(
            documented.isEmpty
                ? "- Throws: ``APIClientError``: transport, decoding and validation failures, and `.undocumentedStatus` (the spec documents no error status)."
                : "- Throws: ``APIClientError``: `.api` for the documented error statuses (\(documented.joined(separator: ", "))), and transport, decoding and validation failures."
        )
        lines.append("- Remark: Generated from `\(operation.method.rawValue.uppercased()) \(operation.path)`.")
        return DocComment(lines: lines)
    }

    private func oneLine(_ text: String) -> String {
        (DocComment(text)?.lines ?? []).joined(separator: " ")
    }

    /// The checks of every parameter and of the body, all reported together in one
    /// `requestValidation` error: parameters at `/name` with their location, the body at its own pointers.
    private func requestChecks(patterns: inout ValidationTable) -> [Statement] {
        let checker = CheckEmitter(context: context)
        let validation = Expr.id("context")
        var checks: [Statement] = []
        for argument in shape.arguments {
            let inner = checker.checks(
                value: .id(argument.label), schema: argument.parameter.schema, type: argument.type,
                patterns: &patterns, depth: 0)
            guard !inner.isEmpty else { continue }
            let body: [Statement] = argument.parameter.isRequired ? inner : [.if(.optionalBinding(argument.label, nil), inner)]
            checks.append(
                .expression(
                    .call(
                        validation.dot("parameter"),
                        [Argument(.string(argument.parameter.name)), Argument("in", .member(nil, argument.parameter.location.rawValue))],
                        trailingClosure: Closure(parameters: ["context"], body: body))))
        }
        if let bodyType = shape.bodyType, let requestBody = operation.requestBody {
            let inner = checker.checks(
                value: .id("body"), schema: requestBody.schema, type: bodyType.unwrapped,
                patterns: &patterns, depth: 0)
            let mayBeNil = !requestBody.isRequired || bodyType != bodyType.unwrapped
            if !inner.isEmpty { checks += mayBeNil ? [.if(.optionalBinding("body", nil), inner)] : inner }
        }
        guard !checks.isEmpty else { return [] }
        return [
            .if(
                .expression(Expr.selfMember("core").dot("configuration").dot("validation").dot("validatesRequests")),
                CheckEmitter.collecting(checks) { violations in
                    Expr.member(nil, "requestValidation").call(Expr.id("ValidationError").call(("violations", violations)))
                })
        ]
    }

    /// Whether a parameter is sent through the runtime's JSON-shaped serialization (an object,
    /// a nested array, a style or `explode` other than the default, JSON content) rather than as
    /// the text of a scalar or a list of them.
    static func isStructured(_ argument: OperationShape.Argument, document: OpenAPIDocument) -> Bool {
        guard argument.parameter.hasDefaultSerialization else { return true }
        var schema = document.resolved(argument.parameter.schema)
        if argument.type.arrayElement != nil, case .array(let array) = schema.kind { schema = document.resolved(array.items) }
        switch schema.kind {
        case .object, .union, .choice, .any, .array: return true
        default: return false
        }
    }

    private func setParameter(_ argument: OperationShape.Argument, on request: Expr) -> [Statement] {
        let name = Expr.id(argument.label)
        let wire = Expr.string(argument.parameter.name)
        let parameter = argument.parameter
        if parameter.isJSONContent {
            return [
                .expression(
                    request.dot("setJSONParameter").call([Argument(wire), Argument(name), Argument("in", .member(nil, parameter.location.rawValue))]).tried)
            ]
        }
        if parameter.location == .cookie || (parameter.location == .query && Self.isStructured(argument, document: context.document)) {
            var arguments = [Argument(wire), Argument(name)]
            if parameter.style != "form" { arguments.append(Argument("style", .member(nil, parameter.style))) }
            if !parameter.explode, parameter.style == "form" { arguments.append(Argument("explode", .bool(false))) }
            return [.expression(request.dot(parameter.location == .cookie ? "addCookie" : "addQueryParameter").call(arguments).tried)]
        }
        // Objects, nested arrays and the path styles `label` and `matrix` go through the
        // runtime's JSON-shaped expansion (RFC 6570, as OpenAPI's styles are defined).
        if parameter.location == .path || parameter.location == .header, Self.isStructured(argument, document: context.document) {
            var arguments = [Argument(wire), Argument(name)]
            if parameter.location == .path { arguments.append(Argument("style", .member(nil, parameter.style))) }
            arguments.append(Argument("explode", .bool(parameter.explode)))
            var result: [Statement] = [.expression(request.dot(parameter.location == .path ? "setPathParameter" : "setHeader").call(arguments).tried)]
            if parameter.isIdempotencyKey { result.append(.assignment(request.dot("idempotencyKeyHeader"), wire)) }
            return result
        }
        let isRequired = argument.parameter.isRequired
        let element = argument.type.arrayElement
        var schema = context.document.resolved(argument.parameter.schema)
        if element != nil, case .array(let array) = schema.kind { schema = context.document.resolved(array.items) }
        /// `simple` style: an array is its items' text joined by commas.
        func simple(_ value: Expr) -> Expr {
            guard element != nil else { return text(value, schema: schema) }
            let item = text(.id("item"), schema: schema)
            let items = item == .id("item") ? value : .call(value.dot("map"), [], trailingClosure: Closure(parameters: ["item"], body: [.expression(item)]))
            return items.dot("joined").call(("separator", .string(",")))
        }
        switch argument.parameter.location {
        case .cookie:
            return []
        case .path:
            return [.expression(request.dot("setPathParameter").call(wire, simple(name)))]
        case .header:
            var result: [Statement]
            if isRequired {
                result = [.expression(request.dot("setHeader").call(wire, simple(name)))]
            } else {
                let converted = simple(.id("value"))
                result = [
                    .expression(
                        request.dot("setHeader").call(
                            wire,
                            converted == .id("value")
                                ? name : .call(name.dot("map"), [], trailingClosure: Closure(parameters: ["value"], body: [.expression(converted)]))))
                ]
            }
            if argument.parameter.isIdempotencyKey {
                result.append(.assignment(request.dot("idempotencyKeyHeader"), wire))
            }
            return result
        case .query:
            let value: Expr = isRequired ? name : .id("value")
            let add: [Statement] =
                element != nil
                ? [
                    .for(
                        pattern: .binding("element"), sequence: value, condition: nil,
                        body: [.expression(request.dot("addQueryItem").call(wire, text(.id("element"), schema: schema)))])
                ]
                : [.expression(request.dot("addQueryItem").call(wire, text(value, schema: schema)))]
            return isRequired ? add : [.if(.optionalBinding("value", name), add)]
        }
    }

    /// The wire text of a parameter value.
    private func text(_ value: Expr, schema: Schema) -> Expr {
        switch schema.kind {
        case .string(let string):
            if schema.allowedValues != nil, !schema.isConst { return value.dot("rawValue") }
            switch string.format {
            case .dateTime?: return Expr.id("RFC3339").dot("string").call(("from", value))
            case .date?: return value.dot("description")
            default: return value
            }
        case .integer, .number, .boolean: return Expr.id("String").call(value)
        default: return value.dot("description")
        }
    }
}
