extension Renderer {
    /// The lines of `expr` written after `lead` and before `trail` at `indent`: one line when it
    /// fits the width, otherwise the outermost argument list, collection or closure is broken,
    /// one element per line, and so on inwards.
    func expression(_ expr: Expr, indent: String, lead: String, trail: String) -> [String] {
        if let text = singleLine(expr), (indent + lead + text + trail).count <= width {
            return [indent + lead + text + trail]
        }
        let inner = indent + indentUnit
        switch expr {
        case .call(let callee, let arguments, let trailingClosure):
            let head = indent + lead + flat(callee)
            var result: [String]
            var closing: String
            let argumentText = arguments.map(argument).compactMap { $0 }
            if arguments.isEmpty {
                result = []
                closing = head
            } else if argumentText.count == arguments.count, trailingClosure != nil,
                      (head + "(" + argumentText.joined(separator: ", ") + ") {").count <= width {
                result = []
                closing = head + "(" + argumentText.joined(separator: ", ") + ")"
            } else {
                result = [head + "("]
                for (index, argument) in arguments.enumerated() {
                    let label = argument.label.map { Identifier.label($0) + ": " } ?? ""
                    result += expression(argument.value, indent: inner, lead: label, trail: index == arguments.count - 1 ? "" : ",")
                }
                closing = indent + ")"
            }
            guard let closure = trailingClosure else { return result + [closing + trail] }
            return result + closureLines(closure, indent: indent, opening: closing + " ", trail: trail)
        case .array(let elements) where !elements.isEmpty:
            return [indent + lead + "["]
                + elements.flatMap { expression($0, indent: inner, lead: "", trail: ",") }
                + [indent + "]" + trail]
        case .dictionary(let entries) where !entries.isEmpty:
            return [indent + lead + "["]
                + entries.flatMap { expression($0.value, indent: inner, lead: flat($0.key) + ": ", trail: ",") }
                + [indent + "]" + trail]
        case .closure(let closure):
            return closureLines(closure, indent: indent, opening: indent + lead, trail: trail)
        case .try(let wrapped):
            return expression(wrapped, indent: indent, lead: lead + "try ", trail: trail)
        case .tryOptional(let wrapped):
            return expression(wrapped, indent: indent, lead: lead + "try? ", trail: trail)
        case .await(let wrapped):
            return expression(wrapped, indent: indent, lead: lead + "await ", trail: trail)
        case .member(let base?, let name):
            return expression(base, indent: indent, lead: lead, trail: "." + Identifier.member(name) + trail)
        case .binary(_, let op, _):
            // A chain of one operator breaks before each operator, one operand per line.
            let operands = expr.operands(of: op)
            return [indent + lead + flat(operands[0])]
                + operands.dropFirst().enumerated().map { index, operand in
                    inner + op + " " + flat(operand) + (index == operands.count - 2 ? trail : "")
                }
        default:
            return [indent + lead + flat(expr) + trail]
        }
    }

    private func closureLines(_ closure: Closure, indent: String, opening: String, trail: String) -> [String] {
        [opening + "{" + closureHead(closure)]
            + statements(closure.body, indent: indent + indentUnit)
            + [indent + "}" + trail]
    }

    /// ` parameters in`, ` signature in`, or nothing.
    private func closureHead(_ closure: Closure) -> String {
        if let signature = closure.signature {
            return " (" + signature.parameters.map(render).joined(separator: ", ") + ")"
                + (signature.isAsync ? " async" : "") + throwsClause(signature.throwing) + " -> " + render(signature.result) + " in"
        }
        if closure.parameters.isEmpty { return "" }
        return " " + closure.parameters.map(Identifier.declared).joined(separator: ", ") + " in"
    }

    private func argument(_ argument: Argument) -> String? {
        singleLine(argument.value).map { (argument.label.map { Identifier.label($0) + ": " } ?? "") + $0 }
    }

    /// The expression on one line; for the rare expression that cannot be (a closure of several
    /// statements in a condition), its statements are joined with `;`.
    func flat(_ expr: Expr) -> String {
        if let text = singleLine(expr) { return text }
        return expression(expr, indent: "", lead: "", trail: "").map { $0.trimmingLeadingSpaces() }.joined(separator: "; ")
    }

