import Foundation
import OpenAPIModel
import SpecDiagnostics
import Testing

/// Specs split over several files: `$ref`s to other files are brought into one document, with
/// every diagnostic in the file it is about.
@Suite struct MultiFileTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("MultiFile")

    /// Writes `files` (relative path → text) under a fresh temporary folder and returns it.
    static func write(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("multifile-" + UUID().uuidString)
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func schemasFromOtherFilesBecomeNamedSchemasAndEverythingElseIsInlined() throws {
        let (result, files) = SpecLoader.loadWithFiles(contentsOf: Self.folder.appendingPathComponent("openapi.yaml").path)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let document = try #require(result.document)
        #expect(document.schemas.map(\.name) == ["Owner", "Tag", "pet"])
        #expect(document.operations.map(\.operationID) == ["listPets", "getPet"])
        let list = try #require(document.operations.first)
        #expect(list.parameters.map(\.name) == ["limit"])
        #expect(list.responses.map(\.statusText) == ["200", "default"])
        #expect(
            files.map { URL(fileURLWithPath: $0).lastPathComponent }.sorted()
                == ["errors.yaml", "parameters.yaml", "pet.yaml", "pet.yaml", "pets.yaml", "tag.yaml"])
    }

    @Test func aDiagnosticIsLocatedInTheFileItIsAbout() throws {
        let result = SpecLoader.load(contentsOf: Self.folder.appendingPathComponent("openapi.yaml").path)
        let warning = try #require(result.diagnostics.first)
        #expect(warning.location?.file.hasSuffix("MultiFile/schemas/tag.yaml") == true)
        #expect(warning.location.map { "\($0.line):\($0.column)" } == "4:11")
        #expect(warning.message.contains("format 'no-such-format'"))
    }

    @Test func aCycleOfInlinedReferencesIsAnErrorAtTheReference() throws {
        let root = try Self.write([
            "openapi.yaml": "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /a: {$ref: 'a.yaml'}\n",
            "a.yaml": "$ref: 'b.yaml'\n",
            "b.yaml": "$ref: 'a.yaml'\n",
        ])
        let result = SpecLoader.load(contentsOf: root.appendingPathComponent("openapi.yaml").path)
        #expect(
            result.diagnostics.contains {
                $0.severity == .error && $0.message == "reference cycle through 'a.yaml'" && $0.location?.file.hasSuffix("b.yaml") == true
            },
            "\(result.diagnostics)")
    }

    @Test func aMissingFileOrFragmentAndARemoteReferenceAreErrorsWhereTheyAreWritten() throws {
        let root = try Self.write([
            "openapi.yaml": """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                A: {$ref: 'nowhere.yaml'}
                B: {$ref: 'b.yaml#/Missing'}
                C: {$ref: 'https://example.com/c.yaml'}

            """,
            "b.yaml": "Present: {type: string}\n",
        ])
        let result = SpecLoader.load(contentsOf: root.appendingPathComponent("openapi.yaml").path)
        let errors = result.diagnostics.filter { $0.severity == .error }.map { "\($0.location?.line ?? 0): \($0.message)" }
        #expect(errors.count == 3, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("6: cannot read '") && $0.contains("nowhere.yaml") })
        #expect(errors.contains("7: '/Missing' does not exist in '\(root.appendingPathComponent("b.yaml").path)'"))
        #expect(errors.contains("8: remote reference 'https://example.com/c.yaml' is not supported (references to files are)"))
    }

    /// `components/schemas` in a file of its own whose entries are references to files (SendGrid's
    /// layout): each entry is its file's schema under the entry's name, and every other reference
    /// to that file names the entry (before, both were declared and the output did not compile).
    @Test func aNamedSchemaThatIsAReferenceToAFileIsThatFilesSchemaUnderItsName() throws {
        let root = try Self.write([
            "openapi.yaml": """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200': {description: A., content: {application/json: {schema: {$ref: 'schemas/error.yaml'}}}}
            components:
              schemas: {$ref: 'schemas/index.yaml'}

            """,
            "schemas/index.yaml": "error_schema: {$ref: 'error.yaml'}\nother: {type: string}\n",
            "schemas/error.yaml": "type: object\nproperties: {message: {type: string}}\n",
        ])
        let result = SpecLoader.load(contentsOf: root.appendingPathComponent("openapi.yaml").path)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let document = try #require(result.document)
        #expect(document.schemas.map(\.name) == ["error_schema", "other"])
        #expect(document.operations.first?.responses.first?.schema?.kind == .reference("error_schema"))
    }
}
