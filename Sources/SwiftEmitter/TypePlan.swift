import OpenAPIModel

/// A Swift type the emitter declares, planned before any text is written.
indirect enum Declaration {
    case structure(StructPlan)
    case stringEnum(EnumPlan)
    case union(UnionPlan)
    /// A named schema that is just another type (`typealias SessionID = String`).
    case alias(name: String, type: String, schema: Schema)

    var name: String {
        switch self {
        case .structure(let plan): plan.name
        case .stringEnum(let plan): plan.name
        case .union(let plan): plan.name
        case .alias(let name, _, _): name
        }
    }
}

/// How a value is written to and read from JSON beyond plain `Codable`.
enum CodingStyle: Equatable {
    case plain
    /// `Date` from an RFC 3339 string, through the runtime's date-time coding.
    case dateTime
}

/// A Swift type expression for a schema, with how it is coded.
struct TypeReference {
    var swift: String
    var coding: CodingStyle = .plain
}

struct PropertyPlan {
    var wireName: String
    /// The member name, escaped with backticks when it is a keyword.
    var swiftName: String
    /// The member name as used after a dot or in a coding key (never needs backticks there).
    var bareName: String
    var type: TypeReference
    var isRequired: Bool
    var isNullable: Bool
    var schema: Schema
    /// Stored behind `Indirect` (a generated struct or union held by value): see `Indirect`.
    var isIndirect = false

    /// The declared type: `T` when required and not nullable, `T?` when absent or null may be
    /// told apart from each other by the schema, and `Nullable<T>?` when it may be both.
    var declaredType: String {
        switch (isRequired, isNullable) {
        case (true, false): type.swift
        case (true, true), (false, false): type.swift + "?"
        case (false, true): "Nullable<\(type.swift)>?"
        }
    }
}

struct StructPlan {
    var name: String
    var qualifiedName: String
    var schema: Schema
    var properties: [PropertyPlan]
    /// The type of members beyond the named properties, kept when `additionalProperties` is set.
    var additionalValueType: TypeReference?
    var nested: [Declaration]
}

struct EnumPlan {
    var name: String
    var qualifiedName: String
    var schema: Schema
    var values: [String]
}

struct UnionPlan {
    var name: String
    var qualifiedName: String
    var schema: Schema
    var union: UnionSchema
}

/// Decides every type the emitter declares and the Swift type of every schema: named schemas
/// become top-level types, inline objects and enums become types nested where they stand.
struct TypePlan {
    let document: OpenAPIDocument
    private(set) var declarations: [Declaration] = []
    /// Swift type names of the named schemas, by schema name.
    private(set) var namedTypes: [String: String] = [:]
    private var topLevelNames: Set<String> = []

    init(document: OpenAPIDocument) {
        self.document = document
        for named in document.schemas {
            let typeName = SwiftNaming.typeName(named.name)
            namedTypes[named.name] = typeName
            topLevelNames.insert(typeName)
        }
        for named in document.schemas {
            let name = namedTypes[named.name] ?? SwiftNaming.typeName(named.name)
            declarations.append(declaration(for: named.schema, name: name, qualifiedPrefix: ""))
        }
        for operation in document.operations {
            let base = SwiftNaming.typeName(operation.operationID)
            var types = OperationTypes()
            for parameter in operation.parameters {
                types.parameters[parameter.name] = topLevelType(for: parameter.schema, suggestedName: base + SwiftNaming.typeName(parameter.name))
            }
            if let body = operation.requestBody {
                types.requestBody = topLevelType(for: body.schema, suggestedName: base + "Request")
            }
            let successes = operation.responses.filter { $0.isSuccess && $0.schema != nil }
            let failures = operation.responses.filter { !$0.isSuccess && $0.schema != nil }
            for response in operation.responses {
                guard let schema = response.schema else { continue }
                let group = response.isSuccess ? successes : failures
                let stem = response.isSuccess ? "Response" : "ErrorResponse"
                let suffix = group.count == 1 || group.first?.schema.map(StructuralKey.of) == StructuralKey.of(schema)
                    ? "" : (response.statusCode.map(String.init) ?? "Default")
                types.responses[response.statusCode ?? 0] = topLevelType(for: schema, suggestedName: base + stem + suffix)
            }
            operationTypes[operation.operationID] = types
        }
        for webhook in document.webhooks {
            webhookTypes[webhook.name] = topLevelType(for: webhook.body, suggestedName: SwiftNaming.typeName(webhook.name) + "Event")
        }
    }

