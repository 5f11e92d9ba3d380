import SpecDiagnostics

/// The checks that need the whole document: duplicate operation ids, path templates against
/// their parameters, `x-polling` targets, and examples and defaults against their schemas.
/// (Swift names, and their collisions, are the emitter's: its namer disambiguates and reports.)
struct DocumentChecks {
    let document: OpenAPIDocument
    var diagnostics: [Diagnostic] = []

    init(document: OpenAPIDocument) {
        self.document = document
    }

    mutating func run() -> [Diagnostic] {
        checkOperations()
        checkExamplesAndDefaults()
        return diagnostics
    }

    private mutating func checkOperations() {
        var firstByID: [String: Operation] = [:]
        for operation in document.operations {
            if let first = firstByID[operation.operationID] {
                diagnostics.append(
                    .error("duplicate operationId '\(operation.operationID)' (first used at \(first.location.lineAndColumn))", at: operation.location))
            } else {
                firstByID[operation.operationID] = operation
            }
            let templateNames = Self.templateParameters(operation.path)
            let declared = operation.parameters.filter { $0.location == .path }
            for name in templateNames where !declared.contains(where: { $0.name == name }) {
                diagnostics.append(.error("path parameter '{\(name)}' of '\(operation.path)' is not declared in 'parameters'", at: operation.location))
            }
            for parameter in declared where !templateNames.contains(parameter.name) {
                diagnostics.append(.error("path parameter '\(parameter.name)' does not appear in the path '\(operation.path)'", at: parameter.sourceLocation))
            }
            if let polling = operation.polling {
                checkPolling(polling, of: operation)
            }
            checkBodyEncodings(of: operation)
        }
    }

    /// A form or multipart body is an object's members (a response of those encodings is read as
    /// text or bytes when it is built).
    private mutating func checkBodyEncodings(of operation: Operation) {
        if let content = operation.requestBody?.content, content.encoding == .formURLEncoded || content.encoding == .multipart {
            switch document.resolved(content.schema).kind {
            case .object, .any: break  // A struct, or a JSON object checked by its schema.
            default:
                diagnostics.append(.error("a '\(content.mediaType)' body needs an object schema (its members are the fields)", at: content.schema.location))
            }
        }
    }

    private mutating func checkPolling(_ polling: Polling, of operation: Operation) {
        guard let target = document.operations.first(where: { $0.operationID == polling.operationID }) else {
            diagnostics.append(.error("x-polling names operation '\(polling.operationID)', which does not exist", at: operation.location))
            return
        }
        for (parameter, _) in polling.parameters where !target.parameters.contains(where: { $0.name == parameter && $0.location == .path }) {
            diagnostics.append(
                .error("x-polling sets parameter '\(parameter)', which '\(target.operationID)' does not have in its path", at: operation.location))
        }
        for required in target.parameters where required.location == .path && !polling.parameters.contains(where: { $0.parameter == required.name }) {
            diagnostics.append(
                .error("x-polling does not say where '\(target.operationID)' gets its path parameter '\(required.name)'", at: operation.location))
        }
        guard let success = target.responses.first(where: \.isSuccess)?.schema,
            case .object(let object) = document.resolved(success).kind
        else {
            diagnostics.append(.error("x-polling operation '\(target.operationID)' must return a JSON object on success", at: target.location))
            return
        }
        guard object.properties.contains(where: { $0.name == polling.statusField }) else {
            diagnostics.append(
                .error("x-polling status field '\(polling.statusField)' is not a property of the '\(target.operationID)' response", at: operation.location))
            return
        }
    }

    static func templateParameters(_ path: String) -> [String] {
        var names: [String] = []
        var current: String?
        for character in path {
            if character == "{" {
                current = ""
            } else if character == "}", let name = current {
                names.append(name)
                current = nil
            } else if current != nil {
                current?.append(character)
            }
        }
        return names
    }

    /// JSON Schema makes `example` and `default` annotations that need not validate, so one that
    /// breaks its schema is a warning (an error under `strict`), not a refusal.
    private mutating func checkExamplesAndDefaults() {
        let validator = SchemaValidator(document: document)
        SchemaWalker(document: document).forEachSchema { schema in
            // Each finding is located at the example or default it is about.
            for (index, example) in schema.examples.enumerated() {
                let location = index < schema.exampleLocations.count ? schema.exampleLocations[index] : schema.location
                for violation in validator.violations(of: example, against: schema) {
                    diagnostics.append(
                        .warning(
                            "example breaks its own schema at \(violation.pointer.isEmpty ? "(root)" : violation.pointer): \(violation.keyword): \(violation.message)",
                            at: location))
                }
            }
            if let defaultValue = schema.defaultValue {
                for violation in validator.violations(of: defaultValue, against: schema) {
                    diagnostics.append(
                        .warning(
                            "default breaks its own schema at \(violation.pointer.isEmpty ? "(root)" : violation.pointer): \(violation.keyword): \(violation.message)",
                            at: schema.defaultLocation ?? schema.location))
                }
            }
        }
    }
}

/// Visits every schema of the document once: named schemas, parameters, bodies, responses,
/// headers and webhooks, and everything nested in them (not following references).
struct SchemaWalker {
    let document: OpenAPIDocument

    func forEachSchema(_ visit: (Schema) -> Void) {
        for named in document.schemas { walk(named.schema, visit) }
        for operation in document.operations {
            for parameter in operation.parameters { walk(parameter.schema, visit) }
            if let body = operation.requestBody { walk(body.schema, visit) }
            for response in operation.responses {
                if let schema = response.schema { walk(schema, visit) }
                for header in response.headers { walk(header.schema, visit) }
            }
        }
        for webhook in document.webhooks {
            walk(webhook.body, visit)
            for header in webhook.headers { walk(header.schema, visit) }
        }
    }

    private func walk(_ schema: Schema, _ visit: (Schema) -> Void) {
        visit(schema)
        switch schema.kind {
        case .object(let object):
            for property in object.properties { walk(property.schema, visit) }
            if case .typed(let values)? = object.additionalProperties { walk(values, visit) }
        case .array(let array):
            walk(array.items, visit)
        default:
            break
        }
    }
}
