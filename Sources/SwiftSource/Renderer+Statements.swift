extension Renderer {
    func statements(_ statements: [Statement], indent: String, into out: inout TextBuffer) {
        for statement in statements { lines(of: statement, indent: indent, into: &out) }
    }

    /// `header { body }`: on one line when `inline` and the body is one short simple statement.
    func block(_ header: String, _ body: [Statement], indent: String, inline: Bool, into out: inout TextBuffer) {
        if body.isEmpty {
            out += indent + header + " {}\n"
            return
        }
        if inline, body.count == 1, let text = singleLine(body[0]) {
            let line = indent + header + " { " + text + " }"
            if line.columns <= width {
                out += line + "\n"
                return
            }
        }
        out += indent + header + " {\n"
        statements(body, indent: indent + indentUnit, into: &out)
        out += indent + "}\n"
    }

    func lines(of statement: Statement, indent: String, into out: inout TextBuffer) {
        switch statement {
        case .expression(let expr):
            expression(expr, indent: indent, lead: "", trail: "", into: &out)
        case .binding(let binding):
            var lead = (binding.isMutable ? "var " : "let ") + Identifier.declared(binding.name)
            if let type = binding.type { lead += ": " + render(type) }
            guard let value = binding.value else {
                out += indent + lead + "\n"
                return
            }
            expression(value, indent: indent, lead: lead + " = ", trail: "", into: &out)
        case .assignment(let target, let value):
            expression(value, indent: indent, lead: flat(target) + " = ", trail: "", into: &out)
        case .return(let value?):
            expression(value, indent: indent, lead: "return ", trail: "", into: &out)
        case .return(nil):
            out += indent + "return\n"
        case .throw(let error):
            expression(error, indent: indent, lead: "throw ", trail: "", into: &out)
        case .yield(let value):
            expression(value, indent: indent, lead: "yield ", trail: "", into: &out)
        case .if(let branches, let elseBody):
            for (index, branch) in branches.enumerated() {
                let keyword = index == 0 ? "if " : "} else if "
                out += indent + keyword + condition(branch.condition) + " {\n"
                statements(branch.body, indent: indent + indentUnit, into: &out)
            }
            if let elseBody {
                out += indent + "} else {\n"
                statements(elseBody, indent: indent + indentUnit, into: &out)
            }
            out += indent + "}\n"
        case .for(let pattern, let sequence, let condition, let body):
            var header = "for " + render(pattern, inBinding: false) + " in " + flat(sequence)
            if let condition { header += " where " + flat(condition) }
            block(header, body, indent: indent, inline: false, into: &out)
        case .switch(let subject, let cases):
            out += indent + "switch " + flat(subject) + " {\n"
            for switchCase in cases {
                let label =
                    switchCase.patterns.isEmpty
                    ? "default:" : "case " + switchCase.patterns.map { render($0, inBinding: true) }.joined(separator: ", ") + ":"
                if switchCase.body.count == 1, let text = singleLine(switchCase.body[0]),
                    (indent + label + " " + text).columns <= width
                {
                    out += indent + label + " " + text + "\n"
                } else {
                    out += indent + label + "\n"
                    statements(switchCase.body.isEmpty ? [.break] : switchCase.body, indent: indent + indentUnit, into: &out)
                }
            }
            out += indent + "}\n"
        case .break:
            out += indent + "break\n"
        case .raw(let text):
            out += indent + text + "\n"
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
        case .yield(let value): return singleLine(value).map { "yield " + $0 }
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
