import OpenAPIModel
import SwiftSource

// Not all of Foundation where FoundationEssentials exists: loading Foundation and ICU would cost each run ~8 ms.
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Emits `Client.swift`: the client type and one async method per operation, plus the
/// create-and-wait helpers of operations that carry `x-polling`.
struct ClientEmitter {
    let context: EmissionContext

    func emit() -> SourceWriter {
        var patterns = ValidationTable(typeName: "ParameterPatterns")
        let document = context.document
        // A spec without operations has no client (the file keeps its fixed name, for the plugin).
        guard !document.operations.isEmpty else { return context.render([]) }
        let client = SwiftType.named([context.clientName])
        let authentication =
            document.securitySchemes.isEmpty
            ? "The spec declares no security schemes: no credentials are sent."
            : "Authenticates as each operation's `security` says, with `ClientConfiguration.credentials` by scheme name ("
                + document.securitySchemes.map { "`\($0.name)`" }.joined(separator: ", ") + ")"
                + (document.usesBearerAuth ? "; `ClientConfiguration.apiKey` is the token of a bearer scheme that has no entry there." : ".")
        var members: [Declaration] = [
            .property(
                PropertyDeclaration(
                    doc: Docs.lines("The runtime that sends requests: transport, authentication, retries and validation."),
                    attributes: context.contractSPI, modifiers: context.modifiers(), isMutable: false, name: "core",
                    type: .named(["APIClient"])))
        ]
        if let server = document.servers.first {
            // Unwrapped only once the generator has parsed it: the literal cannot fail at run time.
            if URL(string: server.defaultURL) != nil {
                members.append(
                    .property(
                        PropertyDeclaration(
                            doc: Docs.lines("The first server the spec lists (its variables at their defaults)."), modifiers: context.modifiers(isStatic: true),
                            isMutable: false, name: "defaultServerURL", type: .named(["URL"]),
                            initializer: .raw("URL(string: \(Identifier.stringLiteral(server.defaultURL)))!"))))
            } else {
                context.diagnostics.warning("the first server '\(server.defaultURL)' is not a URL; no defaultServerURL is generated", at: server.location)
            }
        }
        if let servers = ServerEmitter(context: context).declaration() { members.append(servers) }
        for scheme in document.securitySchemes {
            guard let name = context.securitySchemeNames[scheme.name] else { continue }
            let kind: Expr =
                switch scheme.kind {
                case .apiKey(let key, let location): Expr.member(nil, "apiKey").call(("name", .string(key)), ("in", .member(nil, location.rawValue)))
                case .basic: .member(nil, "basic")
                case .bearer: .member(nil, "bearer")
                }
            members.append(
                .property(
                    PropertyDeclaration(
                        doc: DocComment(scheme.description ?? "The `\(scheme.name)` security scheme."), modifiers: context.modifiers(isStatic: true),
                        isMutable: false, name: name, type: nil,
                        initializer: Expr.id("SecurityScheme").call(("name", .string(scheme.name)), ("kind", kind)))))
        }
        members.append(
            .function(
                FunctionDeclaration(
                    doc: Docs.lines("Creates a client; share one per configuration (it is `Sendable`)."), modifiers: context.modifiers(),
                    kind: .initializer(isFailable: false), parameters: [FunctionParameter("configuration", .named(["ClientConfiguration"]))],
                    body: [
                        .assignment(
                            .selfMember("core"),
                            Expr.id("APIClient").call(
                                [Argument("configuration", .id("configuration"))]
                                    + (Self.responseHeaderNames(document).map { [Argument("responseHeaderNames", $0)] } ?? [])))
                    ])))
        var file = context.beginFile()
        file.append(
            .type(
                TypeDeclaration(
                    doc: DocComment([document.title, document.description, authentication].compactMap { $0 }.joined(separator: "\n\n")),
                    modifiers: context.modifiers(isNonisolated: true), kind: .struct, name: context.clientName, conformances: [.named(["Sendable"])],
                    members: members)))
        var requirements: [Declaration] = []
        for operation in document.operations {
            guard let shape = context.operations[operation.operationID] else { continue }
            let emitter = OperationEmitter(context: context, shape: shape)
            if let formats = emitter.bodyFormatDeclaration() { file.append(formats) }
            var methods = emitter.declarations(patterns: &patterns)
            requirements += methods.compactMap(requirement(of:))
            if let polling = operation.polling {
                methods += PollingEmitter(context: context, start: shape, polling: polling).declarations()
            }
            file.append(.extension(ExtensionDeclaration(modifiers: Modifiers(isNonisolated: true), extendedType: client, members: methods)))
        }
        file.append(
            .type(
                TypeDeclaration(
                    doc: Docs.lines(
                        "The operations of ``\(context.clientName)``, for app code to depend on and tests to mock "
                            + "(``\(context.clientName)`` conforms; its wait helpers are built on these)."),
                    modifiers: context.modifiers(isNonisolated: true), kind: .protocol, name: context.clientName + "Protocol",
                    conformances: [.named(["Sendable"])], members: requirements)))
        file.append(
            .extension(
                ExtensionDeclaration(
                    modifiers: Modifiers(isNonisolated: true), extendedType: client, conformances: [.named([context.clientName + "Protocol"])], members: [])))
        for declaration in ContractEmitter(context: context).declarations(patterns: &patterns) { file.append(declaration) }
        // Last, because the patterns are known only once every check is built.
        for table in patterns.declarations(doc: "The `pattern`s of parameters and response headers, compiled once.", registry: context.document.schemaRegistry)
        {
            file.append(table)
        }
        return file
    }

