import Foundation
import OpenAPIModel
import SwiftEmitter
import Testing

/// No emitted line is longer than 120 columns, except where a string literal alone makes it so
/// (the renderer never splits a literal): checked on every golden spec and on `spec/openapi.yaml`.
@Suite struct LineWidthTests {
    static let width = 120
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The specs, relative to the package root.
    static var specs: [String] {
        let golden = root.appendingPathComponent("Tests/Golden")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: golden.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "Tests/Golden/" + $0 } + ["spec/openapi.yaml"]
    }

    /// Every emitted line of `spec` as `(file, line number, text)`.
    static func lines(of spec: String) -> [(file: String, number: Int, text: String)] {
        let result = SpecLoader.load(contentsOf: root.appendingPathComponent(spec).path)
        guard let document = result.document, !result.hasErrors else {
            Issue.record("\(spec) does not load: \(result.diagnostics.map(\.description).joined(separator: "\n"))")
            return []
        }
        return SwiftFileEmitter.emit(document).files.flatMap { file in
            file.contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
                (file.name, $0.offset + 1, String($0.element))
            }
        }
    }

    /// The length of `line` with the contents of its string literals left out (their quotes kept).
    /// Columns outside string literals, raw ones (`##"…"##`, no escapes) included.
    static func lengthOutsideStringLiterals(_ line: String) -> Int {
        let characters = Array(line)
        var length = 0
        var index = 0
        while index < characters.count {
            var hashes = 0
            while index + hashes < characters.count, characters[index + hashes] == "#" { hashes += 1 }
            guard index + hashes < characters.count, characters[index + hashes] == "\"" else {
                length += 1
                index += 1
                continue
            }
            length += hashes + 1
            index += hashes + 1
            let closing = Array("\"" + String(repeating: "#", count: hashes))
            while index < characters.count {
                if hashes == 0, characters[index] == "\\" {
                    index += 2
                } else if Array(characters[index..<min(characters.count, index + closing.count)]) == closing {
                    length += closing.count
                    index += closing.count
                    break
                } else {
                    index += 1
                }
            }
        }
        return length
    }

    static func isComment(_ line: String) -> Bool {
        line.drop { $0 == " " }.hasPrefix("//")
    }

    /// A doc-comment line that is one word too long for any line (a `Remark` pointer).
    static func isUnbreakableCommentWord(_ line: String) -> Bool {
        guard isComment(line) else { return false }
        return !line.drop { $0 == " " || $0 == "/" }.contains(" ")
    }

    @Test func theLiteralScannerLeavesOutOnlyLiteralContents() {
        #expect(Self.lengthOutsideStringLiterals(#"a("xyz", "q\"r\\")"#) == 9)
        #expect(Self.lengthOutsideStringLiterals("let x = 1") == 9)
        #expect(Self.lengthOutsideStringLiterals(##"f(#"{"a":"b"}"#)"##) == 7)
    }

    @Test(arguments: specs)
    func noEmittedLineIsLongerThan120ColumnsOutsideAStringLiteral(spec: String) {
        for line in Self.lines(of: spec) where line.text.count > Self.width {
            let outside = Self.isComment(line.text) ? line.text.count : Self.lengthOutsideStringLiterals(line.text)
            #expect(outside <= Self.width, "\(spec) → \(line.file):\(line.number) has \(line.text.count) columns: \(line.text)")
        }
    }

    /// `- Remark: Generated from` pointers of deeply nested inline types are longer than a line;
    /// the renderer splits such a code span after `/` into spans that fit.
    @Test func docCommentCodeSpansLongerThanALineAreSplit() {
        let long = Self.specs.flatMap { spec in
            Self.lines(of: spec).filter { $0.text.count > Self.width && Self.isUnbreakableCommentWord($0.text) }
                .map { "\(spec) → \($0.file):\($0.number) (\($0.text.count) columns)" }
        }
        #expect(long.isEmpty, "\(long.joined(separator: "\n"))")
    }
}
