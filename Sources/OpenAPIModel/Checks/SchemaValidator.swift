/// A constraint broken by a JSON value, found by ``SchemaValidator``.
public struct SchemaViolation: Hashable, Sendable, CustomStringConvertible {
    /// A JSON Pointer into the value (`/analyses/1`, empty for the value itself).
    public var pointer: String
    public var keyword: String
    public var message: String

    public init(pointer: String, keyword: String, message: String) {
        self.pointer = pointer
        self.keyword = keyword
        self.message = message
    }

    public var description: String { "\(pointer.isEmpty ? "(root)" : pointer): \(keyword): \(message)" }
}

/// Checks a JSON value against a schema of the model, the way generated validators do, for
/// `example`s and `default`s in the spec and for recorded traffic.
public struct SchemaValidator: Sendable {
    public let document: OpenAPIDocument

    public init(document: OpenAPIDocument) {
        self.document = document
    }

    public func violations(of value: JSONLiteral, against schema: Schema) -> [SchemaViolation] {
        var found: [SchemaViolation] = []
        var visitedReferences = 0
        check(value, schema, pointer: "", into: &found, depth: 0, references: &visitedReferences)
        return found
    }

    private func check(_ value: JSONLiteral, _ schema: Schema, pointer: String, into found: inout [SchemaViolation], depth: Int, references: inout Int) {
        guard depth < 200 else { return }
        if value == .null {
            if schema.isNullable || schema.kind == .any { return }
            if case .reference = schema.kind, document.resolved(schema).isNullable { return }
            found.append(SchemaViolation(pointer: pointer, keyword: "type", message: "null is not allowed"))
            return
        }
        if let allowed = schema.allowedValues, !allowed.contains(value) {
            found.append(SchemaViolation(pointer: pointer, keyword: schema.isConst ? "const" : "enum",
                                         message: "\(value) is not one of \(allowed.map(\.description).joined(separator: ", "))"))
        }
        switch schema.kind {
        case .any:
            return
        case .reference(let name):
            guard let target = document.schema(named: name) else { return }
            check(value, target.schema, pointer: pointer, into: &found, depth: depth + 1, references: &references)
        case .boolean:
            if case .bool = value { return }
            found.append(typeViolation(pointer, expected: "boolean", value))
        case .string(let string):
            guard case .string(let text) = value else {
                found.append(typeViolation(pointer, expected: "string", value))
                return
            }
            StringChecks.check(text, string, pointer: pointer, into: &found)
        case .integer(let numeric), .number(let numeric):
            guard let number = value.numericValue else {
                found.append(typeViolation(pointer, expected: schema.kind.isInteger ? "integer" : "number", value))
                return
            }
            if schema.kind.isInteger, number.rounded() != number {
                found.append(typeViolation(pointer, expected: "integer", value))
            }
            NumericChecks.check(number, numeric, pointer: pointer, into: &found)
        case .array(let array):
            guard case .array(let items) = value else {
                found.append(typeViolation(pointer, expected: "array", value))
                return
            }
            if let min = array.minItems, items.count < min {
                found.append(SchemaViolation(pointer: pointer, keyword: "minItems", message: "\(items.count) items, fewer than \(min)"))
            }
            if let max = array.maxItems, items.count > max {
                found.append(SchemaViolation(pointer: pointer, keyword: "maxItems", message: "\(items.count) items, more than \(max)"))
            }
            if array.uniqueItems, Set(items).count != items.count {
                found.append(SchemaViolation(pointer: pointer, keyword: "uniqueItems", message: "items are not unique"))
            }
            for (index, item) in items.enumerated() {
                check(item, array.items, pointer: pointer + "/\(index)", into: &found, depth: depth + 1, references: &references)
            }
        case .object(let object):
            guard case .object(let members) = value else {
                found.append(typeViolation(pointer, expected: "object", value))
                return
            }
            for property in object.properties where property.isRequired && !members.contains(where: { $0.key == property.name }) {
                found.append(SchemaViolation(pointer: pointer, keyword: "required", message: "'\(property.name)' is missing"))
            }
            if let min = object.minProperties, members.count < min {
                found.append(SchemaViolation(pointer: pointer, keyword: "minProperties", message: "\(members.count) members, fewer than \(min)"))
            }
            if let max = object.maxProperties, members.count > max {
                found.append(SchemaViolation(pointer: pointer, keyword: "maxProperties", message: "\(members.count) members, more than \(max)"))
            }
            for member in members {
                let memberPointer = pointer + "/" + member.key.replacing("~", with: "~0").replacing("/", with: "~1")
                if let property = object.properties.first(where: { $0.name == member.key }) {
                    check(member.value, property.schema, pointer: memberPointer, into: &found, depth: depth + 1, references: &references)
                } else {
                    switch object.additionalProperties {
                    case .forbidden?:
                        found.append(SchemaViolation(pointer: memberPointer, keyword: "additionalProperties", message: "'\(member.key)' is not allowed"))
                    case .typed(let valueSchema)?:
                        check(member.value, valueSchema, pointer: memberPointer, into: &found, depth: depth + 1, references: &references)
                    case .allowed?, nil:
                        break
                    }
                }
            }
        case .union(let union):
            guard case .object = value else {
                found.append(typeViolation(pointer, expected: "object", value))
                return
            }
            guard case .string(let tag)? = value[union.propertyName] else {
                found.append(SchemaViolation(pointer: pointer, keyword: "discriminator", message: "'\(union.propertyName)' is missing or not a string"))
                return
            }
            guard let branch = union.branches.first(where: { $0.value == tag }), let target = document.schema(named: branch.schemaName) else {
                found.append(SchemaViolation(pointer: pointer + "/" + union.propertyName, keyword: "discriminator",
                                             message: "'\(tag)' is not one of \(union.branches.map(\.value).joined(separator: ", "))"))
                return
            }
            check(value, target.schema, pointer: pointer, into: &found, depth: depth + 1, references: &references)
        }
    }

    private func typeViolation(_ pointer: String, expected: String, _ value: JSONLiteral) -> SchemaViolation {
        SchemaViolation(pointer: pointer, keyword: "type", message: "expected \(expected), found \(value.jsonTypeName)")
    }
}

extension Schema.Kind {
    var isInteger: Bool {
        if case .integer = self { return true }
        return false
    }
}
