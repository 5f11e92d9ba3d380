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
        render(headerComments: file.headerComments, imports: file.imports, declarations: file.declarations)
    }

    public func render<Declarations: Sequence<Declaration>>(
        headerComments: [String], imports: [ImportDeclaration], declarations: Declarations
    ) -> String {
        var writer = SourceWriter(renderer: self, headerComments: headerComments, imports: imports)
        for declaration in declarations { writer.append(declaration) }
        return writer.text
    }

    /// One statement at the top level, as text (for snippet tests).
    public func render(_ statement: Statement) -> String {
        var out = TextBuffer()
        lines(of: statement, indent: "", into: &out)
        return out.string
    }

    /// One declaration at the top level, as text (for snippet tests and diagnostics).
    public func render(_ declaration: Declaration) -> String {
        var out = TextBuffer()
        lines(of: declaration, indent: "", into: &out)
        return out.string
    }

    // MARK: Declarations

    /// Members one blank line apart, except runs of stored properties and of enum cases.
    func declarations(_ declarations: [Declaration], indent: String, into out: inout TextBuffer) {
        guard let first = declarations.first else { return }
        self.declarations(declarations.dropFirst(), first: first, indent: indent, into: &out)
    }

    func declarations<Rest: Sequence<Declaration>>(_ rest: Rest, first: Declaration, indent: String, into out: inout TextBuffer) {
        lines(of: first, indent: indent, into: &out)
        var previous = first
        for declaration in rest {
            if !(previous.isCompact && declaration.isCompact && previous.isSameKind(as: declaration)) {
                out += "\n"
            }
            lines(of: declaration, indent: indent, into: &out)
            previous = declaration
        }
    }

    func lines(of declaration: Declaration, indent: String, into out: inout TextBuffer) {
        switch declaration {
        case .type(let type):
            let header =
                modifiers(type.modifiers) + type.kind.rawValue + " " + Identifier.declared(type.name)
                + conformanceList(type.conformances)
            preamble(type.doc, type.attributes, indent: indent, into: &out)
            braced(header, members: type.members, indent: indent, into: &out)
        case .extension(let decl):
            let header = modifiers(decl.modifiers) + "extension " + render(decl.extendedType) + conformanceList(decl.conformances)
            preamble(decl.doc, [], indent: indent, into: &out)
            braced(header, members: decl.members, indent: indent, into: &out)
        case .typealias(let alias):
            preamble(alias.doc, alias.attributes, indent: indent, into: &out)
            out += indent + modifiers(alias.modifiers) + "typealias " + Identifier.declared(alias.name) + " = " + render(alias.type) + "\n"
        case .enumCase(let enumCase):
            var line = "case " + Identifier.declared(enumCase.name)
            if !enumCase.associatedValues.isEmpty {
                line += "(" + enumCase.associatedValues.map(render).joined(separator: ", ") + ")"
            }
            if let raw = enumCase.rawValue { line += " = " + flat(raw) }
            preamble(enumCase.doc, enumCase.attributes, indent: indent, into: &out)
            out += indent + line + "\n"
        case .property(let property):
            preamble(property.doc, property.attributes, indent: indent, into: &out)
            lines(of: property, indent: indent, into: &out)
        case .function(let function):
            preamble(function.doc, function.attributes, indent: indent, into: &out)
            lines(of: function, indent: indent, into: &out)
        }
    }

    private func braced(_ header: String, members: [Declaration], indent: String, into out: inout TextBuffer) {
        if members.isEmpty {
            out += indent + header + " {}\n"
            return
        }
        out += indent + header + " {\n"
        declarations(members, indent: indent + indentUnit, into: &out)
        out += indent + "}\n"
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
        if modifiers.isIndirect { words.append("indirect") }
        return words.map { $0 + " " }.joined()
    }

    private func preamble(_ doc: DocComment?, _ attributes: [String], indent: String, into out: inout TextBuffer) {
        if let doc { docLines(doc, indent: indent, into: &out) }
        for attribute in attributes { out += indent + attribute + "\n" }
    }

    private func lines(of property: PropertyDeclaration, indent: String, into out: inout TextBuffer) {
        var head = modifiers(property.modifiers) + (property.isMutable ? "var " : "let ") + Identifier.declared(property.name)
        if let type = property.type { head += ": " + render(type) }
        switch property.accessors {
        case nil:
            guard let initializer = property.initializer else {
                out += indent + head + "\n"
                return
            }
            expression(initializer, indent: indent, lead: head + " = ", trail: "", into: &out)
        case .get(let body)?:
            block(head, body, indent: indent, inline: true, into: &out)
        case .getSet(let get, let set, let modify)?:
            out += indent + head + " {\n"
            block("get", get, indent: indent + indentUnit, inline: true, into: &out)
            block("set", set, indent: indent + indentUnit, inline: true, into: &out)
            if let modify { block("_modify", modify, indent: indent + indentUnit, inline: true, into: &out) }
            out += indent + "}\n"
        }
    }

    private func lines(of function: FunctionDeclaration, indent: String, into out: inout TextBuffer) {
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
        if header[0].columns > width, !parameters.isEmpty {
            header =
                [indent + lead + "("]
                + parameters.enumerated().map { index, text in
                    indent + indentUnit + text + (index == parameters.count - 1 ? "" : ",")
                }
                + [indent + ")" + effects + opening]
        }
        if let body = function.body, body.isEmpty { header[header.count - 1] += "}" }
        for line in header { out += line + "\n" }
        guard let body = function.body, !body.isEmpty else { return }
        statements(body, indent: indent + indentUnit, into: &out)
        out += indent + "}\n"
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
    func docLines(_ doc: DocComment, indent: String, into out: inout TextBuffer) {
        let prefix = indent + "/// "
        var inFence = false
        for line in doc.lines {
            let bytes = line.utf8
            let isFence = bytes.starts(with: "```".utf8)
            if isFence { inFence.toggle() }
            if line.isEmpty {
                out += indent
                out += "///\n"
            } else if inFence || isFence || bytes.starts(with: "    ".utf8) || bytes.first == UInt8(ascii: "|")
                || prefix.columns + line.columns <= width
            {
                out += prefix
                out += line
                out += "\n"
            } else {
                wrapProse(line, prefix: prefix, into: &out)
            }
        }
    }

    /// Prose wrapped at spaces to the width, words kept whole (but for long code spans, which
    /// ``splitCodeSpan(_:room:)`` breaks after `/`); list items continue under their text.
    private func wrapProse(_ line: String, prefix: String, into out: inout TextBuffer) {
        let bytes = Array(line.utf8)
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 { start += 1 }
        let leading = String(repeating: " ", count: start)
        let isItem =
            start + 1 < bytes.count && (bytes[start] == UInt8(ascii: "-") || bytes[start] == UInt8(ascii: "*"))
            && bytes[start + 1] == 0x20
        let continuation = prefix + leading + (isItem ? "  " : "")
        let room = width - continuation.columns
        var current = TextBuffer(capacity: width + 8)
        current += prefix
        current += leading
        var currentIsEmpty = true
        func add(_ word: String) {
            if !currentIsEmpty, current.columns + 1 + word.columns > width {
                out += current
                out += "\n"
                current = TextBuffer(capacity: width + 8)
                current += continuation
                currentIsEmpty = true
            }
            if !currentIsEmpty { current += " " }
            current += word
            currentIsEmpty = false
        }
        var index = start
        while index < bytes.count {
            if bytes[index] == 0x20 {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, bytes[end] != 0x20 { end += 1 }
            let word = String(decoding: bytes[index..<end], as: UTF8.self)
            if word.columns > room, word.utf8.first == UInt8(ascii: "`") {
                for piece in splitCodeSpan(word, room: room) { add(piece) }
            } else {
                add(word)
            }
            index = end
        }
        out += current
        out += "\n"
    }
}

extension Renderer {
    /// A code span too long for a line (a JSON Pointer) as several spans broken after `/`, each
    /// fitting in `room`; any other word is kept whole.
    func splitCodeSpan(_ word: String, room: Int) -> [String] {
        guard word.columns > room, word.count > 2, word.hasPrefix("`"), let close = word.lastIndex(of: "`"),
            close > word.startIndex
        else { return [word] }
        let inner = word[word.index(after: word.startIndex)..<close]
        let tail = word[word.index(after: close)...]
        var pieces: [String] = []
        var current = ""
        for segment in inner.split(separator: "/", omittingEmptySubsequences: false).enumerated().map({ $0.offset == 0 ? String($0.element) : "/" + $0.element }
        ) {
            if !current.isEmpty, current.columns + segment.columns + 2 + tail.utf8.count > room {
                pieces.append(current)
                current = ""
            }
            current += segment
        }
        pieces.append(current)
        return pieces.enumerated().map { index, piece in "`" + piece + "`" + (index == pieces.count - 1 ? String(tail) : "") }
    }
}

extension StringProtocol {
    /// The width the renderer measures lines by: UTF-8 bytes, which is constant-time and never
    /// less than the columns a line takes, so a line it lets through fits.
    var columns: Int { utf8.count }
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
