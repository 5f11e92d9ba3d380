extension Renderer {
    func statements(_ statements: [Statement], indent: String) -> [String] {
        statements.flatMap { lines(of: $0, indent: indent) }
    }

    /// `header { body }`: on one line when `inline` and the body is one short simple statement.
    func block(_ header: String, _ body: [Statement], indent: String, inline: Bool) -> [String] {
        if body.isEmpty { return [indent + header + " {}"] }
        if inline, body.count == 1, let text = singleLine(body[0]) {
            let line = indent + header + " { " + text + " }"
            if line.count <= width { return [line] }
        }
        return [indent + header + " {"] + statements(body, indent: indent + indentUnit) + [indent + "}"]
    }

    func lines(of statement: Statement, indent: String) -> [String] {
        switch statement {
        case .expression(let expr):
            return expression(expr, indent: indent, lead: "", trail: "")
        case .binding(let binding):
            var lead = (binding.isMutable ? "var " : "let ") + Identifier.declared(binding.name)
            if let type = binding.type { lead += ": " + render(type) }
            guard let value = binding.value else { return [indent + lead] }
            return expression(value, indent: indent, lead: lead + " = ", trail: "")
        case .assignment(let target, let value):
            return expression(value, indent: indent, lead: flat(target) + " = ", trail: "")
        case .return(let value?):
            return expression(value, indent: indent, lead: "return ", trail: "")
        case .return(nil):
            return [indent + "return"]
        case .throw(let error):
            return expression(error, indent: indent, lead: "throw ", trail: "")
        case .if(let branches, let elseBody):
            var result: [String] = []
            for (index, branch) in branches.enumerated() {
                let keyword = index == 0 ? "if " : "} else if "
                result.append(indent + keyword + condition(branch.condition) + " {")
                result += statements(branch.body, indent: indent + indentUnit)
            }
            if let elseBody {
                result.append(indent + "} else {")
                result += statements(elseBody, indent: indent + indentUnit)
            }
            return result + [indent + "}"]
        case .for(let pattern, let sequence, let condition, let body):
            var header = "for " + render(pattern, inBinding: false) + " in " + flat(sequence)
            if let condition { header += " where " + flat(condition) }
            return block(header, body, indent: indent, inline: false)
        case .switch(let subject, let cases):
            var result = [indent + "switch " + flat(subject) + " {"]
            for switchCase in cases {
                let label = switchCase.patterns.isEmpty
                    ? "default:" : "case " + switchCase.patterns.map { render($0, inBinding: true) }.joined(separator: ", ") + ":"
                if switchCase.body.count == 1, let text = singleLine(switchCase.body[0]),
                   (indent + label + " " + text).count <= width {
                    result.append(indent + label + " " + text)
                } else {
                    result.append(indent + label)
                    result += statements(switchCase.body.isEmpty ? [.break] : switchCase.body, indent: indent + indentUnit)
                }
            }
            return result + [indent + "}"]
        case .break:
            return [indent + "break"]
        case .raw(let text):
            return [indent + text]
        }
    }

    /// The statement on one line, or `nil` when it is a block or holds a closure of several lines.
    func singleLine(_ statement: Statement) -> String? {
        switch statement {
        case .expression(let expr): return singleLine(expr)
        case .binding(let binding):
            var text = (binding.isMutable ? "var " : "let ") + Identifier.declared(binding.name)
            if let type = binding.type { text += ": " + render(type) }
            guard let value = binding.value else { return text }
            return singleLine(value).map { text + " = " + $0 }
        case .assignment(let target, let value):
            guard let target = singleLine(target), let value = singleLine(value) else { return nil }
            return target + " = " + value
        case .return(let value?): return singleLine(value).map { "return " + $0 }
        case .return(nil): return "return"
        case .throw(let error): return singleLine(error).map { "throw " + $0 }
        case .break: return "break"
        case .raw(let text): return text
        case .if, .for, .switch: return nil
        }
    }

    func condition(_ condition: Condition) -> String {
        switch condition {
        case .expression(let expr): flat(expr)
        case .optionalBinding(let name, nil): "let " + Identifier.declared(name)
        case .optionalBinding(let name, let value?): "let " + Identifier.declared(name) + " = " + flat(value)
        case .matches(let pattern, let value): "case " + render(pattern, inBinding: true) + " = " + flat(value)
        }
    }

    /// A pattern; in `case` patterns a binding is `let x`, in `for` patterns just `x`.
    func render(_ pattern: Pattern, inBinding: Bool) -> String {
        switch pattern {
        case .expression(let expr): flat(expr)
        case .enumCase(let name, let bindings):
            "." + Identifier.member(name)
                + (bindings.isEmpty ? "" : "(" + bindings.map { "let " + Identifier.declared($0) }.joined(separator: ", ") + ")")
        case .binding(let name): (inBinding ? "let " : "") + Identifier.declared(name)
        case .tuple(let elements): "(" + elements.map { render($0, inBinding: inBinding) }.joined(separator: ", ") + ")"
        case .optional(let wrapped): render(wrapped, inBinding: inBinding) + "?"
        case .wildcard: "_"
        }
    }
}
