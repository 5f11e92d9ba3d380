import OpenAPIModel
import SpecCore
import SwiftSource

/// Builds the keyword checks of one value, shared by model validators and the client's
/// parameter validation.
struct CheckEmitter {
    let context: EmissionContext

    private static var validation: Expr { .id("context") }

    /// The checks of a value `value` of `schema`, held as `type`; empty when there is nothing to check.
    func checks(value: Expr, schema: Schema, type declaredType: SwiftType, patterns: inout ValidationTable, depth: Int) -> [Statement] {
        // An alias is checked as what it stands for: its value is that type.
        let type = context.plan.underlying(declaredType)
        let isAlias = type != declaredType
        let check = { (name: String, arguments: [Argument]) -> Statement in
            .expression(.call(Self.validation.dot(name), arguments, trailingClosure: nil))
        }
        let validate = Self.selfValidation(of: value)
        // A value held as JSONValue carries none of its keywords in its type: the schema itself is evaluated.
        if schema.evaluatesWhole, type != .jsonValue {
            // A typed value narrowed by keywords its type does not carry: its JSON is evaluated.
            let embedded = Expr.id(patterns.schemaTypeName).dot("schema\(patterns.index(ofSchema: schema.json))")
            return [check("evaluateEncoding", [Argument(value), Argument("against", embedded)])]
        }
        if type == .jsonValue {
            guard schema.json != .anything else { return [] }
            let embedded = Expr.id(patterns.schemaTypeName).dot("schema\(patterns.index(ofSchema: schema.json))")
            return [check("evaluate", [Argument(value), Argument("against", embedded)])]
        }
        switch schema.kind {
        case .reference:
            // A chain of references is followed to the schema it ends in: only a model validates itself.
            guard let target = resolved(schema) else { return [] }
            if isAlias || isPrimitiveAlias(target) {
                return checks(value: value, schema: target, type: type, patterns: &patterns, depth: depth)
            }
            return [validate]
        case .object(let object):
            guard object.properties.isEmpty, object.additionalProperties != .forbidden else { return [validate] }
            var result: [Statement] = []
            if object.minProperties != nil || object.maxProperties != nil {
                result.append(
                    check(
                        "checkPropertyCount",
                        [
                            Argument(value.dot("count")), Argument("minProperties", optional(object.minProperties)),
                            Argument("maxProperties", optional(object.maxProperties)),
                        ]))
            }
            guard case .typed(let valueSchema)? = object.additionalProperties else { return result }
            let element = "member\(depth)"
            let valueType: SwiftType
            if case .dictionary(_, let declared) = type { valueType = declared.unwrapped } else { valueType = .jsonValue }
            let inner = checks(value: .id(element), schema: valueSchema, type: valueType, patterns: &patterns, depth: depth + 1)
            guard !inner.isEmpty else { return result }
            let body: [Statement] = valueSchema.isNullable ? [.if(.optionalBinding(element, nil), inner)] : inner
            result.append(
                .for(
                    pattern: .tuple([.binding("name"), .binding(element)]), sequence: value.dot("sorted").call(("by", .raw("{ $0.key < $1.key }"))),
                    condition: nil, body: [nested(.id("name"), body)]))
            return result
        case .union, .choice:
            return [validate]
        case .string(let string):
            // A file's bytes are not text: string keywords do not describe them.
            if type == .filePart || type == .data { return [] }
            if schema.allowedValues != nil, !schema.isConst, type != .string { return [validate] }
            if string.format == .dateTime || string.format == .date, type != .string { return [] }
            var result: [Statement] = []
            if schema.isConst, case .string(let constant)? = schema.allowedValues?.first {
                result.append(check("checkConst", [Argument(value), Argument(.string(constant))]))
            } else if let values = schema.allowedValues {
                let strings = values.compactMap { if case .string(let text) = $0 { Expr.string(text) } else { nil } }
                result.append(check("checkAllowed", [Argument(value), Argument(.array(strings))]))
            }
            if string.minLength != nil || string.maxLength != nil {
                result.append(
                    check(
                        "checkLength",
                        [
                            Argument(value), Argument("minLength", optional(string.minLength)), Argument("maxLength", optional(string.maxLength)),
                        ]))
            }
            if let pattern = string.pattern {
                result.append(
                    check(
                        "checkPattern",
                        [
                            Argument(value), Argument(Expr.id(patterns.typeName).dot("pattern\(patterns.index(of: pattern))")),
                        ]))
            }
            if let format = string.format, format.isCheckedOnStrings, type == .string {
                // The case's Swift name (`uriReference`), not its raw value (`uri-reference`).
                result.append(check("checkFormat", [Argument(value), Argument(.member(nil, String(describing: format)))]))
            }
            return result
        case .integer(let numeric), .number(let numeric):
            var result: [Statement] = []
            let bounds: [Argument] = [
                ("minimum", numeric.minimum), ("maximum", numeric.maximum), ("exclusiveMinimum", numeric.exclusiveMinimum),
                ("exclusiveMaximum", numeric.exclusiveMaximum), ("multipleOf", numeric.multipleOf),
            ].compactMap { name, limit in limit.map { Argument(name, literal($0)) } }
            let asDouble = Expr.id("Double").call(value)
            if !bounds.isEmpty {
                // An Int keeps its exact value for `multipleOf`.
                result.append(check("checkBounds", [Argument(type == .int ? value : asDouble)] + bounds))
            }
            if schema.isConst, let constant = schema.allowedValues?.first?.numericValue {
                result.append(check("checkConst", [Argument(asDouble), Argument(literal(constant))]))
            } else if let values = schema.allowedValues {
                result.append(check("checkAllowed", [Argument(asDouble), Argument(.array(values.compactMap { $0.numericValue.map(literal) }))]))
            }
            return result
        case .array(let array):
            var result: [Statement] = []
            if array.minItems != nil || array.maxItems != nil {
                result.append(
                    check(
                        "checkItemCount",
                        [
                            Argument(value.dot("count")), Argument("minItems", optional(array.minItems)), Argument("maxItems", optional(array.maxItems)),
                        ]))
            }
            if array.uniqueItems { result.append(check("checkUnique", [Argument(value)])) }
            let element = "item\(depth)"
            let elementType = type.arrayElement?.unwrapped ?? .jsonValue
            let inner = checks(value: .id(element), schema: array.items, type: elementType, patterns: &patterns, depth: depth + 1)
            guard !inner.isEmpty else { return result }
            let body: [Statement] = array.items.isNullable ? [.if(.optionalBinding(element, nil), inner)] : inner
            result.append(
                .for(
                    pattern: .tuple([.binding("index"), .binding(element)]), sequence: value.dot("enumerated").call(), condition: nil,
                    body: [nested(nil, body, index: .id("index"))]))
            return result
        case .boolean, .any:
            return []
        }
    }

