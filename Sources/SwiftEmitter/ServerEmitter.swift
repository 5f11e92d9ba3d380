import OpenAPIModel
import SwiftSource

// Not all of Foundation where FoundationEssentials exists: loading Foundation and ICU would cost each run ~8 ms.
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Builds `Servers`, nested in the client: a function per server the spec lists (`server1`,
/// `server2`, … in its order), taking each server variable as a parameter at its default. A
/// variable with an `enum` takes a nested enum of those values, so that every URL the function can
/// build is parsed here, and the function returns `URL`; a free-form variable makes it return
/// `URL?` (`nil` when the value does not make a URL).
struct ServerEmitter {
    let context: EmissionContext

    /// More combinations than this are not all parsed at generation time: the function returns `URL?`.
    static let checkedCombinationLimit = 256

    func declaration() -> Declaration? {
        let servers = context.document.servers
        guard !servers.isEmpty else { return nil }
        var members: [Declaration] = []
        for (offset, server) in servers.enumerated() {
            members += declarations(server, number: offset + 1)
        }
        return .type(
            TypeDeclaration(
                doc: Docs.lines("The servers the spec lists, in its order, as functions of their variables."),
                modifiers: context.modifiers(isNonisolated: true), kind: .enum, name: context.serversTypeName, conformances: [.named(["Sendable"])],
                members: members))
    }

    private func declarations(_ server: Server, number: Int) -> [Declaration] {
        let functionName = "server\(number)"
        var parameterNames = NameScope("the parameters of '\(functionName)'")
        var parameters: [FunctionParameter] = []
        var enums: [Declaration] = []
        var docParameters: [String] = []
        var valueOf: [String: Expr] = [:]
        for variable in server.variables {
            let name = parameterNames.claim(
                Namer.memberName(variable.name), for: "server variable '\(variable.name)'", at: server.location, diagnostics: context.diagnostics)
            let description = variable.description.map { " " + $0.split(whereSeparator: \.isNewline).joined(separator: " ") } ?? ""
            if let allowed = variable.allowedValues {
                let typeName = Namer.typeName(functionName + "_" + variable.name)
                var caseNames = NameScope("the cases of '\(typeName)'")
                let cases = allowed.map { value in
                    (value, caseNames.claim(Namer.memberName(value), for: "value '\(value)'", at: server.location, diagnostics: context.diagnostics))
                }
                enums.append(
                    .type(
                        TypeDeclaration(
                            doc: Docs.lines("The values of the server variable `\(variable.name)`."), modifiers: context.modifiers(), kind: .enum,
                            name: typeName, conformances: [.string, .named(["Sendable"]), .named(["CaseIterable"])],
                            members: cases.map { value, caseName in
                                .enumCase(EnumCaseDeclaration(name: caseName, rawValue: caseName == value ? nil : .string(value)))
                            })))
                let defaultCase = cases.first { $0.0 == variable.defaultValue }?.1 ?? cases[0].1
                parameters.append(FunctionParameter(name, .named([typeName]), defaultValue: .member(nil, defaultCase)))
                valueOf[variable.name] = Expr.id(name).dot("rawValue")
                docParameters.append("  - \(name):\(description) Default `\(variable.defaultValue)`.")
            } else {
                parameters.append(FunctionParameter(name, .string, defaultValue: .string(variable.defaultValue)))
                valueOf[variable.name] = Expr.id(name)
                docParameters.append("  - \(name):\(description) Default `\(variable.defaultValue)`.")
            }
        }
        let checked = everyURLParses(server)
        // The template as a concatenation of its literal text and the variables' values (the builder
        // keeps only servers whose every placeholder is a variable).
        let parts: [Expr] = server.segments.map { segment in
            switch segment {
            case .literal(let text): .string(text)
            case .variable(let name): valueOf[name] ?? .string("{\(name)}")
            }
        }
        let text = parts.dropFirst().reduce(parts.first ?? .string("")) { .binary($0, "+", $1) }
        let parsed = Expr.id("URL").call(("string", text))
        var doc = [server.description ?? "A server the spec lists.", "", "`\(server.urlTemplate)`"]
        if !docParameters.isEmpty { doc += ["", "- Parameters:"] + docParameters }
        if !checked { doc += ["- Returns: The URL, or `nil` when the values do not make one."] }
        let body: [Statement] =
            checked
            ? [.raw("// The generator parsed every URL this function can build."), .return(.forceUnwrapped(parsed))]
            : [.return(parsed)]
        let function = Declaration.function(
            FunctionDeclaration(
                doc: DocComment(lines: doc.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }),
                modifiers: context.modifiers(isStatic: true), kind: .function(functionName), parameters: parameters,
                result: checked ? .named(["URL"]) : .optional(.named(["URL"])), body: body))
        return [function] + enums
    }

    /// Whether every combination of the variables' values gives a URL: only when each is an enum
    /// and the combinations are few enough to try.
    private func everyURLParses(_ server: Server) -> Bool {
        var combinations: [[String: String]] = [[:]]
        for variable in server.variables {
            guard let allowed = variable.allowedValues else { return false }
            combinations = combinations.flatMap { partial in
                allowed.map { value in partial.merging([variable.name: value]) { $1 } }
            }
            if combinations.count > Self.checkedCombinationLimit { return false }
        }
        return combinations.allSatisfy { URL(string: server.url(with: $0)) != nil }
    }
}
