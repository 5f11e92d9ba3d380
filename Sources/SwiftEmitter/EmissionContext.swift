import OpenAPIModel
import SpecCore
import SwiftSource

/// What every file emitter shares: the document, the options, the planned types and names, and
/// the diagnostics sink.
struct EmissionContext: Sendable {
    let document: OpenAPIDocument
    let options: EmitterOptions
    let plan: TypePlan
    private(set) var diagnostics: DiagnosticSink
    /// The name of the generated client type.
    let clientName: String
    /// The name of the webhook verifier type.
    let webhooksName: String
    /// Every operation's Swift shape, by `operationId`.
    let operations: [String: OperationShape]
    /// Names of the polling helpers of operations with `x-polling`, by the starting `operationId`.
    let pollingNames: [String: (wait: String, startAndWait: String)]
    /// The typed success headers of operations that document some, by `operationId`.
    let responseHeaders: [String: ResponseHeadersShape]
    /// The streaming variants of operations with a binary request or success body, by `operationId`.
    let streamingNames: [String: String]
    /// The client's static member holding each security scheme, by the scheme's name.
    let securitySchemeNames: [String: String]
    /// The type nested in the client that holds a function per server (`Servers`, unless a schema took the name).
    let serversTypeName: String

    init(document: OpenAPIDocument, options: EmitterOptions, diagnostics: DiagnosticSink) {
        self.document = document
        self.options = options
        self.diagnostics = diagnostics
        (clientName, webhooksName) = Namer.clientTypeNames(title: document.title, configured: options.clientName)
        let namer = Namer(nameOverrides: options.nameOverrides)
        plan = TypePlan(
            document: document, namer: namer, reservedTopLevelNames: [clientName, webhooksName, clientName + "Protocol"],
            diagnostics: diagnostics)
        var methods = NameScope("the methods of '\(clientName)'")
        methods.reserve(["core", "defaultServerURL", "contractOperations", "makeContractOperations"])
        var schemeNames: [String: String] = [:]
        for scheme in document.securitySchemes {
            schemeNames[scheme.name] = methods.claim(
                Namer.memberName(scheme.name) + "Scheme", for: "security scheme '\(scheme.name)'",
                at: scheme.location, diagnostics: diagnostics)
        }
        securitySchemeNames = schemeNames
        var shapes: [String: OperationShape] = [:]
        var polling: [String: (wait: String, startAndWait: String)] = [:]
        for operation in document.operations where shapes[operation.operationID] == nil {
            let name = methods.claim(
                namer.methodName(operationID: operation.operationID),
                for: "operation '\(operation.operationID)'", at: operation.location, diagnostics: diagnostics)
            shapes[operation.operationID] = OperationShape(operation: operation, methodName: name, plan: plan, diagnostics: diagnostics)
        }
        // Nested in the client, where they would shadow a top-level type of the same name.
        var nestedTypes = plan.topLevel
        serversTypeName = nestedTypes.claim("Servers", for: "the client's servers", at: nil, diagnostics: diagnostics)
        var headers: [String: ResponseHeadersShape] = [:]
        for operation in document.operations {
            guard let shape = shapes[operation.operationID], headers[operation.operationID] == nil,
                ResponseHeadersShape.documentsHeaders(operation)
            else { continue }
            let typeName = nestedTypes.claim(
                Namer.typeName(shape.methodName) + "ResponseHeaders",
                for: "the response headers of '\(operation.operationID)'", at: operation.location,
                diagnostics: diagnostics)
            let methodName = methods.claim(
                shape.methodName + "WithHeaders", for: "the headers variant of '\(operation.operationID)'",
                at: operation.location, diagnostics: diagnostics)
            headers[operation.operationID] = ResponseHeadersShape(
                operation: operation, typeName: typeName, methodName: methodName, document: document, diagnostics: diagnostics)
        }
        responseHeaders = headers
        var streaming: [String: String] = [:]
        for operation in document.operations {
            guard let shape = shapes[operation.operationID], streaming[operation.operationID] == nil else { continue }
            let success = shape.success.flatMap { success in operation.responses.first { $0.statusKey == success.status } }
            guard operation.requestBody?.content.encoding == .binary || success?.content?.encoding == .binary else { continue }
            streaming[operation.operationID] = methods.claim(
                shape.methodName + "Streaming", for: "the streaming variant of '\(operation.operationID)'",
                at: operation.location, diagnostics: diagnostics)
        }
        streamingNames = streaming
        for operation in document.operations {
            guard let start = shapes[operation.operationID], let target = operation.polling.flatMap({ shapes[$0.operationID] }),
                let pollType = target.success?.type, let pollPath = pollType.path
            else { continue }
            let names = Namer.pollingHelperNames(pollResult: pollPath, startMethod: start.methodName)
            let wait = methods.claim(
                names.wait, for: "the wait helper of '\(operation.operationID)'",
                at: operation.location, diagnostics: diagnostics)
            let startAndWait = methods.claim(
                names.startAndWait, for: "the start-and-wait helper of '\(operation.operationID)'",
                at: operation.location, diagnostics: diagnostics)
            polling[operation.operationID] = (wait, startAndWait)
        }
        operations = shapes
        pollingNames = polling
        Self.reportUnusedOverrides(options.nameOverrides, document: document, plan: plan, diagnostics: diagnostics)
    }

