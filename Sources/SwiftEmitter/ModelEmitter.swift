import OpenAPIModel
import SwiftSource

/// Emits `Models.swift`: a struct per object schema, an enum per string enum (tolerant of values
/// it does not know), an enum with associated values per discriminated union.
struct ModelEmitter {
    let context: EmissionContext

    func emit() -> SourceWriter {
        var file = context.beginFile()
        file.append(
            .typealias(
                TypealiasDeclaration(
                    doc: Docs.lines(
                        "The contract with SpecRuntime this code was generated for. Against a runtime that does not serve it, "
                            + "this fails to compile: regenerate with the spec-codegen of that runtime's release."),
                    modifiers: Modifiers(access: .private), name: "GeneratedForSpecRuntime",
                    type: .named(["SpecRuntimeCompatibility", "RequiresVersion\(GeneratorVersion.runtimeContract)"]))))
        for planned in context.plan.declarations { file.append(declaration(planned)) }
        file.append(
            .type(
                TypeDeclaration(
                    doc: Docs.lines("A coding key for members whose names are known only at run time."),
                    modifiers: Modifiers(isNonisolated: true), kind: .struct, name: "AnyCodingKey", conformances: [.named(["CodingKey"])],
                    members: [
                        .property(PropertyDeclaration(name: "stringValue", type: .string)),
                        .property(PropertyDeclaration(name: "intValue", type: .optional(.int), accessors: .get([.expression(.nil)]))),
                        .function(
                            FunctionDeclaration(
                                kind: .initializer(isFailable: false), parameters: [FunctionParameter("stringValue", .string)],
                                body: [.assignment(.selfMember("stringValue"), .id("stringValue"))])),
                        .function(
                            FunctionDeclaration(
                                kind: .initializer(isFailable: true), parameters: [FunctionParameter("intValue", .int)], body: [.return(.nil)])),
                    ])))
        return file
    }

    /// The declaration of `planned`. `carried` holds the pointers of schemas whose deprecation a
    /// member of the enclosing type (a property, a case holding the type) already carries: such a
    /// type is not marked too, or the generated code's own uses of it (the member's storage, its
    /// coding, its validation) would warn. Every other deprecated schema marks its type.
    func declaration(_ planned: PlannedType, carried: Set<String> = []) -> Declaration {
        func attributes(_ schema: Schema) -> [String] {
            Docs.attributes(deprecated: schema.isDeprecated && !carried.contains(schema.pointer))
        }
        switch planned {
        case .structure(let plan): return structure(plan, attributes: attributes(plan.schema))
        case .stringEnum(let plan): return stringEnum(plan, attributes: attributes(plan.schema))
        case .union(let plan): return union(plan, attributes: attributes(plan.schema))
        case .choice(let plan):
            let casesCarry = Set(plan.cases.map(\.branch.schema).filter(\.isDeprecated).map(\.pointer))
            return ChoiceEmitter(context: context).model(
                plan, attributes: attributes(plan.schema), nested: plan.nested.map { declaration($0, carried: casesCarry) })
        case .alias(let name, let type, let schema):
            return .typealias(
                TypealiasDeclaration(
                    doc: Docs.from(schema.description, remark: schema.pointer), attributes: Docs.attributes(deprecated: schema.isDeprecated),
                    modifiers: context.modifiers(), name: name, type: type))
        }
    }

    private func structure(_ plan: StructPlan, attributes typeAttributes: [String]) -> Declaration {
        var members: [Declaration] = []
        for property in plan.properties {
            let doc = Docs.from(property.schema.description)
            let attributes = Docs.attributes(deprecated: property.isDeprecated)
            guard property.isIndirect || property.isDeprecated else {
                members.append(
                    .property(
                        PropertyDeclaration(
                            doc: doc, attributes: attributes, modifiers: context.modifiers(), name: property.name, type: property.declaredType)))
                continue
            }
            // The public member is an accessor over storage of another name: the box of an
            // `Indirect` property, or the value of a deprecated one, which generated code uses
            // (`PropertyPlan.access(on:)`) and so must see from the validators' file too.
            let storage = property.storedValue(on: nil)
            members.append(
                .property(
                    PropertyDeclaration(
                        doc: doc, attributes: attributes, modifiers: context.modifiers(), name: property.name, type: property.declaredType,
                        accessors: .getSet(
                            get: [.expression(storage)], set: [.assignment(storage, .id("newValue"))],
                            modify: [.yield(.inout(storage))]))))
            members.append(
                .property(
                    PropertyDeclaration(
                        doc: property.isDeprecated
                            ? Docs.lines("The storage of `\(property.name)`, which the SDK's own code uses so that only uses outside it warn.") : nil,
                        modifiers: Modifiers(access: property.isDeprecated ? nil : .private), name: property.storageName,
                        type: property.isIndirect ? .generic(["Indirect"], [property.declaredType]) : property.declaredType)))
        }
        if let additional = plan.additionalValueType {
            members.append(
                .property(
                    PropertyDeclaration(
                        doc: Docs.lines("Members beyond the declared properties, by name."), modifiers: context.modifiers(),
                        name: "additionalProperties", type: .dictionary(key: .string, value: additional))))
        }
        if DecodingFindingsRule(context: context).applies(to: plan) {
            members.append(
                .property(
                    PropertyDeclaration(
                        doc: Docs.lines(
                            "What decoding saw that the properties cannot show (undeclared members, null where only absence is allowed); reported by `violations()`, ignored by `==` and encoding."
                        ),
                        name: DecodingFindingsRule.memberName, type: nil, initializer: Expr.id("DecodingFindings").call())))
        }
        members.append(initializer(plan))
        if !plan.properties.isEmpty {
            members.append(
                .type(
                    TypeDeclaration(
                        modifiers: context.modifiers(), kind: .enum, name: "CodingKeys",
                        conformances: [.string, .named(["CodingKey"]), .named(["CaseIterable"])],
                        members: plan.properties.map { property in
                            .enumCase(
                                EnumCaseDeclaration(
                                    name: property.name, rawValue: property.name == property.wireName ? nil : .string(property.wireName)))
                        })))
        }
        let coding = CodingEmitter(context: context)
        members.append(coding.decoding(plan))
        members.append(coding.encoding(plan))
        let propertiesCarry = Set(plan.properties.filter(\.isDeprecated).map(\.schema.pointer))
        members += plan.nested.map { declaration($0, carried: propertiesCarry) }
        return .type(
            TypeDeclaration(
                doc: Docs.from(plan.schema.description, remark: plan.schema.pointer),
                attributes: typeAttributes,
                modifiers: context.modifiers(isNonisolated: true), kind: .struct, name: plan.name,
                conformances: [.named(["Codable"]), .named(["Hashable"]), .named(["Sendable"])], members: members))
    }

