import OpenAPIModel
import SpecCore

/// Which struct- and union-valued properties are stored behind `Indirect`, by two rules:
/// 1. **Recursion**: a property whose type can hold, by value, the type it belongs to (directly
///    or through other models) is boxed; a struct cannot contain itself.
/// 2. **Depth**: a property whose type nests models by value more than ``maxDepth`` levels deep is
///    boxed, so that no struct's layout holds more than that many levels of others. Deep
///    by-value nesting makes the compiler's time and memory grow with the square of the chain (a
///    chain of 100 schemas took over 20 GiB); a box is one pointer, and its in-place mutation
///    costs no allocation.
/// Everything else is stored by value. Arrays and dictionaries already store their elements
/// out of line and never need a box.
struct BoxingRule: Sendable {
    /// How many levels of models a struct may hold by value. Chosen by `codegen-bench --compile`
    /// at N = 100 (one run each, 2 cores, see BENCHMARKS.md "Boxing by rule"): every model boxed
    /// 38.7 s and 523 MiB; this rule with 1, 35.0 s and 534 MiB; with 2, 40.3 s and 549 MiB.
    static let maxDepth = 1

    private let document: OpenAPIDocument
    /// The strongly connected component of each named schema in the by-value graph.
    private let component: [String: Int]
    /// Named schemas' by-value heights (levels of models held by value, boxes not counted).
    private var heights: [String: Int] = [:]

    init(document: OpenAPIDocument) {
        self.document = document
        var edges: [String: [String]] = [:]
        for named in document.schemas {
            edges[named.name] = Self.namedTargets(of: named.schema, document: document)
        }
        component = Self.components(of: edges, order: document.schemas.map(\.name))
        for named in document.schemas { _ = height(ofNamed: named.name) }
    }

    /// Whether `property` of a struct (or union case) declared at `ownerPointer` is boxed.
    func isBoxed(_ property: Schema, ownerPointer: String) -> Bool {
        guard let target = modelTarget(property) else { return false }
        if case .named(let name) = target, let owner = Self.ownerName(ownerPointer),
            let ownerComponent = component[owner], component[name] == ownerComponent
        {
            return true
        }
        return 1 + height(of: target) > Self.maxDepth
    }

    // MARK: The by-value graph

    private enum Target {
        case named(String)
        case inline(Schema)
    }

    /// What a property holds by value, when it is a generated struct or union.
    private func modelTarget(_ schema: Schema) -> Target? { Self.modelTarget(schema, document: document) }

    private static func modelTarget(_ schema: Schema, document: OpenAPIDocument) -> Target? {
        var current = schema
        var name: String?
        var seen: Set<String> = []
        while case .reference(let target) = current.kind, seen.insert(target).inserted, let named = document.schema(named: target) {
            name = target
            current = named.schema
        }
        guard declaresModel(current) else { return nil }
        return name.map(Target.named) ?? .inline(current)
    }

    private static func declaresModel(_ schema: Schema) -> Bool {
        switch schema.kind {
        case .union, .choice: true
        case .object(let object): !object.properties.isEmpty || object.additionalProperties == .forbidden
        default: false
        }
    }

    /// The schemas a model holds by value: its properties' models, and a union's branches.
    private static func children(of schema: Schema) -> [Schema] {
        switch schema.kind {
        case .object(let object): object.properties.map(\.schema)
        case .union(let union):
            union.branches.map { Schema(kind: .reference($0.schemaName), pointer: schema.pointer, location: schema.location) }
        case .choice(let choice): choice.branches.map(\.schema)
        default: []
        }
    }

    /// Named schemas held by value anywhere in `schema`'s own layout (through inline models).
    private static func namedTargets(of schema: Schema, document: OpenAPIDocument) -> [String] {
        var result: [String] = []
        var pending = children(of: schema)
        while let child = pending.popLast() {
            switch modelTarget(child, document: document) {
            case .named(let name)?: result.append(name)
            case .inline(let inline)?: pending += children(of: inline)
            case nil: break
            }
        }
        return result
    }

    // MARK: Heights

    private mutating func height(ofNamed name: String) -> Int {
        if let known = heights[name] { return known }
        guard let schema = document.schema(named: name)?.schema else { return 0 }
        heights[name] = 0  // a cycle is boxed, so it adds nothing
        let value = height(ofModel: schema, owner: name)
        heights[name] = value
        return value
    }

    private func height(of target: Target) -> Int {
        switch target {
        case .named(let name): heights[name] ?? 0
        case .inline(let schema): inlineHeight(schema)
        }
    }

    /// Levels held by value, counting only what is not boxed.
    private mutating func height(ofModel schema: Schema, owner: String) -> Int {
        var result = 0
        for child in Self.children(of: schema) {
            guard let target = modelTarget(child) else { continue }
            let childHeight: Int
            switch target {
            case .named(let name):
                if component[name] == component[owner] { continue }
                childHeight = height(ofNamed: name)
            case .inline(let inline):
                childHeight = height(ofModel: inline, owner: owner)
            }
            if 1 + childHeight <= Self.maxDepth { result = max(result, 1 + childHeight) }
        }
        return result
    }

    private func inlineHeight(_ schema: Schema) -> Int {
        var result = 0
        for child in Self.children(of: schema) {
            guard let target = modelTarget(child) else { continue }
            let childHeight = height(of: target)
            if 1 + childHeight <= Self.maxDepth { result = max(result, 1 + childHeight) }
        }
        return result
    }

    /// `Analysis` for `#/components/schemas/Analysis/properties/…`; `nil` outside components.
    private static func ownerName(_ pointer: String) -> String? {
        let prefix = "#/components/schemas/"
        guard pointer.hasPrefix(prefix) else { return nil }
        let token = pointer.dropFirst(prefix.count).split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        return PointerToken.unescaped(token)
    }

    /// Tarjan's strongly connected components, iterative, numbered in a stable order.
    private static func components(of edges: [String: [String]], order: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        var low: [String: Int] = [:]
        var onStack: Set<String> = []
        var stack: [String] = []
        var result: [String: Int] = [:]
        var counter = 0
        var componentCount = 0
        for root in order where index[root] == nil {
            var work: [(node: String, next: Int)] = [(root, 0)]
            index[root] = counter
            low[root] = counter
            counter += 1
            stack.append(root)
            onStack.insert(root)
            while var frame = work.popLast() {
                let successors = edges[frame.node] ?? []
                if frame.next < successors.count {
                    let successor = successors[frame.next]
                    frame.next += 1
                    work.append(frame)
                    if index[successor] == nil {
                        index[successor] = counter
                        low[successor] = counter
                        counter += 1
                        stack.append(successor)
                        onStack.insert(successor)
                        work.append((successor, 0))
                    } else if onStack.contains(successor) {
                        low[frame.node] = min(low[frame.node] ?? 0, index[successor] ?? 0)
                    }
                    continue
                }
                if let parent = work.last {
                    low[parent.node] = min(low[parent.node] ?? 0, low[frame.node] ?? 0)
                }
                if low[frame.node] == index[frame.node] {
                    while let member = stack.popLast() {
                        onStack.remove(member)
                        result[member] = componentCount
                        if member == frame.node { break }
                    }
                    componentCount += 1
                }
            }
        }
        return result
    }
}
