import OpenAPIModel
import SwiftSource

/// A Swift type the emitter declares, planned before any code is built.
indirect enum PlannedType: Sendable {
    case structure(StructPlan)
    case stringEnum(EnumPlan)
    case union(UnionPlan)
    case choice(ChoicePlan)
    /// A named schema that is just another type (`typealias SessionID = String`).
    case alias(name: String, type: SwiftType, schema: Schema)

    var name: String {
        switch self {
        case .structure(let plan): plan.name
        case .stringEnum(let plan): plan.name
        case .union(let plan): plan.name
        case .choice(let plan): plan.name
        case .alias(let name, _, _): name
        }
    }
}

/// How a value is written to and read from JSON beyond plain `Codable`.
enum CodingStyle: Equatable, Sendable {
    case plain
    /// `Date` from an RFC 3339 string, through the runtime's date-time coding; also a collection
    /// of them (`[Date]`, `[String: Date?]`), coded through `DateTimeCoding`.
    case dateTime
}

/// The Swift type of a schema, with how it is coded.
struct TypeReference: Sendable {
    var type: SwiftType
    var coding: CodingStyle = .plain
}

struct PropertyPlan: Sendable {
    var wireName: String
    /// The Swift member name (unescaped: the renderer escapes it where needed).
    var name: String
    var type: TypeReference
    /// Always present in the Swift value: required by the schema, or given its default on decode.
    var isRequired: Bool
    var isNullable: Bool
    var schema: Schema
    /// The spec's `default`, applied when the member is absent (see ``TypePlan/applyingDecodeDefaults(to:)``).
    var decodeDefault: Expr?
    /// Stored behind `Indirect` (a generated struct or union held by value): see `Indirect`.
    var isIndirect = false

    /// Deprecated in the spec: the public member carries `@available(*, deprecated)` and is a
    /// computed accessor over storage that is not deprecated, which generated code uses instead,
    /// so that building the SDK raises no warning about its own code (only users' uses warn).
    var isDeprecated: Bool { schema.isDeprecated }

    /// The storage of a deprecated or `Indirect` property, under the public member.
    var storageName: String { "_" + name }

    /// The value held in ``storageName`` on `base` (`nil`: the implicit `self` of an accessor):
    /// `_name`, or `_name.wrappedValue` behind `Indirect`.
    func storedValue(on base: Expr?) -> Expr {
        let storage = base.map { $0.dot(storageName) } ?? .id(storageName)
        return isIndirect ? storage.dot("wrappedValue") : storage
    }

    /// The member through which generated code reads and writes the value on `base`: the property
    /// itself, or a deprecated property's storage.
    func access(on base: Expr) -> Expr {
        isDeprecated ? storedValue(on: base) : base.dot(name)
    }

    /// `T` when required and not nullable, `T?` when absent or null may be told apart from each
    /// other by the schema, and `Nullable<T>?` when it may be both.
    var declaredType: SwiftType {
        switch (isRequired, isNullable) {
        case (true, false): type.type
        case (true, true), (false, false): .optional(type.type)
        case (false, true): .optional(.generic(["Nullable"], [type.type]))
        }
    }
}

struct StructPlan: Sendable {
    var name: String
    var type: SwiftType
    var schema: Schema
    var properties: [PropertyPlan]
    /// The type of members beyond the named properties, kept when `additionalProperties` is set.
    var additionalValueType: SwiftType?
    /// Whether those members hold date-times (coded as RFC 3339 text).
    var additionalValuesAreDateTimes = false
    var nested: [PlannedType]
}

struct EnumPlan: Sendable {
    struct Case: Sendable {
        var value: String
        var name: String
    }

    var name: String
    var type: SwiftType
    var schema: Schema
    var cases: [Case]
    /// The case holding values the spec does not list.
    var fallbackCase: String
}

struct UnionPlan: Sendable {
    struct Case: Sendable {
        var branch: UnionSchema.Branch
        var name: String
        var type: SwiftType
    }

    var name: String
    var type: SwiftType
    var schema: Schema
    var union: UnionSchema
    var cases: [Case]
}

/// An enum for an untagged `oneOf`/`anyOf`: a case per branch, tried in the spec's order.
struct ChoicePlan: Sendable {
    struct Case: Sendable {
        var branch: ChoiceSchema.Branch
        var name: String
        var type: TypeReference
    }