    private func initializer(_ plan: StructPlan) -> Declaration {
        var parameters: [FunctionParameter] = []
        var body: [Statement] = []
        for property in plan.properties {
            var defaultValue: Expr?
            if let value = property.schema.defaultValue ?? (property.schema.isConst ? property.schema.allowedValues?.first : nil),
                let literal = context.plan.defaultLiteral(value, for: property.type, schema: property.schema)
            {
                defaultValue = property.isNullable && !property.isRequired ? Expr.member(nil, "value").call(literal) : literal
            } else if !property.isRequired || property.isNullable {
                defaultValue = .nil
            }
            if property.schema.defaultValue != nil, defaultValue == nil || defaultValue == .nil {
                context.diagnostics.warning(
                    "the default of '\(property.schema.pointer)' has no Swift literal for \(Renderer().render(property.type.type)); "
                        + "neither the initializer nor decoding applies it", at: property.schema.location)
            }
            // A parameter named `self` would shadow self in the body; it gets another inner name.
            let inner = property.name == "self" ? "_self" : property.name
            parameters.append(FunctionParameter(label: property.name, name: inner, type: property.declaredType, defaultValue: defaultValue))
            body.append(
                property.isIndirect
                    ? .assignment(.selfMember(property.storageName), Expr.id("Indirect").call(("wrappedValue", .id(inner))))
                    : .assignment(property.access(on: .selfValue), .id(inner)))
        }
        if let additional = plan.additionalValueType {
            parameters.append(FunctionParameter("additionalProperties", .dictionary(key: .string, value: additional), defaultValue: .dictionary([])))
            body.append(.assignment(.selfMember("additionalProperties"), .id("additionalProperties")))
        }
        return .function(
            FunctionDeclaration(
                doc: Docs.lines("Creates a value from its properties; defaults are the spec's `default`s."),
                modifiers: context.modifiers(), kind: .initializer(isFailable: false), parameters: parameters, body: body))
    }

