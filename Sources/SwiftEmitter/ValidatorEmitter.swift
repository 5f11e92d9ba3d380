import OpenAPIModel

/// Emits `Validators.swift`: a `Validatable` conformance per generated type, checking every
/// constraint keyword of its schema and reporting each violation with its JSON Pointer.
struct ValidatorEmitter {
    let context: EmissionContext

    func emit() -> String {
        var writer = SwiftWriter()
        var patterns = PatternTable()
        var body = SwiftWriter()
        for declaration in context.plan.declarations {
            emit(declaration, into: &body, patterns: &patterns)
        }
        if !patterns.sources.isEmpty {
            writer.docComment("The spec's `pattern`s, compiled once.")
            writer.block("nonisolated enum ValidationPatterns") { writer in
                for (index, source) in patterns.sources.enumerated() {
                    writer.line("static let pattern\(index) = CompiledPattern(\(source.swiftLiteral))")
                }
            }
        }
        return context.fileHeader(imports: ["Foundation", "SpecRuntime"]) + "\n" + writer.text + body.text
    }

    private func emit(_ declaration: Declaration, into writer: inout SwiftWriter, patterns: inout PatternTable) {
        let access = context.access
        switch declaration {
        case .alias:
            return
        case .stringEnum(let plan):
            writer.separator()
            writer.block("nonisolated extension \(plan.qualifiedName): Validatable") { writer in
                writer.block("\(access)func validate(in context: inout ValidationContext)") { writer in
                    let fallback = plan.values.contains("undocumented") ? "_undocumented" : "undocumented"
                    writer.block("if case .\(fallback)(let value) = self") { writer in
                        writer.line("context.report(\"enum\", limit: \(plan.values.joined(separator: ", ").swiftLiteral), actual: ValidationContext.excerpt(value))")
                    }
                }
            }
        case .union(let plan):
            writer.separator()
            writer.block("nonisolated extension \(plan.qualifiedName): Validatable") { writer in
                writer.block("\(access)func validate(in context: inout ValidationContext)") { writer in
                    writer.switchBlock("switch self") { writer in
                        for branch in plan.union.branches {
                            writer.line("case .\(SwiftNaming.escapedMemberName(branch.value))(let value): value.validate(in: &context)")
                        }
                    }
                }
            }
        case .structure(let plan):
            writer.separator()
            writer.block("nonisolated extension \(plan.qualifiedName): Validatable") { writer in
                writer.block("\(access)func validate(in context: inout ValidationContext)") { writer in
                    emitStructChecks(plan, into: &writer, patterns: &patterns)
                }
            }
            for nested in plan.nested {
                emit(nested, into: &writer, patterns: &patterns)
            }
        }
    }

    private func emitStructChecks(_ plan: StructPlan, into writer: inout SwiftWriter, patterns: inout PatternTable) {
        if case .object(let object) = plan.schema.kind, object.minProperties != nil || object.maxProperties != nil {
            let counted = plan.properties.map { property in
                property.isRequired ? "1" : "(self.\(property.bareName) == nil ? 0 : 1)"
            } + (plan.additionalValueType == nil ? [] : ["additionalProperties.count"])
            writer.line("let memberCount = \(counted.isEmpty ? "0" : counted.joined(separator: " + "))")
            writer.line("context.checkPropertyCount(memberCount, minProperties: \(object.minProperties.map(String.init) ?? "nil"), maxProperties: \(object.maxProperties.map(String.init) ?? "nil"))")
        }
        for property in plan.properties {
            var checks = SwiftWriter()
            CheckEmitter(context: context).emitChecks(value: "value", schema: property.schema, type: property.type, into: &checks, patterns: &patterns, depth: 0)
            guard !checks.text.isEmpty else { continue }
            let unwrap: String
            switch (property.isRequired, property.isNullable) {
            case (true, false): unwrap = "let value = self.\(property.bareName)"
            case (true, true), (false, false): unwrap = "if let value = self.\(property.bareName)"
            case (false, true): unwrap = "if case .value(let value)? = self.\(property.bareName)"
            }
            writer.closure("context.nested(\(property.wireName.swiftLiteral))", "context") { writer in
                if unwrap.hasPrefix("let") {
                    writer.line(unwrap)
                    writer.appendIndented(checks)
                } else {
                    writer.block(unwrap) { writer in writer.appendIndented(checks) }
                }
            }
        }
        if let additional = plan.additionalValueType, case .object(let object) = plan.schema.kind,
           case .typed(let valueSchema)? = object.additionalProperties {
            var checks = SwiftWriter()
            CheckEmitter(context: context).emitChecks(value: "value", schema: valueSchema, type: additional, into: &checks, patterns: &patterns, depth: 0)
            if !checks.text.isEmpty {
                writer.block("for (name, value) in additionalProperties.sorted(by: { $0.key < $1.key })") { writer in
                    writer.closure("context.nested(name)", "context") { writer in writer.appendIndented(checks) }
                }
            }
        }
    }
}

/// The distinct patterns of a file, numbered in order of first use.
struct PatternTable {
    /// The type that holds the compiled patterns in the emitted file.
    var prefix = "ValidationPatterns"
    private(set) var sources: [String] = []

    mutating func index(of pattern: String) -> Int {
        if let index = sources.firstIndex(of: pattern) { return index }
        sources.append(pattern)
        return sources.count - 1
    }
}

extension SwiftWriter {
    /// Appends another writer's lines at this writer's current indentation.
    mutating func appendIndented(_ other: SwiftWriter) {
        for line in other.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            self.line(String(line))
        }
    }
}