    /// The expression on one line, or `nil` when it holds a closure of several statements.
    func singleLine(_ expr: Expr) -> String? {
        switch expr {
        case .identifier(let name): return Identifier.declared(name)
        case .member(nil, let name): return "." + Identifier.member(name)
        case .member(let base?, let name): return singleLine(base).map { $0 + "." + Identifier.member(name) }
        case .type(let type): return render(type)
        case .metatypeOf(let type): return render(type) + ".self"
        case .call(let callee, let arguments, let trailingClosure):
            guard let callee = singleLine(callee) else { return nil }
            var parts: [String] = []
            for argument in arguments {
                guard let text = self.argument(argument) else { return nil }
                parts.append(text)
            }
            var text = callee
            if !arguments.isEmpty || trailingClosure == nil { text += "(" + parts.joined(separator: ", ") + ")" }
            if let closure = trailingClosure {
                guard let closureText = singleLine(closure) else { return nil }
                text += " " + closureText
            }
            return text
        case .string(let text): return Identifier.stringLiteral(text)
        case .integer(let value): return String(value)
        case .number(let text): return text
        case .bool(let value): return value ? "true" : "false"
        case .nil: return "nil"
        case .array(let elements):
            var parts: [String] = []
            for element in elements {
                guard let text = singleLine(element) else { return nil }
                parts.append(text)
            }
            return "[" + parts.joined(separator: ", ") + "]"
        case .dictionary(let entries):
            if entries.isEmpty { return "[:]" }
            var parts: [String] = []
            for entry in entries {
                guard let key = singleLine(entry.key), let value = singleLine(entry.value) else { return nil }
                parts.append(key + ": " + value)
            }
            return "[" + parts.joined(separator: ", ") + "]"
        case .closure(let closure): return singleLine(closure)
        case .try(let wrapped): return singleLine(wrapped).map { "try " + $0 }
        case .tryOptional(let wrapped): return singleLine(wrapped).map { "try? " + $0 }
        case .await(let wrapped): return singleLine(wrapped).map { "await " + $0 }
        case .binary(let lhs, let op, let rhs):
            guard let lhs = singleLine(lhs), let rhs = singleLine(rhs) else { return nil }
            return lhs + " " + op + " " + rhs
        case .prefix(let op, let operand): return singleLine(operand).map { op + $0 }
        case .optionalChain(let wrapped): return singleLine(wrapped).map { $0 + "?" }
        case .inout(let wrapped): return singleLine(wrapped).map { "&" + $0 }
        case .parenthesized(let wrapped): return singleLine(wrapped).map { "(" + $0 + ")" }
        case .ternary(let condition, let then, let otherwise):
            guard let condition = singleLine(condition), let then = singleLine(then), let otherwise = singleLine(otherwise) else { return nil }
            return condition + " ? " + then + " : " + otherwise
        case .subscript(let base, let arguments):
            guard let base = singleLine(base) else { return nil }
            var parts: [String] = []
            for argument in arguments {
                guard let text = self.argument(argument) else { return nil }
                parts.append(text)
            }
            return base + "[" + parts.joined(separator: ", ") + "]"
        case .raw(let text): return text
        }
    }

    private func singleLine(_ closure: Closure) -> String? {
        if closure.body.isEmpty { return "{" + closureHead(closure) + " }" }
        guard closure.body.count == 1, let statement = singleLine(closure.body[0]) else { return nil }
        return "{" + closureHead(closure) + " " + statement + " }"
    }

    // MARK: Types

    public func render(_ type: SwiftType) -> String {
        switch type {
        case .named(let path): path.joined(separator: ".")
        case .optional(let wrapped):
            if case .function = wrapped { "(" + render(wrapped) + ")?" } else { render(wrapped) + "?" }
        case .array(let element): "[" + render(element) + "]"
        case .dictionary(let key, let value): "[" + render(key) + ": " + render(value) + "]"
        case .generic(let path, let arguments): path.joined(separator: ".") + "<" + arguments.map(render).joined(separator: ", ") + ">"
        case .existential(let path): "any " + path.joined(separator: ".")
        case .function(let function):
            function.attributes.map { $0 + " " }.joined() + "(" + function.parameters.map(render).joined(separator: ", ") + ")"
                + (function.isAsync ? " async" : "") + throwsClause(function.throwing) + " -> " + render(function.result)
        }
    }
}

extension Expr {
    /// The operands of a left-nested chain of `op` (`a + b + c` → `[a, b, c]`).
    func operands(of op: String) -> [Expr] {
        if case .binary(let lhs, op, let rhs) = self { return lhs.operands(of: op) + [rhs] }
        return [self]
    }
}

extension String {
    func trimmingLeadingSpaces() -> String {
        String(drop { $0 == " " })
    }
}