    /// The Swift types of an operation's parameters and bodies.
    struct OperationTypes {
        var parameters: [String: TypeReference] = [:]
        var requestBody: TypeReference?
        /// By status code; `0` stands for `default`.
        var responses: [Int: TypeReference] = [:]
    }

    private(set) var operationTypes: [String: OperationTypes] = [:]
    private(set) var webhookTypes: [String: TypeReference] = [:]

    /// Inline schemas of operations and webhooks (request bodies, responses) get top-level types
    /// named after the operation; this plans one and returns its type.
    mutating func topLevelType(for schema: Schema, suggestedName: String) -> TypeReference {
        let key = StructuralKey.of(schema)
        if let existing = sharedInlineTypes[key] { return existing }
        let reference = planTopLevelType(for: schema, suggestedName: suggestedName)
        sharedInlineTypes[key] = reference
        return reference
    }

    /// Inline schemas already given a top-level type, by structure.
    private var sharedInlineTypes: [String: TypeReference] = [:]

    private mutating func planTopLevelType(for schema: Schema, suggestedName: String) -> TypeReference {
        var nested: [Declaration] = []
        let name = uniqueTopLevelName(suggestedName)
        let reference = resolve(schema, suggestedName: name, qualifiedPrefix: "", nested: &nested)
        for declaration in nested {
            topLevelNames.insert(declaration.name)
            declarations.append(declaration)
        }
        return reference
    }

    private func uniqueTopLevelName(_ name: String) -> String {
        var candidate = name
        var counter = 2
        while topLevelNames.contains(candidate) {
            candidate = name + String(counter)
            counter += 1
        }
        return candidate
    }

    private func declaration(for schema: Schema, name: String, qualifiedPrefix: String) -> Declaration {
        var nested: [Declaration] = []
        let reference = resolve(schema, suggestedName: name, qualifiedPrefix: qualifiedPrefix, nested: &nested)
        if let declared = nested.first, nested.count == 1, declared.name == name { return declared }
        return .alias(name: name, type: reference.swift, schema: schema)
    }

