import SwiftSource

/// Builds `init(from:)` and `encode(to:)` of a struct, keeping "absent" and "null" apart and
/// coding date-times through the runtime's RFC 3339 support.
struct CodingEmitter {
    let context: EmissionContext

    private static var container: Expr { .id("container") }

    func decoding(_ plan: StructPlan) -> Declaration {
        var body: [Statement] = []
        if !plan.properties.isEmpty {
            body.append(.let("container", nil, Expr.id("decoder").dot("container").call(("keyedBy", .metatype(.named(["CodingKeys"])))).tried))
        }
        let findingsRule = DecodingFindingsRule(context: context)
        let keepsFindings = findingsRule.applies(to: plan)
        let nullRefusing = Set(findingsRule.nullRefusing(plan).map(\.name))
        if keepsFindings { body.append(.var("findings", nil, Expr.id("DecodingFindings").call())) }
        let countedDefaults = Set(findingsRule.countedDefaults(plan).map(\.name))
        for property in plan.properties {
            if countedDefaults.contains(property.name) {
                body.append(
                    .if(
                        .expression(.prefix("!", Self.container.dot("contains").call(.member(nil, property.name)))),
                        [.expression(Expr.id("findings").dot("defaultApplied").call(.string(property.wireName)))]))
            }
            let target: Expr
            if property.isIndirect {
                // Decoded into a local first, then stored behind its box.
                let local = property.name + "Value"
                body.append(.let(local, property.declaredType, nil))
                body += decode(property, into: .id(local), notingNull: nullRefusing.contains(property.name))
                target = .id(local)
            } else {
                target = property.access(on: .selfValue)
                body += decode(property, into: target, notingNull: nullRefusing.contains(property.name))
            }
            if property.isIndirect {
                body.append(.assignment(.selfMember(property.storageName), Expr.id("Indirect").call(("wrappedValue", target))))
            }
        }
        if findingsRule.isClosed(plan) || findingsRule.countsUnheldMembers(plan) {
            let key = Expr.id("key").dot("stringValue")
            let noted =
                findingsRule.isClosed(plan)
                ? Expr.id("findings").dot("undeclaredMember").call(key)
                : Expr.id("findings").dot("unheldMember").call(
                    key, Expr.id("allMembers").dot("decode").call((nil, .metatype(.jsonValue)), ("forKey", .id("key"))).tried)
            body.append(.let("allMembers", nil, Expr.id("decoder").dot("container").call(("keyedBy", .metatype(.named(["AnyCodingKey"])))).tried))
            body.append(
                .for(
                    pattern: .binding("key"), sequence: Expr.id("allMembers").dot("allKeys"),
                    condition: plan.properties.isEmpty ? nil : .binary(Expr.id("CodingKeys").call(("rawValue", key)), "==", .nil),
                    body: [.expression(noted)]))
        }
        if keepsFindings { body.append(.assignment(.selfMember(DecodingFindingsRule.memberName), .id("findings"))) }
        if let additional = plan.additionalValueType {
            let dictionary = SwiftType.dictionary(key: .string, value: additional)
            body.append(.let("members", nil, Expr.id("decoder").dot("container").call(("keyedBy", .metatype(.named(["AnyCodingKey"])))).tried))
            body.append(.var("additionalProperties", dictionary, .dictionary([])))
            let key = Expr.id("key").dot("stringValue")
            body.append(
                .for(
                    pattern: .binding("key"), sequence: Expr.id("members").dot("allKeys"),
                    condition: plan.properties.isEmpty ? nil : .binary(Expr.id("CodingKeys").call(("rawValue", key)), "==", .nil),
                    body: [
                        .assignment(
                            .subscript(.id("additionalProperties"), [Argument(key)]),
                            Expr.id("members").dot(plan.additionalValuesAreDateTimes ? "decodeDateTime" : "decode")
                                .call((nil, .metatype(additional)), ("forKey", .id("key"))).tried)
                    ]))
            body.append(.assignment(.selfMember("additionalProperties"), .id("additionalProperties")))
        }
        return .function(
            FunctionDeclaration(
                modifiers: context.modifiers(), kind: .initializer(isFailable: false),
                parameters: [FunctionParameter(label: "from", name: "decoder", type: .existential(["Decoder"]))], throwing: .any, body: body))
    }

