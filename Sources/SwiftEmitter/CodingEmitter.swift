/// Emits `init(from:)` and `encode(to:)` of a struct, keeping "absent" and "null" apart and
/// coding date-times through the runtime's RFC 3339 support.
struct CodingEmitter {
    let context: EmissionContext

    func emitDecoding(_ plan: StructPlan, into writer: inout SwiftWriter) {
        writer.block("\(context.access)init(from decoder: any Decoder) throws") { writer in
            if !plan.properties.isEmpty {
                writer.line("let container = try decoder.container(keyedBy: CodingKeys.self)")
            }
            for property in plan.properties {
                emitDecode(property, into: &writer)
            }
            if let additional = plan.additionalValueType {
                writer.line("let members = try decoder.container(keyedBy: AnyCodingKey.self)")
                writer.line("var additionalProperties: [String: \(additional.swift)] = [:]")
                writer.block("for key in members.allKeys where CodingKeys(rawValue: key.stringValue) == nil") { writer in
                    writer.line("additionalProperties[key.stringValue] = try members.decode(\(additional.swift).self, forKey: key)")
                }
                writer.line("self.additionalProperties = additionalProperties")
            }
        }
    }

    private func emitDecode(_ property: PropertyPlan, into writer: inout SwiftWriter) {
        if property.isIndirect {
            // Decoded into a local first, then stored behind its box.
            var plain = property
            plain.isIndirect = false
            writer.line("let \(property.bareName)Value: \(property.declaredType)")
            emitDecode(plain, into: &writer, target: "\(property.bareName)Value")
            writer.line("self._\(property.bareName) = Indirect(wrappedValue: \(property.bareName)Value)")
            return
        }
        emitDecode(property, into: &writer, target: "self.\(property.bareName)")
    }

    private func emitDecode(_ property: PropertyPlan, into writer: inout SwiftWriter, target: String) {
        let key = ".\(property.bareName)"
        let type = property.type.swift
        let isDate = property.type.coding == .dateTime
        let decodeValue = isDate ? "try container.decodeDateTime(forKey: \(key))" : "try container.decode(\(type).self, forKey: \(key))"
        switch (property.isRequired, property.isNullable) {
        case (true, false):
            writer.line("\(target) = \(decodeValue)")
        case (true, true):
            writer.line(isDate
                ? "\(target) = try container.decodeNil(forKey: \(key)) ? nil : \(decodeValue)"
                : "\(target) = try container.decode(\(type)?.self, forKey: \(key))")
        case (false, false):
            writer.line(isDate
                ? "\(target) = try container.decodeDateTimeIfPresent(forKey: \(key))"
                : "\(target) = try container.decodeIfPresent(\(type).self, forKey: \(key))")
        case (false, true):
            writer.conditional([
                ("if !container.contains(\(key))", { $0.line("\(target) = nil") }),
                ("else if try container.decodeNil(forKey: \(key))", { $0.line("\(target) = .null") }),
                ("else", { $0.line("\(target) = .value(\(decodeValue))") }),
            ])
        }
    }

    func emitEncoding(_ plan: StructPlan, into writer: inout SwiftWriter) {
        writer.block("\(context.access)func encode(to encoder: any Encoder) throws") { writer in
            if !plan.properties.isEmpty {
                writer.line("var container = encoder.container(keyedBy: CodingKeys.self)")
            }
            for property in plan.properties {
                emitEncode(property, into: &writer)
            }
            if plan.additionalValueType != nil {
                writer.line("var members = encoder.container(keyedBy: AnyCodingKey.self)")
                writer.block("for (name, value) in additionalProperties.sorted(by: { $0.key < $1.key }) where CodingKeys(rawValue: name) == nil") { writer in
                    writer.line("try members.encode(value, forKey: AnyCodingKey(stringValue: name))")
                }
            }
        }
    }

    private func emitEncode(_ property: PropertyPlan, into writer: inout SwiftWriter) {
        let name = "self.\(property.bareName)"
        let key = ".\(property.bareName)"
        let isDate = property.type.coding == .dateTime
        switch (property.isRequired, property.isNullable) {
        case (true, false):
            writer.line(isDate ? "try container.encodeDateTime(\(name), forKey: \(key))" : "try container.encode(\(name), forKey: \(key))")
        case (true, true):
            if isDate {
                writer.conditional([
                    ("if let value = \(name)", { $0.line("try container.encodeDateTime(value, forKey: \(key))") }),
                    ("else", { $0.line("try container.encodeNil(forKey: \(key))") }),
                ])
            } else {
                writer.line("try container.encode(\(name), forKey: \(key))")
            }
        case (false, false):
            writer.line(isDate ? "try container.encodeDateTimeIfPresent(\(name), forKey: \(key))" : "try container.encodeIfPresent(\(name), forKey: \(key))")
        case (false, true):
            writer.switchBlock("switch \(name)") { writer in
                writer.line("case nil: break")
                writer.line("case .null?: try container.encodeNil(forKey: \(key))")
                writer.line(isDate ? "case .value(let value)?: try container.encodeDateTime(value, forKey: \(key))" : "case .value(let value)?: try container.encode(value, forKey: \(key))")
            }
        }
    }
}
