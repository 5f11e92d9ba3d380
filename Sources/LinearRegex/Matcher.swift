/// A Pike VM without captures: the set of live threads (one per instruction at most) advances
/// over the text one scalar at a time, so a search costs O(text × instructions) and never backtracks.
struct Matcher {
    let program: Program

    /// ECMA-262 LineTerminator, which `.` does not match.
    static func isLineTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x2028, 0x2029: true
        default: false
        }
    }

    /// ECMA-262 `\w` for `\b`: ASCII letters, digits and `_`.
    static func isWordCharacter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar, scalar.isASCII else { return false }
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_": return true
        default: return false
        }
    }

    /// Whether the pattern matches starting anywhere in `text`.
    func matches(_ text: String.UnicodeScalarView) -> Bool {
        let instructions = program.instructions
        // The position at which each instruction was last added, so that it is added once a step.
        var addedAt = [Int](repeating: -1, count: instructions.count)
        var stack: [Int] = []
        // Threads waiting to consume the current scalar, and those that will continue after it.
        var waiting: [Int] = []
        var seeds: [Int] = []
        var previous: Unicode.Scalar?
        var iterator = text.makeIterator()
        var current = iterator.next()
        var position = 0
        while true {
            if position == 0 || !program.isAnchoredAtStart {
                seeds.append(0)
            } else if seeds.isEmpty {
                return false
            }
            // Follow the ε-moves from every seed, in order, collecting consuming instructions.
            waiting.removeAll(keepingCapacity: true)
            for seed in seeds {
                stack.append(seed)
                while let pc = stack.popLast() {
                    if addedAt[pc] == position { continue }
                    addedAt[pc] = position
                    switch instructions[pc] {
                    case .match:
                        return true
                    case .jump(let target):
                        stack.append(target)
                    case .split(let first, let second):
                        stack.append(second)
                        stack.append(first)
                    case .assert(let assertion):
                        if holds(assertion, previous: previous, current: current) { stack.append(pc + 1) }
                    case .scalar, .any, .set:
                        waiting.append(pc)
                    }
                }
            }
            guard let scalar = current else { return false }
            seeds.removeAll(keepingCapacity: true)
            for pc in waiting where consumes(instructions[pc], scalar) {
                seeds.append(pc + 1)
            }
            previous = scalar
            current = iterator.next()
            position += 1
        }
    }

    private func consumes(_ instruction: Instruction, _ scalar: Unicode.Scalar) -> Bool {
        switch instruction {
        case .scalar(let expected): scalar == expected
        case .any: !Self.isLineTerminator(scalar)
        case .set(let index): program.classes[index].contains(scalar)
        case .split, .jump, .assert, .match: false
        }
    }

    private func holds(_ assertion: Assertion, previous: Unicode.Scalar?, current: Unicode.Scalar?) -> Bool {
        switch assertion {
        case .start: previous == nil
        case .end: current == nil
        case .wordBoundary: Self.isWordCharacter(previous) != Self.isWordCharacter(current)
        case .notWordBoundary: Self.isWordCharacter(previous) == Self.isWordCharacter(current)
        }
    }
}
