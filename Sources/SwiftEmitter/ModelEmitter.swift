import OpenAPIModel

/// Emits `Models.swift`: a struct per object schema, an enum per string enum (tolerant of values
/// it does not know), an enum with associated values per discriminated union.
struct ModelEmitter {
    let context: EmissionContext

    func emit() -> String {
        var writer = SwiftWriter()
        for declaration in context.plan.declarations {
            writer.separator()
            emit(declaration, into: &writer)
        }
        writer.separator()
        writer.docComment("A coding key for members whose names are known only at run time.")
        writer.block("nonisolated struct AnyCodingKey: CodingKey") { writer in
            writer.line("var stringValue: String")
            writer.line("var intValue: Int? { nil }")
            writer.line("init(stringValue: String) { self.stringValue = stringValue }")
            writer.line("init?(intValue: Int) { nil }")
        }
        return context.fileHeader(imports: ["Foundation", "SpecRuntime"]) + "\n" + writer.text
    }

    private func emit(_ declaration: Declaration, into writer: inout SwiftWriter) {
        switch declaration {
        case .structure(let plan): emitStruct(plan, into: &writer)
        case .stringEnum(let plan): emitEnum(plan, into: &writer)
        case .union(let plan): emitUnion(plan, into: &writer)
        case .alias(let name, let type, let schema):
            writer.docComment(schema.description, remark: schema.pointer, deprecated: schema.isDeprecated)
            writer.line("\(context.access)typealias \(name) = \(type)")
        }
    }

    private func emitStruct(_ plan: StructPlan, into writer: inout SwiftWriter) {
        let access = context.access
        writer.docComment(plan.schema.description, remark: plan.schema.pointer, deprecated: plan.schema.isDeprecated)
        writer.block("\(access)nonisolated struct \(plan.name): Codable, Hashable, Sendable") { writer in
            for property in plan.properties {
                writer.docComment(property.schema.description, deprecated: property.schema.isDeprecated)
                if property.isIndirect {
                    writer.block("\(access)var \(property.swiftName): \(property.declaredType)") { writer in
                        writer.line("get { _\(property.bareName).wrappedValue }")
                        writer.line("set { _\(property.bareName).wrappedValue = newValue }")
                    }
                    writer.line("private var _\(property.bareName): Indirect<\(property.declaredType)>")
                } else {
                    writer.line("\(access)var \(property.swiftName): \(property.declaredType)")
                }
            }
            if let additional = plan.additionalValueType {
                writer.docComment("Members beyond the declared properties, by name.")
                writer.line("\(access)var additionalProperties: [String: \(additional.swift)]")
            }
            writer.line()
            emitInitializer(plan, into: &writer)
            writer.line()
            writer.block("\(access)enum CodingKeys: String, CodingKey, CaseIterable") { writer in
                for property in plan.properties {
                    writer.line(property.bareName == property.wireName
                        ? "case \(property.swiftName)" : "case \(property.swiftName) = \(property.wireName.swiftLiteral)")
                }
            }
            writer.line()
            CodingEmitter(context: context).emitDecoding(plan, into: &writer)
            writer.line()
            CodingEmitter(context: context).emitEncoding(plan, into: &writer)
            for nested in plan.nested {
                writer.line()
                emit(nested, into: &writer)
            }
        }
    }

    private func emitInitializer(_ plan: StructPlan, into writer: inout SwiftWriter) {
        var parameters: [String] = []
        for property in plan.properties {
            var parameter = "\(property.swiftName): \(property.declaredType)"
            if let value = property.schema.defaultValue ?? (property.schema.isConst ? property.schema.allowedValues?.first : nil),
               let literal = context.defaultLiteral(value, for: property.type, schema: property.schema) {
                parameter += " = " + (property.isNullable && !property.isRequired ? ".value(\(literal))" : literal)
            } else if !property.isRequired || property.isNullable {
                parameter += " = nil"
            }
            parameters.append(parameter)
        }
        if let additional = plan.additionalValueType {
            parameters.append("additionalProperties: [String: \(additional.swift)] = [:]")
        }
        writer.docComment("Creates a value from its properties; defaults are the spec's `default`s.")
        if parameters.isEmpty {
            writer.line("\(context.access)init() {}")
            return
        }
        writer.line("\(context.access)init(")
        for (index, parameter) in parameters.enumerated() {
            writer.line("    " + parameter + (index == parameters.count - 1 ? "" : ","))
        }
        writer.block(")") { writer in
            for property in plan.properties {
                writer.line(property.isIndirect
                    ? "self._\(property.bareName) = Indirect(wrappedValue: \(property.swiftName))"
                    : "self.\(property.bareName) = \(property.swiftName)")
            }
            if plan.additionalValueType != nil { writer.line("self.additionalProperties = additionalProperties") }
        }
    }