    var name: String
    var type: SwiftType
    var schema: Schema
    var choice: ChoiceSchema
    var cases: [Case]
    /// Types declared by inline branches, nested in the enum.
    var nested: [PlannedType]
}

/// Decides every type the emitter declares and the Swift type of every schema: named schemas
/// become top-level types, inline objects and enums become types nested where they stand.
/// Every name comes from the ``Namer`` and is claimed in the ``NameScope`` it lives in.
struct TypePlan: Sendable {
    let document: OpenAPIDocument
    let namer: Namer
    let diagnostics: DiagnosticSink
    /// Which model-valued properties are stored behind `Indirect`.
    let boxing: BoxingRule
    private(set) var declarations: [PlannedType] = []
    /// Swift types of the named schemas, by schema name.
    private(set) var namedTypes: [String: SwiftType] = [:]
    private(set) var topLevel: NameScope
    private(set) var operationTypes: [String: OperationTypes] = [:]
    private(set) var webhookTypes: [String: TypeReference] = [:]
    /// Inline schemas already given a top-level type, by structure.
    private var sharedInlineTypes: [String: TypeReference] = [:]

    /// A parameter's key in ``OperationTypes/parameters``: its location and name, since a path
    /// and a query parameter may share a name.
    static func parameterKey(_ parameter: OpenAPIModel.Parameter) -> String {
        parameter.location.rawValue + ":" + parameter.name
    }

    /// The Swift types of an operation's parameters and bodies.
    struct OperationTypes: Sendable {
        var parameters: [String: TypeReference] = [:]
        var requestBody: TypeReference?
        /// The enum of the encodings the caller may send the body in, when it declares several.
        var bodyFormat: SwiftType?
        /// By status code; `0` stands for `default`.
        var responses: [Int: TypeReference] = [:]
    }

    init(document: OpenAPIDocument, namer: Namer, reservedTopLevelNames: [String], diagnostics: DiagnosticSink) {
        self.document = document
        self.namer = namer
        self.diagnostics = diagnostics
        boxing = BoxingRule(document: document)
        topLevel = NameScope("the module's top-level types")
        topLevel.reserve(reservedTopLevelNames, by: "a generated type")
        for named in document.schemas {
            let name = topLevel.claim(
                namer.typeName(named.name, pointer: named.schema.pointer), for: "schema '\(named.name)'",
                at: named.schema.location, diagnostics: diagnostics)
            namedTypes[named.name] = .named([name])
        }
        for named in document.schemas {
            let name = namedTypes[named.name]?.path?.first ?? Namer.typeName(named.name)
            declarations.append(declaration(for: named.schema, name: name))
        }
        for operation in document.operations {
            planOperation(operation)
        }
        for webhook in document.webhooks {
            webhookTypes[webhook.name] = topLevelType(for: webhook.body, suggestedName: Namer.typeName(webhook.name) + "Event")
        }
        indexDeclarations(declarations)
        declarations = applyingDecodeDefaults(to: declarations)
        indexDeclarations(declarations)
    }

    /// Planned structs and enums by their Swift type, wherever they are nested.
    private(set) var structs: [SwiftType: StructPlan] = [:]
    private(set) var enums: [SwiftType: EnumPlan] = [:]

    /// Named schemas that are aliases, by their type: what they stand for.
    private(set) var aliases: [SwiftType: SwiftType] = [:]

    /// What a type stands for once aliases are followed (`typealias Count = Int` → `Int`).
    func underlying(_ type: SwiftType) -> SwiftType {
        var current = type
        var seen: Set<SwiftType> = []
        while let target = aliases[current], seen.insert(current).inserted { current = target }
        return current
    }

    /// The struct a type is, following aliases (`typealias JobAlias = Job`).
    func structPlan(for type: SwiftType) -> StructPlan? {
        var current = type
        var seen: Set<SwiftType> = []
        while structs[current] == nil, let target = aliases[current], seen.insert(current).inserted { current = target }
        return structs[current]
    }

    private mutating func indexDeclarations(_ declarations: [PlannedType]) {
        for declaration in declarations {
            switch declaration {
            case .structure(let plan):
                structs[plan.type] = plan
                indexDeclarations(plan.nested)
            case .stringEnum(let plan):
                enums[plan.type] = plan
            case .alias(let name, let type, _):
                aliases[.named([name])] = type
            case .choice(let plan):
                indexDeclarations(plan.nested)
            case .union:
                break
            }
        }
    }

