import OpenAPIModel
import SwiftEmitter
import Testing

@testable import SwiftSource

/// Large generated files are cut into parts (`Models.swift`, `Models.2.swift`, …) between top-level
/// declarations, each part a file with the same header; the build plugin asks for a fixed count.
@Suite struct FilePartsTests {
    static func writer(declarations count: Int) -> SourceWriter {
        var writer = SourceWriter(headerComments: ["Generated. Do not edit."], imports: [ImportDeclaration("SpecRuntime")])
        for index in 0..<count {
            writer.append(
                .type(
                    TypeDeclaration(
                        kind: .struct, name: "Item\(index)",
                        members: [.property(PropertyDeclaration(name: "id", type: .string)), .property(PropertyDeclaration(name: "name", type: .string))])))
        }
        return writer
    }

    static let header = "// Generated. Do not edit.\n\nimport SpecRuntime\n"

    @Test func partsRepeatTheHeaderAndTogetherHoldEveryDeclarationOnce() {
        let writer = Self.writer(declarations: 9)
        let parts = writer.parts(count: 3)
        #expect(parts.count == 3)
        for part in parts { #expect(part.hasPrefix(Self.header + "\nstruct Item")) }
        let bodies = parts.map { String($0.dropFirst(Self.header.count)) }
        #expect(Self.header + bodies.joined() == writer.text)
        #expect(bodies.map { $0.count(where: { $0 == "\n" }) } == [15, 15, 15], "three structs of four lines and a blank line each")
    }

    @Test func aFileIsCutOnlyBetweenTopLevelDeclarations() {
        for count in 2...8 {
            for part in Self.writer(declarations: 5).parts(count: count).dropFirst() {
                let body = part.dropFirst(Self.header.count)
                #expect(body.isEmpty || body.hasPrefix("\nstruct Item"), "part of \(count): \(body.prefix(40))")
                #expect(body.isEmpty || body.hasSuffix("}\n"))
            }
        }
    }

    @Test func morePartsThanDeclarationsLeavesPartsWithOnlyTheHeader() {
        let parts = Self.writer(declarations: 2).parts(count: 4)
        #expect(parts.count == 4)
        #expect(parts.filter { $0 == Self.header }.count == 2)
        #expect(Self.writer(declarations: 2).parts(count: 1) == [Self.writer(declarations: 2).text])
    }

    @Test func partNamesNumberFromTheSecondPart() {
        #expect(SwiftFileEmitter.partName(of: "Models.swift", part: 1) == "Models.swift")
        #expect(SwiftFileEmitter.partName(of: "Models.swift", part: 12) == "Models.12.swift")
        #expect(
            SwiftFileEmitter.fileNames(parts: 2) == [
                "Models.swift", "Models.2.swift", "Validators.swift", "Validators.2.swift", "Client.swift", "Client.2.swift", "Webhooks.swift",
            ])
        #expect(SwiftFileEmitter.fileNames(parts: 1) == SwiftFileEmitter.fileNames)
        #expect(SwiftFileEmitter.isPartName("Client.3.swift"))
        for name in ["Client.swift", "Webhooks.2.swift", "Client.03.swift", "Client.x.swift", "Client..swift", "Other.2.swift"] {
            #expect(!SwiftFileEmitter.isPartName(name), "\(name)")
        }
    }

    /// A spec of `count` object schemas and as many operations.
    static func spec(schemas count: Int) -> String {
        var text = "openapi: 3.1.0\ninfo: {title: Parts, version: '1'}\npaths:\n"
        for index in 0..<count {
            text += "  /items\(index):\n    get:\n      operationId: getItem\(index)\n      responses:\n"
            text += "        '200': {description: OK, content: {application/json: {schema: {$ref: '#/components/schemas/Item\(index)'}}}}\n"
        }
        text += "components:\n  schemas:\n"
        for index in 0..<count {
            text += "    Item\(index):\n      type: object\n      required: [id]\n"
            text += "      properties: {id: {type: string, pattern: '^i[0-9]+$'}, count: {type: integer, minimum: 0}}\n"
        }
        return text
    }

    static func emit(schemas count: Int, parts: FileParts) throws -> [GeneratedFile] {
        let document = try #require(SpecLoader.load(text: spec(schemas: count), file: "parts.yaml").document)
        return SwiftFileEmitter.emit(document, options: EmitterOptions(fileParts: parts)).files
    }

    @Test func aCountOfPartsGivesExactlyTheNamedFilesWhateverTheSpecHolds() throws {
        #expect(try Self.emit(schemas: 1, parts: .count(3)).map(\.name) == SwiftFileEmitter.fileNames(parts: 3))
        #expect(try Self.emit(schemas: 40, parts: .count(3)).map(\.name) == SwiftFileEmitter.fileNames(parts: 3))
    }

    @Test func partsHoldTheSameDeclarationsAsTheWholeFile() throws {
        let whole = try Self.emit(schemas: 40, parts: .count(1))
        let cut = try Self.emit(schemas: 40, parts: .count(4))
        for name in SwiftFileEmitter.splitFileNames {
            let original = try #require(whole.first { $0.name == name }).contents
            let pieces = cut.filter { $0.name == name || ($0.name.hasPrefix(name.dropLast(6) + ".") && SwiftFileEmitter.isPartName($0.name)) }
            #expect(pieces.count == 4)
            let header = Self.header(of: original)
            for piece in pieces { #expect(piece.contents.hasPrefix(header)) }
            #expect(header + pieces.map { $0.contents.dropFirst(header.count) }.joined() == original, "\(name)")
        }
    }

    /// The header comments and imports of a generated file.
    static func header(of text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let last = lines.lastIndex { $0.hasPrefix("import ") || $0.hasPrefix("@_spi(Generated) import ") } ?? 0
        return lines[...last].joined(separator: "\n") + "\n"
    }

    @Test func automaticPartsKeepSmallSpecsInOneFileAndCutLargeOnes() throws {
        #expect(try Self.emit(schemas: 3, parts: .automatic).map(\.name) == SwiftFileEmitter.fileNames)
        let large = try Self.emit(schemas: 600, parts: .automatic)
        let models = large.filter { $0.name == "Models.swift" || $0.name.hasPrefix("Models.") }
        #expect(models.count > 1)
        for file in models { #expect(file.contents.utf8.count < SwiftFileEmitter.partByteBudget(of: "Models.swift") * 3 / 2, "\(file.name)") }
    }
}
