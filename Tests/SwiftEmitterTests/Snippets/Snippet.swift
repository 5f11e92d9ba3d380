import Foundation
import OpenAPIModel
import SpecDiagnostics
import SwiftEmitter
import Testing

@testable import SwiftSource

/// Snippet tests: "this YAML fragment emits this Swift fragment", one construct per test.
///
/// A ``SnippetSpec`` wraps fragments into a minimal OpenAPI document (`openapi`, `info`); its
/// `expect…` methods load it (an error of the loader fails the test with every diagnostic), emit
/// it and compare. Expected Swift is compared as whole lines: the fragment must appear as a run of
/// consecutive lines of the named file, all at one indentation (the fragment's own common
/// indentation is ignored, so a member can be written without the indentation of its type).
/// Diagnostics are located in the fragment as written: `line:column` counted from the fragment's
/// first line and column, not the wrapped document's.
struct SnippetSpec {
    /// Where a fragment sits in the document, to map locations back into it.
    struct Segment {
        var firstLine: Int
        var lineCount: Int
        var indent: Int
    }

    private(set) var text: String
    private(set) var segments: [Segment]

    static let defaultInfo = #"{title: Snippet API, version: "1"}"#

    private init(openapi: String, info: String) {
        text = "openapi: \(openapi)\ninfo: \(info)\n"
        segments = []
    }

    private var lineCount: Int { text.count(where: { $0 == "\n" }) }

    private mutating func append(header: String? = nil, _ fragment: String, indent: Int) {
        if let header { text += header + "\n" }
        let lines = Self.lines(of: fragment)
        segments.append(Segment(firstLine: lineCount + 1, lineCount: lines.count, indent: indent))
        let pad = String(repeating: " ", count: indent)
        for line in lines { text += (line.isEmpty ? "" : pad + line) + "\n" }
    }

    /// Entries of `components.schemas`.
    static func schemas(_ entries: String, openapi: String = "3.1.0", info: String = defaultInfo) -> SnippetSpec {
        var spec = SnippetSpec(openapi: openapi, info: info)
        spec.append(header: "components:\n  schemas:", entries, indent: 4)
        return spec
    }

    /// Entries of `paths`, and optionally entries of `components.schemas` after them.
    static func paths(_ entries: String, schemas: String? = nil, openapi: String = "3.1.0", info: String = defaultInfo) -> SnippetSpec {
        var spec = SnippetSpec(openapi: openapi, info: info)
        spec.append(header: "paths:", entries, indent: 2)
        if let schemas { spec.append(header: "components:\n  schemas:", schemas, indent: 4) }
        return spec
    }

    /// Top-level keys beside `openapi` and `info` (`paths`, `webhooks`, `components`, `servers`, `x-…`).
    static func root(_ keys: String, openapi: String = "3.1.0", info: String = defaultInfo) -> SnippetSpec {
        var spec = SnippetSpec(openapi: openapi, info: info)
        spec.append(keys, indent: 0)
        return spec
    }

    /// The fragment's lines; a trailing newline adds no line.
    private static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// `line:column` in the fragment that holds a document position (`document line:column` outside every fragment).
    func fragmentPosition(line: Int, column: Int) -> String {
        for segment in segments where (segment.firstLine..<(segment.firstLine + segment.lineCount)).contains(line) {
            return "\(line - segment.firstLine + 1):\(column - segment.indent)"
        }
        return "document \(line):\(column)"
    }

    // MARK: Loading and emitting