    private func emitEnum(_ plan: EnumPlan, into writer: inout SwiftWriter) {
        let access = context.access
        let fallback = plan.values.contains("undocumented") ? "_undocumented" : "undocumented"
        writer.docComment(plan.schema.description, remark: plan.schema.pointer, deprecated: plan.schema.isDeprecated)
        writer.block("\(access)nonisolated enum \(plan.name): RawRepresentable, Codable, Hashable, Sendable") { writer in
            for value in plan.values {
                writer.line("case \(SwiftNaming.escapedMemberName(value))")
            }
            writer.docComment("A value this SDK does not know yet, kept as sent so that it encodes back unchanged.")
            writer.line("case \(fallback)(String)")
            writer.line()
            writer.block("\(access)init(rawValue: String)") { writer in
                writer.switchBlock("switch rawValue") { writer in
                    for value in plan.values {
                        writer.line("case \(value.swiftLiteral): self = .\(SwiftNaming.escapedMemberName(value))")
                    }
                    writer.line("default: self = .\(fallback)(rawValue)")
                }
            }
            writer.line()
            writer.block("\(access)var rawValue: String") { writer in
                writer.switchBlock("switch self") { writer in
                    for value in plan.values {
                        writer.line("case .\(SwiftNaming.escapedMemberName(value)): \(value.swiftLiteral)")
                    }
                    writer.line("case .\(fallback)(let value): value")
                }
            }
            writer.line()
            writer.docComment("The values the spec documents, in its order.")
            writer.line("\(access)static let documentedCases: [\(plan.name)] = [\(plan.values.map { "." + SwiftNaming.escapedMemberName($0) }.joined(separator: ", "))]")
            writer.line()
            writer.block("\(access)init(from decoder: any Decoder) throws") { writer in
                writer.line("self.init(rawValue: try decoder.singleValueContainer().decode(String.self))")
            }
            writer.line()
            writer.block("\(access)func encode(to encoder: any Encoder) throws") { writer in
                writer.line("var container = encoder.singleValueContainer()")
                writer.line("try container.encode(rawValue)")
            }
        }
    }

    private func emitUnion(_ plan: UnionPlan, into writer: inout SwiftWriter) {
        let access = context.access
        writer.docComment(plan.schema.description, remark: plan.schema.pointer, deprecated: plan.schema.isDeprecated)
        writer.block("\(access)nonisolated enum \(plan.name): Codable, Hashable, Sendable") { writer in
            for branch in plan.union.branches {
                writer.docComment("`\(plan.union.propertyName)` is `\(branch.value)`.")
                writer.line("case \(SwiftNaming.escapedMemberName(branch.value))(\(typeName(branch.schemaName)))")
            }
            writer.line()
            writer.block("private enum DiscriminatorKey: String, CodingKey") { writer in
                writer.line("case discriminator = \(plan.union.propertyName.swiftLiteral)")
            }
            writer.line()
            writer.docComment("The discriminator value of this case.")
            writer.block("\(access)var discriminator: String") { writer in
                writer.switchBlock("switch self") { writer in
                    for branch in plan.union.branches {
                        writer.line("case .\(SwiftNaming.escapedMemberName(branch.value)): \(branch.value.swiftLiteral)")
                    }
                }
            }
            writer.line()
            writer.block("\(access)init(from decoder: any Decoder) throws") { writer in
                writer.line("let container = try decoder.container(keyedBy: DiscriminatorKey.self)")
                writer.line("let value = try container.decode(String.self, forKey: .discriminator)")
                writer.switchBlock("switch value") { writer in
                    for branch in plan.union.branches {
                        writer.line("case \(branch.value.swiftLiteral): self = .\(SwiftNaming.escapedMemberName(branch.value))(try \(typeName(branch.schemaName))(from: decoder))")
                    }
                    writer.line("default:")
                    let known = plan.union.branches.map(\.value).joined(separator: ", ")
                    writer.line("    throw DecodingError.dataCorruptedError(forKey: .discriminator, in: container, debugDescription: \"'\\(value)' is not one of \(known)\")")
                }
            }
            writer.line()
            writer.block("\(access)func encode(to encoder: any Encoder) throws") { writer in
                writer.switchBlock("switch self") { writer in
                    for branch in plan.union.branches {
                        writer.line("case .\(SwiftNaming.escapedMemberName(branch.value))(let value): try value.encode(to: encoder)")
                    }
                }
            }
        }
    }

    private func typeName(_ schemaName: String) -> String {
        context.plan.namedTypes[schemaName] ?? SwiftNaming.typeName(schemaName)
    }
}
