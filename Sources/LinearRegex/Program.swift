/// One step of a compiled pattern. Consuming instructions read one scalar; the others are
/// followed without reading (the ε-moves of a Thompson NFA).
enum Instruction: Sendable {
    /// Consumes exactly this scalar.
    case scalar(Unicode.Scalar)
    /// Consumes any scalar but a line terminator (`.`).
    case any
    /// Consumes a scalar of `Program.classes[index]`.
    case set(Int)
    /// Continues at both targets.
    case split(Int, Int)
    case jump(Int)
    /// Continues at the next instruction if the assertion holds here.
    case assert(Assertion)
    case match
}

/// A compiled pattern: instructions starting at 0, and the classes they refer to.
struct Program: Sendable {
    var instructions: [Instruction] = []
    var classes: [ScalarClass] = []
    /// Whether every match must start at the start of the text (the program begins with `^`),
    /// so that the search need not start new threads later on.
    var isAnchoredAtStart = false
}

/// Emits the instructions for a parsed pattern; the parser has already bounded their number.
enum Compiler {
    static func compile(_ tree: Node) -> Program {
        var program = Program()
        program.instructions.reserveCapacity(tree.size + 1)
        emit(tree, into: &program)
        program.instructions.append(.match)
        if case .assert(.start)? = program.instructions.first {
            program.isAnchoredAtStart = true
        }
        return program
    }

    private static func emit(_ node: Node, into program: inout Program) {
        switch node.kind {
        case .empty:
            break
        case .scalar(let scalar):
            program.instructions.append(.scalar(scalar))
        case .any:
            program.instructions.append(.any)
        case .set(let set):
            program.instructions.append(.set(program.classes.count))
            program.classes.append(set)
        case .assertion(let assertion):
            program.instructions.append(.assert(assertion))
        case .concatenation(let nodes):
            for child in nodes { emit(child, into: &program) }
        case .alternation(let nodes):
            emitAlternation(nodes, into: &program)
        case .repetition(let child, let min, let max):
            for _ in 0..<min { emit(child, into: &program) }
            if let max {
                emitOptionalCopies(of: child, count: max - min, into: &program)
            } else {
                emitLoop(child, into: &program)
            }
        }
    }

    /// `split(first, next)`, first, `jump(end)`, next… with the last alternative falling through.
    private static func emitAlternation(_ nodes: [Node], into program: inout Program) {
        var jumpsToEnd: [Int] = []
        for (position, child) in nodes.enumerated() {
            if position == nodes.count - 1 {
                emit(child, into: &program)
                break
            }
            let split = program.instructions.count
            program.instructions.append(.split(split + 1, -1))
            emit(child, into: &program)
            jumpsToEnd.append(program.instructions.count)
            program.instructions.append(.jump(-1))
            program.instructions[split] = .split(split + 1, program.instructions.count)
        }
        let end = program.instructions.count
        for jump in jumpsToEnd { program.instructions[jump] = .jump(end) }
    }

    /// `e{0,n}` as n times (`split(next, end)`, e): each copy may be skipped to the end.
    private static func emitOptionalCopies(of child: Node, count: Int, into program: inout Program) {
        var splits: [Int] = []
        for _ in 0..<count {
            splits.append(program.instructions.count)
            program.instructions.append(.split(-1, -1))
            emit(child, into: &program)
        }
        let end = program.instructions.count
        for split in splits { program.instructions[split] = .split(split + 1, end) }
    }

    /// `e*` as `L: split(body, end)`, e, `jump(L)`.
    private static func emitLoop(_ child: Node, into program: inout Program) {
        let loop = program.instructions.count
        program.instructions.append(.split(-1, -1))
        emit(child, into: &program)
        program.instructions.append(.jump(loop))
        program.instructions[loop] = .split(loop + 1, program.instructions.count)
    }
}
