/// The one printer of generated Swift. It alone decides indentation (four spaces), blank lines
/// between declarations, backticks around names, string-literal escaping, and where lines break:
/// parameter lists, argument lists, collection literals and doc-comment prose are wrapped to
/// ``width`` columns (a string literal is never split, so only one can make a longer line).
public struct Renderer: Sendable {
    public var width: Int
    public var indentUnit: String

    public init(width: Int = 120, indentUnit: String = "    ") {
        self.width = width
        self.indentUnit = indentUnit
    }

    /// A whole file: header comments, imports, then the declarations one blank line apart.
    public func render(_ file: SourceFile) -> String {
        var lines = file.headerComments.map { $0.isEmpty ? "//" : "// " + $0 }
        if !file.imports.isEmpty {
            if !lines.isEmpty { lines.append("") }
            lines += file.imports.map { "import " + $0 }
        }
        let body = declarations(file.declarations, indent: "")
        if !body.isEmpty {
            if !lines.isEmpty { lines.append("") }
            lines += body
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// One declaration at the top level, as text (for snippet tests and diagnostics).
    public func render(_ declaration: Declaration) -> String {
        lines(of: declaration, indent: "").map { $0 + "\n" }.joined()
    }

    // MARK: Declarations

    /// Members one blank line apart, except runs of stored properties and of enum cases.
    func declarations(_ declarations: [Declaration], indent: String) -> [String] {
        var result: [String] = []
        var previous: Declaration?
        for declaration in declarations {
            if let previous, !(previous.isCompact && declaration.isCompact && previous.isSameKind(as: declaration)) {
                result.append("")
            }
            result += lines(of: declaration, indent: indent)
            previous = declaration
        }
        return result
    }

    func lines(of declaration: Declaration, indent: String) -> [String] {
        switch declaration {
        case .type(let type):
            let header = modifiers(type.modifiers) + type.kind.rawValue + " " + Identifier.declared(type.name)
                + conformanceList(type.conformances)
            return preamble(type.doc, type.attributes, indent: indent) + braced(header, members: type.members, indent: indent)
        case .extension(let decl):
            let header = modifiers(decl.modifiers) + "extension " + render(decl.extendedType) + conformanceList(decl.conformances)
            return preamble(decl.doc, [], indent: indent) + braced(header, members: decl.members, indent: indent)
        case .typealias(let alias):
            return preamble(alias.doc, alias.attributes, indent: indent)
                + [indent + modifiers(alias.modifiers) + "typealias " + Identifier.declared(alias.name) + " = " + render(alias.type)]
        case .enumCase(let enumCase):
            var line = "case " + Identifier.declared(enumCase.name)
            if !enumCase.associatedValues.isEmpty {
                line += "(" + enumCase.associatedValues.map(render).joined(separator: ", ") + ")"
            }
            if let raw = enumCase.rawValue { line += " = " + flat(raw) }
            return preamble(enumCase.doc, enumCase.attributes, indent: indent) + [indent + line]
        case .property(let property):
            return preamble(property.doc, property.attributes, indent: indent) + lines(of: property, indent: indent)
        case .function(let function):
            return preamble(function.doc, function.attributes, indent: indent) + lines(of: function, indent: indent)
        }
    }

    private func braced(_ header: String, members: [Declaration], indent: String) -> [String] {
        if members.isEmpty { return [indent + header + " {}"] }
        return [indent + header + " {"] + declarations(members, indent: indent + indentUnit) + [indent + "}"]
    }

    private func conformanceList(_ types: [SwiftType]) -> String {
        types.isEmpty ? "" : ": " + types.map(render).joined(separator: ", ")
    }

    func modifiers(_ modifiers: Modifiers) -> String {
        var words: [String] = []
        if let access = modifiers.access, access != .internal { words.append(access.rawValue) }
        if modifiers.isNonisolated { words.append("nonisolated") }
        if modifiers.isStatic { words.append("static") }
        if modifiers.isMutating { words.append("mutating") }
        return words.map { $0 + " " }.joined()
    }

    private func preamble(_ doc: DocComment?, _ attributes: [String], indent: String) -> [String] {
        (doc.map { docLines($0, indent: indent) } ?? []) + attributes.map { indent + $0 }
    }

    private func lines(of property: PropertyDeclaration, indent: String) -> [String] {
        var head = modifiers(property.modifiers) + (property.isMutable ? "var " : "let ") + Identifier.declared(property.name)
        if let type = property.type { head += ": " + render(type) }
        switch property.accessors {
        case nil:
            guard let initializer = property.initializer else { return [indent + head] }
            return expression(initializer, indent: indent, lead: head + " = ", trail: "")
        case .get(let body)?:
            return block(head, body, indent: indent, inline: true)
        case .getSet(let get, let set, let modify)?:
            var inner = block("get", get, indent: indent + indentUnit, inline: true)
                + block("set", set, indent: indent + indentUnit, inline: true)
            if let modify { inner += block("_modify", modify, indent: indent + indentUnit, inline: true) }
            return [indent + head + " {"] + inner + [indent + "}"]
        }
    }

    private func lines(of function: FunctionDeclaration, indent: String) -> [String] {
        let name: String
        switch function.kind {
        case .function(let functionName): name = "func " + Identifier.declared(functionName)
        case .initializer(let isFailable): name = isFailable ? "init?" : "init"
        }
        var effects = ""
        if function.isAsync { effects += " async" }
        effects += throwsClause(function.throwing)
        if let result = function.result { effects += " -> " + render(result) }
        let lead = modifiers(function.modifiers) + name
        let parameters = function.parameters.map(parameter)
        let opening = function.body == nil ? "" : " {"
        var header = [indent + lead + "(" + parameters.joined(separator: ", ") + ")" + effects + opening]
        if header[0].count > width, !parameters.isEmpty {
            header = [indent + lead + "("]
                + parameters.enumerated().map { index, text in
                    indent + indentUnit + text + (index == parameters.count - 1 ? "" : ",")
                }
                + [indent + ")" + effects + opening]
        }
        guard let body = function.body else { return header }
        if body.isEmpty {
            header[header.count - 1] += "}"
            return header
        }
        return header + statements(body, indent: indent + indentUnit) + [indent + "}"]
    }

    private func parameter(_ parameter: FunctionParameter) -> String {
        let name = Identifier.declared(parameter.name)
        var text: String
        switch parameter.label {
        case nil: text = "_ " + name
        case parameter.name?: text = name
        case let label?: text = Identifier.label(label) + " " + name
        }
        text += ": " + (parameter.isInout ? "inout " : "") + (parameter.isEscaping ? "@escaping " : "") + render(parameter.type)
        if let value = parameter.defaultValue { text += " = " + flat(value) }
        return text
    }

    func throwsClause(_ throwing: Throwing) -> String {
        switch throwing {
        case .none: ""
        case .any: " throws"
        case .typed(let type): " throws(\(render(type)))"
        }
    }

    // MARK: Doc comments

    /// `///` lines, prose wrapped at spaces to the width; a list item's continuation lines are
    /// indented under its text, and code (indented or fenced) and tables are left as written.
    func docLines(_ doc: DocComment, indent: String) -> [String] {
        let prefix = indent + "/// "
        var result: [String] = []
        var inFence = false
        for line in doc.lines {
            if line.hasPrefix("```") { inFence.toggle() }
            if line.isEmpty {
                result.append(indent + "///")
            } else if inFence || line.hasPrefix("```") || line.hasPrefix("    ") || line.hasPrefix("|") {
                result.append(prefix + line)
            } else {
                result += wrapProse(line, prefix: prefix)
            }
        }
        return result
    }

    private func wrapProse(_ line: String, prefix: String) -> [String] {
        guard prefix.count + line.count > width else { return [prefix + line] }
        let leading = String(line.prefix { $0 == " " })
        let text = line.dropFirst(leading.count)
        let marker = text.hasPrefix("- ") || text.hasPrefix("* ") ? "  " : ""
        var result: [String] = []
        var current = prefix + leading
        var currentIsEmpty = true
        let room = width - (prefix + leading + marker).count
        for word in text.split(separator: " ", omittingEmptySubsequences: true).flatMap({ splitCodeSpan(String($0), room: room) }) {
            if !currentIsEmpty, current.count + 1 + word.count > width {
                result.append(current)
                current = prefix + leading + marker
                currentIsEmpty = true
            }
            current += (currentIsEmpty ? "" : " ") + word
            currentIsEmpty = false
        }
        result.append(current)
        return result
    }
}

extension Renderer {
    /// A code span too long for a line (a JSON Pointer) as several spans broken after `/`, each
    /// fitting in `room`; any other word is kept whole.
    func splitCodeSpan(_ word: String, room: Int) -> [String] {
        guard word.count > room, word.count > 2, word.hasPrefix("`"), let close = word.lastIndex(of: "`"),
              close > word.startIndex else { return [word] }
        let inner = word[word.index(after: word.startIndex)..<close]
        let tail = word[word.index(after: close)...]
        var pieces: [String] = []
        var current = ""
        for segment in inner.split(separator: "/", omittingEmptySubsequences: false).enumerated().map({ $0.offset == 0 ? String($0.element) : "/" + $0.element }) {
            if !current.isEmpty, current.count + segment.count + 2 + tail.count > room {
                pieces.append(current)
                current = ""
            }
            current += segment
        }
        pieces.append(current)
        return pieces.enumerated().map { index, piece in "`" + piece + "`" + (index == pieces.count - 1 ? String(tail) : "") }
    }
}

extension Declaration {
    /// Declarations written one per line without blank lines between them when in a run.
    var isCompact: Bool {
        switch self {
        case .enumCase: true
        case .property(let property): property.accessors == nil
        default: false
        }
    }

    func isSameKind(as other: Declaration) -> Bool {
        switch (self, other) {
        case (.enumCase, .enumCase): true
        case (.property(let lhs), .property(let rhs)): lhs.modifiers.isStatic == rhs.modifiers.isStatic
        default: false
        }
    }
}