    /// The `BodyCheck` of a body the runtime decodes (a success body, a contract codec):
    /// `{ body, context in … }` with the schema's checks, or `nil` where the runtime's own
    /// `Validatable` check is all there is (the type validates itself, or nothing applies).
    func bodyCheck(schema: Schema, type: SwiftType, patterns: inout ValidationTable) -> Expr? {
        let unwrapped = type.unwrapped
        let body = Expr.id("body")
        let checks = checks(value: body, schema: schema, type: unwrapped, patterns: &patterns, depth: 0)
        if checks.isEmpty || (checks == [Self.selfValidation(of: body)] && type == unwrapped) { return nil }
        return .closure(
            Closure(
                parameters: ["body", "context"],
                body: type == unwrapped ? checks : [.if(.optionalBinding("body", nil), checks)]))
    }

    /// `BodyCodec(Type.self)` for contract tests, with the body's `checkedBy` check when it needs one.
    func bodyCodec(schema: Schema, type: SwiftType, patterns: inout ValidationTable) -> Expr {
        let check = bodyCheck(schema: schema, type: type, patterns: &patterns).map { [Argument("checkedBy", $0)] } ?? []
        return Expr.id("BodyCodec").call([Argument(.metatype(type))] + check)
    }

    /// `context.nested(name) { context in body }`, or `context.nested(index: index) { … }`.
    /// `value.validate(in: &context)`: the check of a value whose type validates itself.
    static func selfValidation(of value: Expr) -> Statement {
        .expression(value.dot("validate").call(("in", .inout(validation))))
    }

    /// `checks` run in one fresh context, then `thrown(violations)` thrown when any was found:
    /// every violation of a value (or of a request) in one error.
    static func collecting(_ checks: [Statement], thrown: (Expr) -> Expr) -> [Statement] {
        let violations = validation.dot("violations")
        return [.var("context", nil, Expr.id("ValidationContext").call())] + checks + [
            .if(.expression(.prefix("!", violations.dot("isEmpty"))), [.throw(thrown(violations))])
        ]
    }

    func nested(_ name: Expr?, _ body: [Statement], index: Expr? = nil, context: Expr = validation) -> Statement {
        let argument = name.map { Argument($0) } ?? Argument("index", index ?? .integer(0))
        return .expression(.call(context.dot("nested"), [argument], trailingClosure: Closure(parameters: ["context"], body: body)))
    }

    /// The schema a chain of `$ref`s ends in; `nil` for a cycle or an unresolved name.
    private func resolved(_ schema: Schema) -> Schema? {
        var current = schema
        var seen: Set<String> = []
        while case .reference(let name) = current.kind {
            guard seen.insert(name).inserted, let named = context.document.schema(named: name) else { return nil }
            current = named.schema
        }
        return current
    }

    /// Named schemas that are a plain string or number get no type of their own to validate.
    private func isPrimitiveAlias(_ schema: Schema) -> Bool {
        switch schema.kind {
        case .string: schema.allowedValues == nil || schema.isConst
        case .integer, .number, .boolean, .any, .array: true
        case .object(let object): object.properties.isEmpty && object.additionalProperties != .forbidden
        case .reference, .union, .choice: false
        }
    }

    private func optional(_ value: Int?) -> Expr { value.map(Expr.integer) ?? .nil }

    private func literal(_ value: Double) -> Expr {
        value.rounded() == value && abs(value) < 1e15 ? .number(String(Int64(value))) : .number(String(value))
    }
}
