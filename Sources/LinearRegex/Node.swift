/// A zero-width condition on the scalars either side of the current position.
enum Assertion: Sendable, Hashable {
    case start, end, wordBoundary, notWordBoundary
}

/// The parsed pattern. Each node knows the size of the program it compiles to, so that the parser
/// can refuse an oversized repetition where it is written, before anything is expanded.
struct Node: Sendable {
    indirect enum Kind: Sendable {
        case empty
        case scalar(Unicode.Scalar)
        case any
        case set(ScalarClass)
        case assertion(Assertion)
        case concatenation([Node])
        case alternation([Node])
        /// `max == nil` is unbounded.
        case repetition(Node, min: Int, max: Int?)
    }

    let kind: Kind
    /// Instructions this node compiles to, saturated at `Int.max / 4`.
    let size: Int

    static let empty = Node(kind: .empty, size: 0)

    static func single(_ kind: Kind) -> Node { Node(kind: kind, size: 1) }

    static func concatenation(_ nodes: [Node]) -> Node {
        switch nodes.count {
        case 0: return .empty
        case 1: return nodes[0]
        default: return Node(kind: .concatenation(nodes), size: nodes.reduce(0) { add($0, $1.size) })
        }
    }

    /// One split and one jump per alternative after the first.
    static func alternation(_ nodes: [Node]) -> Node {
        if nodes.count == 1 { return nodes[0] }
        let branches = multiply(2, nodes.count - 1)
        return Node(kind: .alternation(nodes), size: add(branches, nodes.reduce(0) { add($0, $1.size) }))
    }

    /// `min` copies, then either a loop (split, operand, jump) or `max - min` optional copies
    /// (split, operand); the compiler emits exactly this.
    static func repetition(_ node: Node, min: Int, max: Int?) -> Node {
        let required = multiply(min, node.size)
        let optional = max.map { multiply($0 - min, add(node.size, 1)) } ?? add(node.size, 2)
        return Node(kind: .repetition(node, min: min, max: max), size: add(required, optional))
    }

    static let saturation = Int.max / 4

    static func add(_ a: Int, _ b: Int) -> Int { Swift.min(a + b, saturation) }

    static func multiply(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? saturation : Swift.min(product, saturation)
    }
}