    private mutating func planOperation(_ operation: OpenAPIModel.Operation) {
        let base = Namer.typeName(namer.methodName(operationID: operation.operationID))
        var types = OperationTypes()
        for parameter in operation.parameters {
            types.parameters[Self.parameterKey(parameter)] = topLevelType(for: parameter.schema, suggestedName: base + Namer.typeName(parameter.name))
        }
        if let body = operation.requestBody {
            types.requestBody = bodyType(body.content, suggestedName: base + "Request")
            if !body.content.otherFormats.isEmpty {
                let name = topLevel.claim(
                    base + "BodyFormat", for: "the body formats of '\(operation.operationID)'",
                    at: body.content.schema.location, diagnostics: diagnostics)
                types.bodyFormat = .named([name])
            }
        }
        let successes = operation.responses.filter { $0.isSuccess && $0.schema != nil }
        let failures = operation.responses.filter { !$0.isSuccess && $0.schema != nil }
        for response in operation.responses {
            guard let content = response.content else { continue }
            let schema = content.schema
            let group = response.isSuccess ? successes : failures
            let stem = response.isSuccess ? "Response" : "ErrorResponse"
            let suffix =
                group.count == 1 || group.first?.schema.map(StructuralKey.of) == StructuralKey.of(schema)
                ? "" : (response.isDefault ? "Default" : response.statusText)
            var reference = bodyType(content, suggestedName: base + stem + suffix)
            // A JSON body that may be `null` (a nullable schema, or a reference to one) is optional.
            if content.encoding == .json, admitsNull(schema), reference.type != .jsonValue {
                reference.type = .optional(reference.type)
            }
            types.responses[response.statusKey] = reference
        }
        operationTypes[operation.operationID] = types
    }

    /// A text body is a `String` and a binary one `Data`, whatever their schema; JSON, form and
    /// multipart bodies are their schema's type.
    private mutating func bodyType(_ content: BodyContent, suggestedName: String) -> TypeReference {
        switch content.encoding {
        case .text: TypeReference(type: .string)
        case .binary: TypeReference(type: .data)
        case .json, .formURLEncoded, .multipart: topLevelType(for: content.schema, suggestedName: suggestedName)
        }
    }

    /// Inline schemas of operations and webhooks (request bodies, responses) get top-level types
    /// named after the operation; this plans one and returns its type.
    private mutating func topLevelType(for schema: Schema, suggestedName: String) -> TypeReference {
        let key = StructuralKey.of(schema)
        if let existing = sharedInlineTypes[key] { return existing }
        var nested: [PlannedType] = []
        var scope = topLevel.layered()
        let name = namer.nameOverrides[schema.pointer] ?? suggestedName
        let reference = resolve(schema, naming: .suggested(name), in: nil, scope: &scope, nested: &nested)
        topLevel.absorb(&scope)
        declarations += nested
        sharedInlineTypes[key] = reference
        return reference
    }

    private mutating func declaration(for schema: Schema, name: String) -> PlannedType {
        var nested: [PlannedType] = []
        var scope = topLevel.layered()
        let reference = resolve(schema, naming: .claimed(name), in: nil, scope: &scope, nested: &nested)
        topLevel.absorb(&scope)
        if let declared = nested.first, nested.count == 1, declared.name == name { return declared }
        declarations += nested.filter { $0.name != name }
        return .alias(name: name, type: reference.type, schema: schema)
    }

    /// How the type a schema may declare is named.
    enum Naming: Sendable {
        /// Already claimed in its scope (a named schema).
        case claimed(String)
        /// To be claimed in the scope it is declared in.
        case suggested(String)

        var base: String {
            switch self {
            case .claimed(let name), .suggested(let name): name
            }
        }
    }