    /// `notingNull`: a `null` member is noted in `findings` (the schema allows absence, not null).
    private func decode(_ property: PropertyPlan, into target: Expr, notingNull: Bool) -> [Statement] {
        let key = Expr.member(nil, property.name)
        let type = property.type.type
        let isDate = property.type.coding == .dateTime
        // A collection of date-times names its type; a single `Date` needs none.
        let dateArguments = (type == .date ? [] : [Argument(.metatype(type))]) + [Argument("forKey", key)]
        let value =
            isDate
            ? Self.container.dot("decodeDateTime").call(dateArguments).tried
            : Self.container.dot("decode").call((nil, .metatype(type)), ("forKey", key)).tried
        let noted: [Argument] =
            notingNull
            ? [
                Argument("nullNotedIn", .inout(.id("findings"))),
                Argument("expected", .string(DecodingFindingsRule(context: context).expectedType(property.schema))),
            ]
            : []
        let ifPresent =
            isDate
            ? Self.container.dot("decodeDateTimeIfPresent").call(dateArguments + noted).tried
            : Self.container.dot("decodeIfPresent").call([Argument(.metatype(type)), Argument("forKey", key)] + noted).tried
        if let fallback = property.decodeDefault, !property.isNullable {
            return [.assignment(target, .binary(ifPresent, "??", fallback))]
        }
        switch (property.isRequired, property.isNullable) {
        case (true, false):
            return [.assignment(target, value)]
        case (true, true):
            return [
                .assignment(
                    target,
                    isDate
                        ? .ternary(Self.container.dot("decodeNil").call(("forKey", key)).tried, .nil, value)
                        : Self.container.dot("decode").call((nil, .metatype(.optional(type))), ("forKey", key)).tried)
            ]
        case (false, false) where type == .jsonValue:
            // A JSONValue keeps an explicit null (`.null`) apart from an absent member (`nil`).
            return [
                .if(
                    [ConditionalBranch(.expression(Self.container.dot("contains").call(key)), [.assignment(target, value)])],
                    else: [.assignment(target, .nil)])
            ]
        case (false, false):
            return [.assignment(target, ifPresent)]
        case (false, true):
            return [
                .if(
                    [
                        ConditionalBranch(
                            .expression(.prefix("!", Self.container.dot("contains").call(key))), [.assignment(target, property.decodeDefault ?? .nil)]),
                        ConditionalBranch(
                            .expression(Self.container.dot("decodeNil").call(("forKey", key)).tried), [.assignment(target, .member(nil, "null"))]),
                    ], else: [.assignment(target, Expr.member(nil, "value").call(value))])
            ]
        }
    }

    func encoding(_ plan: StructPlan) -> Declaration {
        var body: [Statement] = []
        if !plan.properties.isEmpty {
            body.append(.var("container", nil, Expr.id("encoder").dot("container").call(("keyedBy", .metatype(.named(["CodingKeys"]))))))
        }
        for property in plan.properties {
            body += encode(property)
        }
        // Members a bounded object does not declare are encoded again, so a round trip keeps its count.
        if DecodingFindingsRule(context: context).countsUnheldMembers(plan) {
            body.append(.expression(Expr.selfMember(DecodingFindingsRule.memberName).dot("encodeUnheldMembers").call(("to", .id("encoder"))).tried))
        }
        if plan.additionalValueType != nil {
            body.append(.var("members", nil, Expr.id("encoder").dot("container").call(("keyedBy", .metatype(.named(["AnyCodingKey"]))))))
            body.append(
                .for(
                    pattern: .tuple([.binding("name"), .binding("value")]),
                    sequence: .raw("additionalProperties.sorted(by: { $0.key < $1.key })"),
                    condition: plan.properties.isEmpty ? nil : .binary(Expr.id("CodingKeys").call(("rawValue", .id("name"))), "==", .nil),
                    body: [
                        .expression(
                            Expr.id("members").dot(plan.additionalValuesAreDateTimes ? "encodeDateTime" : "encode").call(
                                (nil, .id("value")), ("forKey", Expr.id("AnyCodingKey").call(("stringValue", .id("name"))))
                            ).tried)
                    ]))
        }
        return .function(
            FunctionDeclaration(
                modifiers: context.modifiers(), kind: .function("encode"),
                parameters: [FunctionParameter(label: "to", name: "encoder", type: .existential(["Encoder"]))], throwing: .any, body: body))
    }

    private func encode(_ property: PropertyPlan) -> [Statement] {
        let value = property.access(on: .selfValue)
        let key = Expr.member(nil, property.name)
        let isDate = property.type.coding == .dateTime
        func encodeCall(_ method: String, _ value: Expr) -> Statement {
            .expression(Self.container.dot(method).call((nil, value), ("forKey", key)).tried)
        }
        switch (property.isRequired, property.isNullable) {
        case (true, false):
            return [encodeCall(isDate ? "encodeDateTime" : "encode", value)]
        case (true, true):
            guard isDate else { return [encodeCall("encode", value)] }
            return [
                .if(
                    [ConditionalBranch(.optionalBinding("value", value), [encodeCall("encodeDateTime", .id("value"))])],
                    else: [.expression(Self.container.dot("encodeNil").call(("forKey", key)).tried)])
            ]
        case (false, false):
            return [encodeCall(isDate ? "encodeDateTimeIfPresent" : "encodeIfPresent", value)]
        case (false, true):
            return [
                .switch(
                    value,
                    [
                        SwitchCase([.expression(.nil)], [.break]),
                        SwitchCase([.optional(.enumCase("null", bindings: []))], [.expression(Self.container.dot("encodeNil").call(("forKey", key)).tried)]),
                        SwitchCase([.optional(.enumCase("value", bindings: ["value"]))], [encodeCall(isDate ? "encodeDateTime" : "encode", .id("value"))]),
                    ])
            ]
        }
    }
}
