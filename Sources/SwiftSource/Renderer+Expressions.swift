extension Renderer {
    /// The lines of `expr` written after `lead` and before `trail` at `indent`: one line when it
    /// fits the width, otherwise the outermost argument list, collection or closure is broken,
    /// one element per line, and so on inwards.
    func expression(_ expr: Expr, indent: String, lead: String, trail: String, into out: inout TextBuffer) {
        var line = TextBuffer(capacity: 128)
        line += indent
        line += lead
        if append(expr, to: &line), line.columns + trail.columns <= width {
            out += line
            out += trail
            out += "\n"
            return
        }
        let inner = indent + indentUnit
        switch expr {
        case .call(let callee, let arguments, let trailingClosure):
            let head = indent + lead + flat(callee)
            var closing: String
            let argumentText = arguments.map(argument).compactMap { $0 }
            if arguments.isEmpty {
                closing = head
            } else if argumentText.count == arguments.count, trailingClosure != nil,
                (head + "(" + argumentText.joined(separator: ", ") + ") {").columns <= width
            {
                closing = head + "(" + argumentText.joined(separator: ", ") + ")"
            } else {
                out += head + "(\n"
                for (index, argument) in arguments.enumerated() {
                    let label = argument.label.map { Identifier.label($0) + ": " } ?? ""
                    expression(argument.value, indent: inner, lead: label, trail: index == arguments.count - 1 ? "" : ",", into: &out)
                }
                closing = indent + ")"
            }
            guard let closure = trailingClosure else {
                out += closing + trail + "\n"
                return
            }
            closureLines(closure, indent: indent, opening: closing + " ", trail: trail, into: &out)
        case .array(let elements) where !elements.isEmpty:
            out += indent + lead + "[\n"
            for element in elements { expression(element, indent: inner, lead: "", trail: ",", into: &out) }
            out += indent + "]" + trail + "\n"
        case .dictionary(let entries) where !entries.isEmpty:
            out += indent + lead + "[\n"
            for entry in entries { expression(entry.value, indent: inner, lead: flat(entry.key) + ": ", trail: ",", into: &out) }
            out += indent + "]" + trail + "\n"
        case .closure(let closure):
            closureLines(closure, indent: indent, opening: indent + lead, trail: trail, into: &out)
        case .try(let wrapped):
            expression(wrapped, indent: indent, lead: lead + "try ", trail: trail, into: &out)
        case .tryOptional(let wrapped):
            expression(wrapped, indent: indent, lead: lead + "try? ", trail: trail, into: &out)
        case .await(let wrapped):
            expression(wrapped, indent: indent, lead: lead + "await ", trail: trail, into: &out)
        case .member(let base?, let name):
            expression(base, indent: indent, lead: lead, trail: "." + Identifier.member(name) + trail, into: &out)
        case .binary(_, let op, _):
            // A chain of one operator breaks before each operator, one operand per line; of two
            // operands, the first breaks inside and the second follows it (`) ?? fallback`).
            let operands = expr.operands(of: op)
            if operands.count == 2, let last = singleLine(operands[1]) {
                expression(operands[0], indent: indent, lead: lead, trail: " " + op + " " + last + trail, into: &out)
                return
            }
            expression(operands[0], indent: indent, lead: lead, trail: "", into: &out)
            for (index, operand) in operands.dropFirst().enumerated() {
                expression(operand, indent: inner, lead: op + " ", trail: index == operands.count - 2 ? trail : "", into: &out)
            }
        default:
            out += indent + lead + flat(expr) + trail + "\n"
        }
    }

    private func closureLines(_ closure: Closure, indent: String, opening: String, trail: String, into out: inout TextBuffer) {
        out += opening + "{" + closureHead(closure) + "\n"
        statements(closure.body, indent: indent + indentUnit, into: &out)
        out += indent + "}" + trail + "\n"
    }

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
        var out = TextBuffer()
        expression(expr, indent: "", lead: "", trail: "", into: &out)
        return out.string.split(separator: "\n").map { String($0).trimmingLeadingSpaces() }.joined(separator: "; ")
    }

    /// The expression on one line, or `nil` when it holds a closure of several statements.
    func singleLine(_ expr: Expr) -> String? {
        var out = TextBuffer(capacity: 64)
        return append(expr, to: &out) ? out.string : nil
    }

    /// Appends the expression on one line to `out`; `false` (with `out` partly written) when it
    /// holds a closure of several statements. Writing into one buffer, rather than joining the
    /// strings of subexpressions, keeps rendering linear in the size of the code.
    func append(_ expr: Expr, to out: inout TextBuffer) -> Bool {
        switch expr {
        case .identifier(let name): out += Identifier.declared(name)
        case .member(nil, let name):
            out += "."
            out += Identifier.member(name)
        case .member(let base?, let name):
            guard append(base, to: &out) else { return false }
            out += "."
            out += Identifier.member(name)
        case .type(let type): out += render(type)
        case .metatypeOf(let type):
            out += render(type)
            out += ".self"
        case .call(let callee, let arguments, let trailingClosure):
            guard append(callee, to: &out) else { return false }
            if !arguments.isEmpty || trailingClosure == nil {
                out += "("
                guard appendArguments(arguments, to: &out) else { return false }
                out += ")"
            }
            if let closure = trailingClosure {
                out += " "
                guard append(closure, to: &out) else { return false }
            }
        case .string(let text): out += Identifier.stringLiteral(text)
        case .integer(let value): out += String(value)
        case .number(let text): out += text
        case .bool(let value): out += value ? "true" : "false"
        case .nil: out += "nil"
        case .array(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += ", " }
                guard append(element, to: &out) else { return false }
            }
            out += "]"
        case .dictionary(let entries):
            if entries.isEmpty {
                out += "[:]"
                return true
            }
            out += "["
            for (index, entry) in entries.enumerated() {
                if index > 0 { out += ", " }
                guard append(entry.key, to: &out) else { return false }
                out += ": "
                guard append(entry.value, to: &out) else { return false }
            }
            out += "]"
        case .closure(let closure): return append(closure, to: &out)
        case .try(let wrapped):
            out += "try "
            return append(wrapped, to: &out)
        case .tryOptional(let wrapped):
            out += "try? "
            return append(wrapped, to: &out)
        case .await(let wrapped):
            out += "await "
            return append(wrapped, to: &out)
        case .binary(let lhs, let op, let rhs):
            guard append(lhs, to: &out) else { return false }
            // Range operators are written without spaces, as Swift code usually is (`400...499`).
            out += op == "..." || op == "..<" ? op : " " + op + " "
            return append(rhs, to: &out)
        case .prefix(let op, let operand):
            out += op
            return append(operand, to: &out)
        case .optionalChain(let wrapped):
            guard append(wrapped, to: &out) else { return false }
            out += "?"
        case .forceUnwrapped(let wrapped):
            guard append(wrapped, to: &out) else { return false }
            out += "!"
        case .inout(let wrapped):
            out += "&"
            return append(wrapped, to: &out)
        case .parenthesized(let wrapped):
            out += "("
            guard append(wrapped, to: &out) else { return false }
            out += ")"
        case .ternary(let condition, let then, let otherwise):
            guard append(condition, to: &out) else { return false }
            out += " ? "
            guard append(then, to: &out) else { return false }
            out += " : "
            return append(otherwise, to: &out)
        case .subscript(let base, let arguments):
            guard append(base, to: &out) else { return false }
            out += "["
            guard appendArguments(arguments, to: &out) else { return false }
            out += "]"
        case .raw(let text): out += text
        }
        return true
    }

    private func appendArguments(_ arguments: [Argument], to out: inout TextBuffer) -> Bool {
        for (index, argument) in arguments.enumerated() {
            if index > 0 { out += ", " }
            if let label = argument.label {
                out += Identifier.label(label)
                out += ": "
            }
            guard append(argument.value, to: &out) else { return false }
        }
        return true
    }

    private func append(_ closure: Closure, to out: inout TextBuffer) -> Bool {
        if closure.body.isEmpty {
            out += "{" + closureHead(closure) + " }"
            return true
        }
        guard closure.body.count == 1, let statement = singleLine(closure.body[0]) else { return false }
        out += "{" + closureHead(closure) + " " + statement + " }"
        return true
    }

    // MARK: Types

    public func render(_ type: SwiftType) -> String {
        switch type {
        case .named(let path): path.count == 1 ? path[0] : path.joined(separator: ".")
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
