/// The one indenting printer all emitters write through: lines, blocks and doc comments, four
/// spaces per level, `\n` line ends, no trailing whitespace.
struct SwiftWriter {
    private(set) var text = ""
    private var level = 0 {
        didSet { indentation = String(repeating: "    ", count: level) }
    }
    private var indentation = ""

    mutating func line(_ content: String = "") {
        if !content.isEmpty {
            text += indentation
            text += content
        }
        text += "\n"
    }

    /// Writes `header {`, the body one level in, and `}`.
    mutating func block(_ header: String, _ body: (inout SwiftWriter) -> Void) {
        line(header + " {")
        level += 1
        body(&self)
        level -= 1
        line("}")
    }

    /// Writes `call { parameters in`, the closure body one level in, and `}`.
    mutating func closure(_ call: String, _ parameters: String, _ body: (inout SwiftWriter) -> Void) {
        line(call + " { \(parameters) in")
        level += 1
        body(&self)
        level -= 1
        line("}")
    }

    /// Writes `header {`, the body at the same level (Swift style for `switch` cases), and `}`.
    mutating func switchBlock(_ header: String, _ body: (inout SwiftWriter) -> Void) {
        line(header + " {")
        body(&self)
        line("}")
    }

    /// Writes an `if`/`else if`/`else` chain, each branch one level in, joined the Swift way (`} else {`).
    mutating func conditional(_ branches: [(header: String, body: (inout SwiftWriter) -> Void)]) {
        for (index, branch) in branches.enumerated() {
            line((index == 0 ? "" : "} ") + branch.header + " {")
            level += 1
            branch.body(&self)
            level -= 1
        }
        line("}")
    }

    /// A `///` comment from spec prose, one comment line per source line.
    mutating func docComment(_ text: String?, remark: String? = nil, deprecated: Bool = false) {
        var lines: [String] = []
        if let text, !text.trimmingWhitespace().isEmpty {
            lines += text.trimmingWhitespace().split(separator: "\n", omittingEmptySubsequences: false).map {
                String($0).trimmingTrailingWhitespace()
            }
        }
        if let remark {
            if !lines.isEmpty { lines.append("") }
            lines.append("- Remark: Generated from `\(remark)`.")
        }
        for line in lines { self.line(line.isEmpty ? "///" : "/// " + line) }
        if deprecated { line("@available(*, deprecated)") }
    }

    /// Lines between declarations: one blank line unless at the start of a block.
    mutating func separator() {
        if !text.hasSuffix("{\n") && !text.isEmpty && !text.hasSuffix("\n\n") { line() }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }

    func trimmingTrailingWhitespace() -> String {
        var result = Substring(self)
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return String(result)
    }

    /// The text as a Swift string literal, escaped.
    var swiftLiteral: String {
        var result = "\""
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

