import OpenAPIModel

/// Writes the keyword checks of one value, shared by model validators and the client's
/// parameter validation.
struct CheckEmitter {
    let context: EmissionContext

    /// Writes the checks of one value named `value` of `schema`; writes nothing when there is nothing to check.
    func emitChecks(value: String, schema: Schema, type: TypeReference, into writer: inout SwiftWriter, patterns: inout PatternTable, depth: Int) {
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
                writer.line("context.checkPattern(\(value), \(patterns.prefix).pattern\(patterns.index(of: pattern)))")
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
