/// A file rendered one top-level declaration at a time, so that a large file never holds its
/// whole tree at once: each declaration is built, printed and dropped, which keeps the working set
/// (and with it the time) small. Blank lines between declarations follow the renderer's rule.
///
/// The writer remembers where each top-level declaration starts, so that a large file can be cut
/// into parts there (``parts(count:)``): each part a file of its own with the same header.
public struct SourceWriter {
    let renderer: Renderer
    private var buffer = TextBuffer(capacity: 1 << 16)
    private var previous: Declaration?
    /// The header comments and imports every part repeats.
    private var preamble = TextBuffer()
    /// Offsets in `buffer` where a part may start: before the blank line that precedes a
    /// top-level declaration (a run of compact declarations is never cut).
    private var cuts: [Int] = []

    /// The file so far.
    public var text: String { buffer.string }

    /// The size of the file so far, in UTF-8 bytes.
    public var byteCount: Int { buffer.columns }

    public init(renderer: Renderer = Renderer(), headerComments: [String], imports: [ImportDeclaration]) {
        self.renderer = renderer
        for comment in headerComments { preamble += comment.isEmpty ? "//\n" : "// " + comment + "\n" }
        if !imports.isEmpty {
            if !preamble.isEmpty { preamble += "\n" }
            for module in imports {
                for spi in module.spis { preamble += "@_spi(" + spi + ") " }
                preamble += "import " + module.module + "\n"
            }
        }
        buffer += preamble
    }

    public mutating func append(_ declaration: Declaration) {
        if let previous {
            if !(previous.isCompact && declaration.isCompact && previous.isSameKind(as: declaration)) {
                cuts.append(buffer.columns)
                buffer += "\n"
            }
        } else if !preamble.isEmpty {
            buffer += "\n"
        }
        renderer.lines(of: declaration, indent: "", into: &buffer)
        previous = declaration
    }

    /// The file as `count` parts of about equal size, cut only between top-level declarations;
    /// each part starts with the file's header comments and imports. Always `count` parts (a part
    /// may hold no declaration), so that the names of the files are known before the spec is read.
    public func parts(count: Int) -> [String] {
        guard count > 1 else { return [text] }
        let bytes = buffer.bytes
        let body = bytes.count - preamble.columns
        var bounds = [preamble.columns]
        var next = cuts.startIndex
        for part in 1..<count {
            let target = preamble.columns + body * part / count
            while next < cuts.endIndex, cuts[next] < target || cuts[next] <= bounds[bounds.count - 1] { next += 1 }
            bounds.append(next < cuts.endIndex ? cuts[next] : bytes.count)
        }
        bounds.append(bytes.count)
        let header = preamble.bytes
        return (0..<count).map { part in
            var text = header
            text += bytes[bounds[part]..<bounds[part + 1]]
            return String(decoding: text, as: UTF8.self)
        }
    }
}