    /// The Swift type of `schema`. A type it declares is named by `naming`, claimed in `scope`,
    /// nested in `parent` (top level when `nil`), and appended to `nested`.
    func resolve(
        _ schema: Schema, naming: Naming, in parent: SwiftType?, scope: inout NameScope,
        nested: inout [PlannedType]
    ) -> TypeReference {
        func declaredType() -> (name: String, type: SwiftType) {
            let name: String
            switch naming {
            case .claimed(let claimed): name = claimed
            case .suggested(let suggested):
                // A nested type named like a top-level one would shadow it inside its parent
                // (an array's element, named after the singular of its property, included).
                let unshadowed = parent != nil && topLevel.isTaken(suggested) ? suggested + "Payload" : suggested
                name = scope.claim(
                    namer.nameOverrides[schema.pointer] ?? unshadowed, for: "the type of '\(schema.pointer)'",
                    at: schema.location, diagnostics: diagnostics)
            }
            return (name, parent?.nested(name) ?? .named([name]))
        }
        switch schema.kind {
        case .reference(let target):
            return TypeReference(type: namedTypes[target] ?? .named([Namer.typeName(target)]), coding: codingOfNamed(target))
        case .any:
            return TypeReference(type: .named(["JSONValue"]))
        case .boolean:
            return TypeReference(type: .bool)
        case .integer(let numeric):
            return TypeReference(type: numeric.format == "int32" ? .int32 : .int)
        case .number(let numeric):
            return TypeReference(type: numeric.format == "float" ? .float : .double)
        case .string(let string):
            if schema.allowedValues != nil, !schema.isConst, let values = stringValues(schema) {
                let (name, type) = declaredType()
                nested.append(.stringEnum(enumPlan(values, schema: schema, name: name, type: type)))
                return TypeReference(type: type)
            }
            if string.isBinary { return TypeReference(type: .filePart) }
            switch string.format {
            case .dateTime?: return TypeReference(type: .date, coding: .dateTime)
            case .date?: return TypeReference(type: .named(["CalendarDate"]))
            default: return TypeReference(type: .string)
            }
        case .array(let array):
            let element = resolve(
                array.items, naming: .suggested(Namer.singularTypeName(naming.base)), in: parent,
                scope: &scope, nested: &nested)
            return TypeReference(type: .array(array.items.isNullable ? .optional(element.type) : element.type), coding: element.coding)
        case .object(let object):
            if object.properties.isEmpty, object.additionalProperties != .forbidden {
                guard case .typed(let valueSchema)? = object.additionalProperties else {
                    return TypeReference(type: .dictionary(key: .string, value: .named(["JSONValue"])))
                }
                let value = resolve(valueSchema, naming: .suggested(naming.base + "Value"), in: parent, scope: &scope, nested: &nested)
                return TypeReference(
                    type: .dictionary(key: .string, value: valueSchema.isNullable ? .optional(value.type) : value.type),
                    coding: value.coding)
            }
            let (name, type) = declaredType()
            nested.append(.structure(structPlan(object, schema: schema, name: name, type: type)))
            return TypeReference(type: type)
        case .union(let union):
            let (name, type) = declaredType()
            nested.append(.union(unionPlan(union, schema: schema, name: name, type: type)))
            return TypeReference(type: type)
        case .choice(let choice):
            let (name, type) = declaredType()
            nested.append(.choice(choicePlan(choice, schema: schema, name: name, type: type)))
            return TypeReference(type: type)
        }
    }

    /// Whether a schema, or any named schema its references pass through, admits `null`.
    func admitsNull(_ schema: Schema) -> Bool {
        var current = schema
        var seen: Set<String> = []
        while true {
            if current.isNullable { return true }
            guard case .reference(let name) = current.kind, seen.insert(name).inserted, let named = document.schema(named: name) else { return false }
            current = named.schema
        }
    }

    private func stringValues(_ schema: Schema) -> [String]? {
        let strings = (schema.allowedValues ?? []).compactMap { if case .string(let text) = $0 { text } else { nil } }
        return strings.isEmpty ? nil : strings
    }

    /// `.dateTime` when a named schema is a date-time or a collection of them, following references.
    private func codingOfNamed(_ name: String) -> CodingStyle {
        var seen: Set<String> = []
        func holdsDateTimes(_ schema: Schema) -> Bool {
            switch schema.kind {
            case .reference(let target):
                guard seen.insert(target).inserted, let named = document.schema(named: target) else { return false }
                return holdsDateTimes(named.schema)
            case .string(let string):
                return string.format == .dateTime && (schema.allowedValues == nil || schema.isConst)
            case .array(let array):
                return holdsDateTimes(array.items)
            case .object(let object):
                // Only a pure map is a Swift dictionary; an object with properties is a struct coding itself.
                guard object.properties.isEmpty, object.additionalProperties != .forbidden,
                    case .typed(let value)? = object.additionalProperties
                else { return false }
                return holdsDateTimes(value)
            case .integer, .number, .boolean, .union, .choice, .any:
                return false
            }
        }
        guard let named = document.schema(named: name) else { return .plain }
        seen.insert(name)
        return holdsDateTimes(named.schema) ? .dateTime : .plain
    }
}