    /// A `nameOverrides` key that names nothing in the spec is a mistake the user should hear of.
    private static func reportUnusedOverrides(
        _ overrides: [String: String], document: OpenAPIDocument, plan: TypePlan,
        diagnostics: DiagnosticSink
    ) {
        guard !overrides.isEmpty else { return }
        var known = Set(document.operations.map(\.operationID))
        func collect(_ declarations: [PlannedType]) {
            for declaration in declarations {
                switch declaration {
                case .structure(let plan):
                    known.insert(plan.schema.pointer)
                    collect(plan.nested)
                case .stringEnum(let plan): known.insert(plan.schema.pointer)
                case .union(let plan): known.insert(plan.schema.pointer)
                case .choice(let plan):
                    known.insert(plan.schema.pointer)
                    collect(plan.nested)
                case .alias(_, _, let schema): known.insert(schema.pointer)
                }
            }
        }
        collect(plan.declarations)
        for key in overrides.keys.sorted() where !known.contains(key) {
            diagnostics.warning(
                "nameOverrides: '\(key)' is neither the pointer of a generated type nor an operationId of \(document.file); "
                    + "it is not used", at: nil)
        }
    }

    /// The same context reporting to another sink (one per file emitted at once).
    func reporting(to sink: DiagnosticSink) -> EmissionContext {
        var copy = self
        copy.diagnostics = sink
        return copy
    }

    /// The access level of generated declarations (`internal` is not written).
    var access: AccessLevel {
        switch options.accessLevel {
        case .public: .public
        case .internal: .internal
        case .package: .package
        }
    }

    /// The attribute that keeps a member for contract tests (the client's engine, `init(core:)`, the contract tables)
    /// out of the public API: importers see it only through `@_spi(Contract) import`. Internal and package output
    /// needs none.
    var contractSPI: [String] { access == .public ? ["@_spi(Contract)"] : [] }

    /// Modifiers of a generated member or type.
    func modifiers(isStatic: Bool = false, isNonisolated: Bool = false) -> Modifiers {
        Modifiers(access: access, isStatic: isStatic, isNonisolated: isNonisolated)
    }

    /// A generated file: the header (which names no version or date, so that output depends on the
    /// spec alone), the imports, and the declarations, rendered.
    func render<Declarations: Sequence<Declaration>>(_ declarations: Declarations) -> SourceWriter {
        var file = beginFile()
        for declaration in declarations { file.append(declaration) }
        return file
    }

    /// A generated file to append declarations to as they are built.
    func beginFile() -> SourceWriter {
        let name = String(document.file.split(separator: "/").last ?? Substring(document.file))
        return SourceWriter(
            headerComments: ["Generated by spec-codegen from \(name). Do not edit.", "swift-format-ignore-file"],
            imports: ["Foundation", ImportDeclaration("SpecRuntime", spis: ["Generated"])])
    }
}