    /// The loaded document; an error diagnostic records an issue listing all of them.
    func document(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> OpenAPIDocument? {
        let result = SpecLoader.load(text: text, file: "snippet.yaml")
        if result.hasErrors || result.document == nil {
            Issue.record(
                Comment(
                    rawValue: """
                        The snippet spec does not load:
                        \(result.diagnostics.map(describe).joined(separator: "\n"))
                        --- spec ---
                        \(numbered(text))
                        """), sourceLocation: sourceLocation)
            return nil
        }
        return result.document
    }

    /// What the loader reports (errors and warnings), as `line:column: severity: message` in the fragment.
    func loaderDiagnostics() -> [String] {
        SpecLoader.load(text: text, file: "snippet.yaml").diagnostics.map(describe)
    }

    func emission(options: EmitterOptions = EmitterOptions(), sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Emission? {
        document(sourceLocation: sourceLocation).map { SwiftFileEmitter.emit($0, options: options) }
    }

    /// The contents of one emitted file, or `nil` (with an issue recorded) when the spec does not load.
    func emitted(
        _ file: EmittedFile, options: EmitterOptions = EmitterOptions(),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> String? {
        guard let emission = emission(options: options, sourceLocation: sourceLocation) else { return nil }
        guard let found = emission.files.first(where: { $0.name == file.rawValue }) else {
            Issue.record("no file named \(file.rawValue) was emitted", sourceLocation: sourceLocation)
            return nil
        }
        return found.contents
    }

    /// The emitter's diagnostics as `line:column: message`, located in the fragment.
    func warnings(options: EmitterOptions = EmitterOptions(), sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        guard let emission = emission(options: options, sourceLocation: sourceLocation) else { return [] }
        return emission.diagnostics.map { diagnostic in
            let position = diagnostic.location.map { fragmentPosition(line: $0.line, column: $0.column) } ?? "-"
            return "\(position): \(diagnostic.message)"
        }
    }

    /// Expects each fragment as a run of whole lines of `file`; on failure shows it and the whole file.
    func expect(
        emitting fragments: String..., in file: EmittedFile = .models, options: EmitterOptions = EmitterOptions(),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard let contents = emitted(file, options: options, sourceLocation: sourceLocation) else { return }
        for fragment in fragments {
            Snippet.expect(contents, named: file.rawValue, contains: fragment, sourceLocation: sourceLocation)
        }
    }

    /// Expects no line of `file` to contain `text`.
    func expect(
        notEmitting text: String, in file: EmittedFile = .models, options: EmitterOptions = EmitterOptions(),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard let contents = emitted(file, options: options, sourceLocation: sourceLocation) else { return }
        if let line = contents.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(where: { $0.contains(text) }) {
            Issue.record(
                Comment(
                    rawValue: """
                        \(file.rawValue) contains `\(text)` (line \(line + 1)), which it should not.
                        --- \(file.rawValue) ---
                        \(numbered(contents))
                        """), sourceLocation: sourceLocation)
        }
    }

    private func describe(_ diagnostic: Diagnostic) -> String {
        let position = diagnostic.location.map { fragmentPosition(line: $0.line, column: $0.column) } ?? "-"
        return "\(position): \(diagnostic.severity.rawValue): \(diagnostic.message)"
    }
}

/// The files every emission writes.
enum EmittedFile: String {
    case models = "Models.swift"
    case validators = "Validators.swift"
    case client = "Client.swift"
    case webhooks = "Webhooks.swift"
}

enum Snippet {
    /// Shorthands for the ``SnippetSpec`` constructors.
    static func schemas(_ entries: String, openapi: String = "3.1.0") -> SnippetSpec { .schemas(entries, openapi: openapi) }
    static func paths(_ entries: String, schemas: String? = nil, openapi: String = "3.1.0") -> SnippetSpec {
        .paths(entries, schemas: schemas, openapi: openapi)
    }
    static func root(_ keys: String, openapi: String = "3.1.0", info: String = SnippetSpec.defaultInfo) -> SnippetSpec {
        .root(keys, openapi: openapi, info: info)
    }

    // MARK: Renderer-level snippets

    /// One declaration rendered at the top level by the generator's renderer.
    static func render(_ declaration: Declaration, width: Int = 120) -> String {
        Renderer(width: width).render(declaration)
    }

    /// One statement rendered at the top level by the generator's renderer.
    static func render(_ statement: Statement, width: Int = 120) -> String {
        Renderer(width: width).render(statement)
    }

    /// One expression rendered as a statement of its own.
    static func render(_ expression: Expr, width: Int = 120) -> String {
        render(Statement.expression(expression), width: width)
    }

    /// Expects the rendering to be exactly `expected` (every line, nothing more).
    static func expect(_ rendered: String, is expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let wanted = expected.hasSuffix("\n") ? expected : expected + "\n"
        if rendered != wanted {
            Issue.record(
                Comment(
                    rawValue: """
                        The rendering differs.
                        --- expected ---
                        \(wanted)--- rendered ---
                        \(rendered)
                        """), sourceLocation: sourceLocation)
        }
    }

    // MARK: Line comparison

    /// Records an issue unless `expected`'s lines appear, consecutively and whole, in `contents`.
    static func expect(_ contents: String, named name: String, contains expected: String, sourceLocation: Testing.SourceLocation) {
        let fileLines = contents.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let wanted = dedented(expected)
        guard !wanted.isEmpty else { return }
        var best: (start: Int, matched: Int, indent: String)?
        for start in fileLines.indices {
            guard let (matched, indent) = match(wanted, in: fileLines, at: start) else { continue }
            if matched == wanted.count { return }
            if best == nil || matched > best!.matched { best = (start, matched, indent) }
        }
        var hint = "No line matches the first expected line."
        if let best {
            let differing = best.start + best.matched
            let actual = differing < fileLines.count ? "`\(fileLines[differing])`" : "the end of the file"
            hint =
                "Closest: \(best.matched) of \(wanted.count) lines match from line \(best.start + 1); "
                + "line \(differing + 1) is \(actual), expected `\(best.indent)\(wanted[best.matched])`."
        }
        Issue.record(
            Comment(
                rawValue: """
                    \(name) does not contain the expected lines. \(hint)
                    --- expected ---
                    \(wanted.joined(separator: "\n"))
                    --- \(name) ---
                    \(numbered(contents))
                    """), sourceLocation: sourceLocation)
    }

    /// How many lines of `wanted` match from `start` at one indentation, or `nil` when the first does not.
    private static func match(_ wanted: [String], in lines: [String], at start: Int) -> (Int, String)? {
        guard let anchor = wanted.firstIndex(where: { !$0.isEmpty }), start + anchor < lines.count else { return nil }
        let line = lines[start + anchor]
        guard line.hasSuffix(wanted[anchor]) else { return nil }
        let indent = String(line.dropLast(wanted[anchor].count))
        guard indent.allSatisfy({ $0 == " " }) else { return nil }
        var matched = 0
        for (offset, expected) in wanted.enumerated() {
            let index = start + offset
            guard index < lines.count else { break }
            let ok = expected.isEmpty ? lines[index].isEmpty : lines[index] == indent + expected
            guard ok else { break }
            matched += 1
        }
        return (matched, indent)
    }

    /// The lines of `text` without their common leading spaces (blank lines kept empty).
    static func dedented(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.allSatisfy({ $0 == " " }) == true { lines.removeLast() }
        while lines.first?.allSatisfy({ $0 == " " }) == true { lines.removeFirst() }
        let indents = lines.filter { !$0.allSatisfy { $0 == " " } }.map { $0.prefix { $0 == " " }.count }
        let common = indents.min() ?? 0
        return lines.map { $0.allSatisfy { $0 == " " } ? "" : String($0.dropFirst(common)) }
    }
}

/// `text` with line numbers, for failure messages.
func numbered(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        .map { String(format: "%4d  ", $0.offset + 1) + $0.element }.joined(separator: "\n")
}
