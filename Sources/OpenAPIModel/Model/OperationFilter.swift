/// A part of a large spec to generate (config key `filter`): the operations with one of `tags`,
/// one of `operationIDs`, or one of `paths`; the named schemas they reach (through their
/// parameters, bodies and headers, and the schemas those reference) come along. Webhooks stay.
public struct OperationFilter: Hashable, Sendable {
    public var tags: [String]
    public var operationIDs: [String]
    public var paths: [String]

    public init(tags: [String] = [], operationIDs: [String] = [], paths: [String] = []) {
        self.tags = tags
        self.operationIDs = operationIDs
        self.paths = paths
    }

    public var isEmpty: Bool { tags.isEmpty && operationIDs.isEmpty && paths.isEmpty }

    public func includes(_ operation: Operation) -> Bool {
        isEmpty || operationIDs.contains(operation.operationID) || paths.contains(operation.path)
            || operation.tags.contains(where: tags.contains)
    }
}

extension OpenAPIDocument {
    /// The document with only the operations `filter` includes and the named schemas they and
    /// the webhooks reach.
    public func filtered(by filter: OperationFilter) -> OpenAPIDocument {
        guard !filter.isEmpty else { return self }
        var result = self
        result.operations = operations.filter(filter.includes)
        var reached: Set<String> = []
        var pending: [Schema] = []
        for operation in result.operations {
            pending += operation.parameters.map(\.schema)
            if let body = operation.requestBody { pending.append(body.schema) }
            for response in operation.responses {
                if let schema = response.schema { pending.append(schema) }
                pending += response.headers.map(\.schema)
            }
        }
        for webhook in webhooks {
            pending.append(webhook.body)
            pending += webhook.headers.map(\.schema)
        }
        while let schema = pending.popLast() {
            switch schema.kind {
            case .reference(let name):
                if reached.insert(name).inserted, let named = self.schema(named: name) { pending.append(named.schema) }
            case .object(let object):
                pending += object.properties.map(\.schema)
                if case .typed(let value)? = object.additionalProperties { pending.append(value) }
            case .array(let array):
                pending.append(array.items)
            case .union(let union):
                for branch in union.branches where reached.insert(branch.schemaName).inserted {
                    if let named = self.schema(named: branch.schemaName) { pending.append(named.schema) }
                }
            case .choice(let choice):
                pending += choice.branches.map(\.schema)
            case .string, .integer, .number, .boolean, .any:
                break
            }
        }
        result.schemas = schemas.filter { reached.contains($0.name) }
        return result
    }
}