    /// A method as a protocol requirement: no body, no default arguments (a requirement cannot
    /// have them). Methods returning a `TypedResponse` (the `…WithHeaders` variants, and
    /// streaming ones with headers), whose header types are nested in the client, are not
    /// requirements: the plain methods are what app code calls.
    private func requirement(of declaration: Declaration) -> Declaration? {
        guard case .function(var function) = declaration, case .function = function.kind else { return nil }
        if case .generic(["TypedResponse"], _)? = function.result { return nil }
        function.body = nil
        function.modifiers = Modifiers()
        function.parameters = function.parameters.map { parameter in
            var parameter = parameter
            parameter.defaultValue = nil
            return parameter
        }
        return .function(function)
    }

    /// `ResponseHeaderNames(…)` of the request-ID and rate-limit headers the spec documents on
    /// any response (the first of each, in document order, matched by name case-insensitively:
    /// `…request-id`/`…requestid`; `…ratelimit-limit`, `-remaining`, `-reset`, `x-` or not);
    /// `nil` when it documents none.
    static func responseHeaderNames(_ document: OpenAPIDocument) -> Expr? {
        var found: [String: String] = [:]
        let roles: [(role: String, matches: (String) -> Bool)] = [
            ("requestID", { $0.hasSuffix("request-id") || $0.hasSuffix("requestid") }),
            ("rateLimitLimit", { $0.hasSuffix("ratelimit-limit") || $0.hasSuffix("rate-limit-limit") }),
            ("rateLimitRemaining", { $0.hasSuffix("ratelimit-remaining") || $0.hasSuffix("rate-limit-remaining") }),
            ("rateLimitReset", { $0.hasSuffix("ratelimit-reset") || $0.hasSuffix("rate-limit-reset") }),
        ]
        for operation in document.operations {
            for response in operation.responses {
                for header in response.headers {
                    let name = header.name.lowercased()
                    for (role, matches) in roles where found[role] == nil && matches(name) { found[role] = header.name }
                }
            }
        }
        guard !found.isEmpty else { return nil }
        return Expr.id("ResponseHeaderNames").call(roles.compactMap { role in found[role.role].map { Argument(role.role, .string($0)) } })
    }
}