    private func stringEnum(_ plan: EnumPlan, attributes: [String]) -> Declaration {
        let fallback = plan.fallbackCase
        var members: [Declaration] = plan.cases.map { .enumCase(EnumCaseDeclaration(name: $0.name)) }
        members.append(
            .enumCase(
                EnumCaseDeclaration(
                    doc: Docs.lines("A value this SDK does not know yet, kept as sent so that it encodes back unchanged."),
                    name: fallback, associatedValues: [.string])))
        members.append(
            .function(
                FunctionDeclaration(
                    modifiers: context.modifiers(), kind: .initializer(isFailable: false), parameters: [FunctionParameter("rawValue", .string)],
                    body: [
                        .switch(
                            .id("rawValue"),
                            plan.cases.map { SwitchCase([.expression(.string($0.value))], [.assignment(.selfValue, .member(nil, $0.name))]) }
                                + [.default([.assignment(.selfValue, Expr.member(nil, fallback).call(.id("rawValue")))])])
                    ])))
        members.append(
            .property(
                PropertyDeclaration(
                    modifiers: context.modifiers(), name: "rawValue", type: .string,
                    accessors: .get([
                        .switch(
                            .selfValue,
                            plan.cases.map { SwitchCase([.enumCase($0.name, bindings: [])], [.expression(.string($0.value))]) }
                                + [SwitchCase([.enumCase(fallback, bindings: ["value"])], [.expression(.id("value"))])])
                    ]))))
        members.append(
            .property(
                PropertyDeclaration(
                    doc: Docs.lines("The values the spec documents, in its order."), modifiers: context.modifiers(isStatic: true),
                    isMutable: false, name: "documentedCases", type: .array(plan.type),
                    initializer: .array(plan.cases.map { .member(nil, $0.name) }))))
        members.append(
            .function(
                FunctionDeclaration(
                    modifiers: context.modifiers(), kind: .initializer(isFailable: false),
                    parameters: [FunctionParameter(label: "from", name: "decoder", type: .existential(["Decoder"]))], throwing: .any,
                    body: [
                        .expression(
                            Expr.raw("self.init").call(
                                ("rawValue", Expr.id("decoder").dot("singleValueContainer").call().dot("decode").call(.metatype(.string)).tried)))
                    ])))
        members.append(
            .function(
                FunctionDeclaration(
                    modifiers: context.modifiers(), kind: .function("encode"),
                    parameters: [FunctionParameter(label: "to", name: "encoder", type: .existential(["Encoder"]))], throwing: .any,
                    body: [
                        .var("container", nil, Expr.id("encoder").dot("singleValueContainer").call()),
                        .expression(Expr.id("container").dot("encode").call(.id("rawValue")).tried),
                    ])))
        return .type(
            TypeDeclaration(
                doc: Docs.from(plan.schema.description, remark: plan.schema.pointer),
                attributes: attributes,
                modifiers: context.modifiers(isNonisolated: true), kind: .enum, name: plan.name,
                conformances: [.named(["RawRepresentable"]), .named(["Codable"]), .named(["Hashable"]), .named(["Sendable"])],
                members: members))
    }

    private func union(_ plan: UnionPlan, attributes: [String]) -> Declaration {
        let property = plan.union.propertyName
        var members: [Declaration] = plan.cases.map { unionCase in
            .enumCase(
                EnumCaseDeclaration(
                    doc: Docs.lines("`\(property)` is `\(unionCase.branch.value)`."), name: unionCase.name,
                    associatedValues: [unionCase.type]))
        }
        members.append(
            .type(
                TypeDeclaration(
                    modifiers: Modifiers(access: .private), kind: .enum, name: "DiscriminatorKey",
                    conformances: [.string, .named(["CodingKey"])],
                    members: [.enumCase(EnumCaseDeclaration(name: "discriminator", rawValue: .string(property)))])))
        members.append(
            .property(
                PropertyDeclaration(
                    doc: Docs.lines("The discriminator value of this case."), modifiers: context.modifiers(), name: "discriminator",
                    type: .string,
                    accessors: .get([
                        .switch(
                            .selfValue,
                            plan.cases.map {
                                SwitchCase([.enumCase($0.name, bindings: [])], [.expression(.string($0.branch.value))])
                            })
                    ]))))
        let known = plan.cases.map(\.branch.value).joined(separator: ", ")
        members.append(
            .function(
                FunctionDeclaration(
                    modifiers: context.modifiers(), kind: .initializer(isFailable: false),
                    parameters: [FunctionParameter(label: "from", name: "decoder", type: .existential(["Decoder"]))], throwing: .any,
                    body: [
                        .let("container", nil, Expr.id("decoder").dot("container").call(("keyedBy", .metatype(.named(["DiscriminatorKey"])))).tried),
                        .let("value", nil, Expr.id("container").dot("decode").call((nil, .metatype(.string)), ("forKey", .member(nil, "discriminator"))).tried),
                        .switch(
                            .id("value"),
                            plan.cases.map { unionCase in
                                SwitchCase(
                                    [.expression(.string(unionCase.branch.value))],
                                    [
                                        .assignment(
                                            .selfValue, Expr.member(nil, unionCase.name).call(Expr.type(unionCase.type).call(("from", .id("decoder"))).tried))
                                    ])
                            } + [
                                .default([
                                    .throw(
                                        Expr.id("DecodingError").dot("dataCorruptedError").call(
                                            ("forKey", .member(nil, "discriminator")), ("in", .id("container")),
                                            ("debugDescription", .binary(.binary(.string("'"), "+", .id("value")), "+", .string("' is not one of \(known)")))))
                                ])
                            ]),
                    ])))
        members.append(
            .function(
                FunctionDeclaration(
                    modifiers: context.modifiers(), kind: .function("encode"),
                    parameters: [FunctionParameter(label: "to", name: "encoder", type: .existential(["Encoder"]))], throwing: .any,
                    body: [
                        .switch(
                            .selfValue,
                            plan.cases.map {
                                SwitchCase(
                                    [.enumCase($0.name, bindings: ["value"])], [.expression(Expr.id("value").dot("encode").call(("to", .id("encoder"))).tried)])
                            })
                    ])))
        return .type(
            TypeDeclaration(
                doc: Docs.from(plan.schema.description, remark: plan.schema.pointer),
                attributes: attributes,
                modifiers: context.modifiers(isNonisolated: true), kind: .enum, name: plan.name,
                conformances: [.named(["Codable"]), .named(["Hashable"]), .named(["Sendable"])], members: members))
    }
}