    /// The Swift type of `schema`; declarations it needs are appended to `nested`.
    func resolve(_ schema: Schema, suggestedName: String, qualifiedPrefix: String, nested: inout [Declaration]) -> TypeReference {
        let qualified = qualifiedPrefix.isEmpty ? suggestedName : qualifiedPrefix + "." + suggestedName
        switch schema.kind {
        case .reference(let name):
            return TypeReference(swift: namedTypes[name] ?? SwiftNaming.typeName(name), coding: codingOfNamed(name))
        case .any:
            return TypeReference(swift: "JSONValue")
        case .boolean:
            return TypeReference(swift: "Bool")
        case .integer(let numeric):
            return TypeReference(swift: numeric.format == "int32" ? "Int32" : "Int")
        case .number(let numeric):
            return TypeReference(swift: numeric.format == "float" ? "Float" : "Double")
        case .string(let string):
            if let values = schema.allowedValues, !schema.isConst {
                let strings = values.compactMap { if case .string(let text) = $0 { text } else { nil } }
                if !strings.isEmpty {
                    nested.append(.stringEnum(EnumPlan(name: suggestedName, qualifiedName: qualified, schema: schema, values: strings)))
                    return TypeReference(swift: qualified)
                }
            }
            switch string.format {
            case .dateTime?: return TypeReference(swift: "Date", coding: .dateTime)
            case .date?: return TypeReference(swift: "CalendarDate")
            default: return TypeReference(swift: "String")
            }
        case .array(let array):
            let element = resolve(array.items, suggestedName: SwiftNaming.singularTypeName(suggestedName), qualifiedPrefix: qualifiedPrefix, nested: &nested)
            // Date-times inside collections are kept as their RFC 3339 text.
            let elementType = element.coding == .dateTime ? "String" : element.swift
            return TypeReference(swift: "[\(elementType)\(array.items.isNullable ? "?" : "")]")
        case .object(let object):
            if object.properties.isEmpty, object.additionalProperties != .forbidden {
                guard case .typed(let valueSchema)? = object.additionalProperties else {
                    return TypeReference(swift: "[String: JSONValue]")
                }
                let value = resolve(valueSchema, suggestedName: suggestedName + "Value", qualifiedPrefix: qualifiedPrefix, nested: &nested)
                return TypeReference(swift: "[String: \(value.coding == .dateTime ? "String" : value.swift)]")
            }
            nested.append(.structure(structPlan(object, schema: schema, name: suggestedName, qualifiedName: qualified)))
            return TypeReference(swift: qualified)
        case .union(let union):
            nested.append(.union(UnionPlan(name: suggestedName, qualifiedName: qualified, schema: schema, union: union)))
            return TypeReference(swift: qualified)
        }
    }

    private func codingOfNamed(_ name: String) -> CodingStyle {
        guard let named = document.schema(named: name), case .string(let string) = named.schema.kind,
              named.schema.allowedValues == nil || named.schema.isConst else { return .plain }
        return string.format == .dateTime ? .dateTime : .plain
    }

    private func structPlan(_ object: ObjectSchema, schema: Schema, name: String, qualifiedName: String) -> StructPlan {
        var nested: [Declaration] = []
        var properties: [PropertyPlan] = []
        for property in object.properties {
            var nestedName = SwiftNaming.typeName(property.name)
            if topLevelNames.contains(nestedName) || nestedName == name { nestedName += "Payload" }
            let type = resolve(property.schema, suggestedName: nestedName, qualifiedPrefix: qualifiedName, nested: &nested)
            properties.append(PropertyPlan(
                wireName: property.name, swiftName: SwiftNaming.escapedMemberName(property.name),
                bareName: SwiftNaming.memberName(property.name), type: type, isRequired: property.isRequired,
                isNullable: property.schema.isNullable || isNullableReference(property.schema), schema: property.schema,
                isIndirect: isNestedModel(property.schema)))
        }
        var additional: TypeReference?
        switch object.additionalProperties {
        case .typed(let valueSchema)?:
            let value = resolve(valueSchema, suggestedName: "AdditionalProperty", qualifiedPrefix: qualifiedName, nested: &nested)
            additional = value.coding == .dateTime ? TypeReference(swift: "String") : value
        case .allowed?:
            additional = TypeReference(swift: "JSONValue")
        case .forbidden?, nil:
            additional = nil
        }
        return StructPlan(name: name, qualifiedName: qualifiedName, schema: schema, properties: properties,
                          additionalValueType: additional, nested: nested)
    }

    /// Whether a property holds another generated struct or union by value (not in a collection).
    private func isNestedModel(_ schema: Schema) -> Bool {
        var kind = schema.kind
        if case .reference(let name) = kind, let target = document.schema(named: name)?.schema { kind = target.kind }
        switch kind {
        case .union: return true
        case .object(let object): return !object.properties.isEmpty || object.additionalProperties == .forbidden
        default: return false
        }
    }

    private func isNullableReference(_ schema: Schema) -> Bool {
        guard case .reference = schema.kind else { return false }
        return document.resolved(schema).isNullable
    }
}
