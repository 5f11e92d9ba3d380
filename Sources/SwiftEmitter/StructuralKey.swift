import OpenAPIModel

/// A text that is equal for schemas that say the same thing wherever they stand in the document
/// (pointers, locations and prose ignored), so that identical inline schemas share one type.
enum StructuralKey {
    static func of(_ schema: Schema) -> String {
        var parts = [kind(schema.kind), schema.isNullable ? "null" : ""]
        if let values = schema.allowedValues { parts.append((schema.isConst ? "const" : "enum") + values.description) }
        if let value = schema.defaultValue { parts.append("default" + value.description) }
        return "(" + parts.joined(separator: ";") + ")"
    }

    private static func kind(_ kind: Schema.Kind) -> String {
        switch kind {
        case .reference(let name): return "ref:" + name
        case .any: return "any"
        case .boolean: return "bool"
        case .string(let string):
            return "string:\(string.format?.rawValue ?? ""):\(string.minLength ?? -1):\(string.maxLength ?? -1):\(string.pattern ?? "")"
        case .integer(let numeric): return "int:" + numericKey(numeric)
        case .number(let numeric): return "number:" + numericKey(numeric)
        case .array(let array):
            return "array:\(array.minItems ?? -1):\(array.maxItems ?? -1):\(array.uniqueItems):" + of(array.items)
        case .object(let object):
            let properties = object.properties.map { "\($0.name)\($0.isRequired ? "!" : "?")=" + of($0.schema) }
            let additional: String
            switch object.additionalProperties {
            case nil: additional = "-"
            case .forbidden?: additional = "no"
            case .allowed?: additional = "yes"
            case .typed(let schema)?: additional = of(schema)
            }
            return "object{\(properties.joined(separator: ","))}+\(additional):\(object.minProperties ?? -1):\(object.maxProperties ?? -1)"
        case .union(let union):
            return "union:\(union.propertyName):" + union.branches.map { "\($0.value)=\($0.schemaName)" }.joined(separator: ",")
        case .choice(let choice):
            // The branches' JSON Schemas too: the enum's validation embeds them.
            return "choice:\(choice.keyword):"
                + choice.branches.map { "\($0.index)=" + of($0.schema) + $0.schema.json.jsonLiteral.description }
                .joined(separator: ",")
        }
    }

    private static func numericKey(_ numeric: NumericSchema) -> String {
        [numeric.minimum, numeric.maximum, numeric.exclusiveMinimum, numeric.exclusiveMaximum, numeric.multipleOf]
            .map { $0.map { String($0) } ?? "" }.joined(separator: ":") + (numeric.format ?? "")
    }
}
