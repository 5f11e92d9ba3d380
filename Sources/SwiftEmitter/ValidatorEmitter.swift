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
            writer.line("context.checkPropertyCount(memberCount, minProperties: \(optional(object.minProperties)), maxProperties: \(optional(object.maxProperties)))")
        }
        for property in plan.properties {
            var checks = SwiftWriter()
            emitChecks(value: "value", schema: property.schema, type: property.type, into: &checks, patterns: &patterns, depth: 0)
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
            emitChecks(value: "value", schema: valueSchema, type: additional, into: &checks, patterns: &patterns, depth: 0)
            if !checks.text.isEmpty {
                writer.block("for (name, value) in additionalProperties.sorted(by: { $0.key < $1.key })") { writer in
                    writer.closure("context.nested(name)", "context") { writer in writer.appendIndented(checks) }
                }
            }
        }
    }

    /// Writes the checks of one value named `value` of `schema`; writes nothing when there is nothing to check.
    private func emitChecks(value: String, schema: Schema, type: TypeReference, into writer: inout SwiftWriter, patterns: inout PatternTable, depth: Int) {
        switch schema.kind {
        case .reference(let name):
            guard let named = context.document.schema(named: name) else { return }
            if isPrimitiveAlias(named.schema) {
                emitChecks(value: value, schema: named.schema, type: type, into: &writer, patterns: &patterns, depth: depth)
            } else {
                writer.line("\(value).validate(in: &context)")
            }
        case .object(let object):
            if object.properties.isEmpty, object.additionalProperties != .forbidden {
                if object.minProperties != nil || object.maxProperties != nil {
                    writer.line("context.checkPropertyCount(\(value).count, minProperties: \(optional(object.minProperties)), maxProperties: \(optional(object.maxProperties)))")
                }
                guard case .typed(let valueSchema)? = object.additionalProperties else { return }
                var inner = SwiftWriter()
                let element = "member\(depth)"
                emitChecks(value: element, schema: valueSchema, type: TypeReference(swift: ""), into: &inner, patterns: &patterns, depth: depth + 1)
                guard !inner.text.isEmpty else { return }
                writer.block("for (name, \(element)) in \(value).sorted(by: { $0.key < $1.key })") { writer in
                    writer.closure("context.nested(name)", "context") { writer in writer.appendIndented(inner) }
                }
            } else {
                writer.line("\(value).validate(in: &context)")
            }
        case .union:
            writer.line("\(value).validate(in: &context)")
        case .string(let string):
            if schema.allowedValues != nil, !schema.isConst, type.swift != "String" {
                writer.line("\(value).validate(in: &context)")
                return
            }
            if string.format == .dateTime || string.format == .date, type.swift != "String" { return }
            if schema.isConst, case .string(let constant)? = schema.allowedValues?.first {
                writer.line("context.checkConst(\(value), \(constant.swiftLiteral))")
            } else if let values = schema.allowedValues {
                let strings = values.compactMap { if case .string(let text) = $0 { text.swiftLiteral } else { nil } }
                writer.line("context.checkAllowed(\(value), [\(strings.joined(separator: ", "))])")
            }
            if string.minLength != nil || string.maxLength != nil {
                writer.line("context.checkLength(\(value), minLength: \(optional(string.minLength)), maxLength: \(optional(string.maxLength)))")
            }
            if let pattern = string.pattern {
                writer.line("context.checkPattern(\(value), ValidationPatterns.pattern\(patterns.index(of: pattern)))")
            }
            if let format = string.format, [.email, .uri, .uuid].contains(format), type.swift == "String" {
                writer.line("context.checkFormat(\(value), .\(format.rawValue))")
            }
        case .integer(let numeric), .number(let numeric):
            let bounds = [
                ("minimum", numeric.minimum), ("maximum", numeric.maximum), ("exclusiveMinimum", numeric.exclusiveMinimum),
                ("exclusiveMaximum", numeric.exclusiveMaximum), ("multipleOf", numeric.multipleOf),
            ].compactMap { name, limit in limit.map { "\(name): \(literal($0))" } }
            if !bounds.isEmpty {
                writer.line("context.checkBounds(Double(\(value)), \(bounds.joined(separator: ", ")))")
            }
            if let values = schema.allowedValues {
                let numbers = values.compactMap { $0.numericValue.map(literal) }
                writer.line("context.checkAllowed(Double(\(value)), [\(numbers.joined(separator: ", "))])")
            }
        case .array(let array):
            if array.minItems != nil || array.maxItems != nil {
                writer.line("context.checkItemCount(\(value).count, minItems: \(optional(array.minItems)), maxItems: \(optional(array.maxItems)))")
            }
            if array.uniqueItems { writer.line("context.checkUnique(\(value))") }
            var inner = SwiftWriter()
            let element = "item\(depth)"
            let elementType = TypeReference(swift: String(type.swift.dropFirst().dropLast()))
            emitChecks(value: element, schema: array.items, type: elementType, into: &inner, patterns: &patterns, depth: depth + 1)
            guard !inner.text.isEmpty else { return }
            writer.block("for (index, \(element)) in \(value).enumerated()") { writer in
                writer.closure("context.nested(index: index)", "context") { writer in
                    if array.items.isNullable {
                        writer.block("if let \(element)") { writer in writer.appendIndented(inner) }
                    } else {
                        writer.appendIndented(inner)
                    }
                }
            }
        case .boolean, .any:
            return
        }
    }

    /// Named schemas that are a plain string or number get no type of their own to validate.
    private func isPrimitiveAlias(_ schema: Schema) -> Bool {
        switch schema.kind {
        case .string: schema.allowedValues == nil || schema.isConst
        case .integer, .number, .boolean, .any, .array: true
        case .object(let object): object.properties.isEmpty && object.additionalProperties != .forbidden
        case .reference, .union: false
        }
    }

    private func optional(_ value: Int?) -> String { value.map(String.init) ?? "nil" }

    private func literal(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// The distinct patterns of a file, numbered in order of first use.
struct PatternTable {
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
