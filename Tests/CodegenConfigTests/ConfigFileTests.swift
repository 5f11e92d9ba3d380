import CodegenConfig
import Foundation
import OpenAPIModel
import SpecDiagnostics
import SwiftEmitter
import Testing
import YAMLReader

/// Reading a config file: every key applied, an empty file as the defaults, every mistake of a
/// file reported in one run at its line and column.
@Suite struct ConfigFileTests {
    @Test func fileWithEveryKeySetsEverySetting() throws {
        let path = try #require(InputFiles.path("every-key.yaml"))
        let configuration = try GeneratorConfiguration.load(contentsOf: path)
        let overrides = ["#/components/schemas/Analysis": "AnalysisRecord", "createAnalysis": "startAnalysis"]
        var expected = GeneratorConfiguration(
            accessLevel: .package,
            clientName: "AnalysisClient",
            nameOverrides: overrides,
            warningsAsErrors: true,
            readerLimits: ReaderLimits(maxInputBytes: 1_048_576, maxDepth: 64, maxNodes: 50_000, maxAliasExpansion: 1_000, maxScalarBytes: 65_536),
            modelLimits: ModelLimits(maxAllOfDepth: 8))
        expected.filter = OperationFilter(tags: ["Analyses"], operationIDs: ["getAnalysis"], paths: ["/v1/sessions/{id}/analysis"])
        #expect(configuration == expected)
        #expect(configuration.emitterOptions == EmitterOptions(accessLevel: .package, clientName: "AnalysisClient", nameOverrides: overrides))
    }

    /// Keeps the test above honest: a key added to the loader must be added to the fixture.
    @Test func fileWithEveryKeyHoldsEveryKnownKey() throws {
        let path = try #require(InputFiles.path("every-key.yaml"))
        let root = try YAMLParser().read(contentsOf: path)
        #expect(root.mapping?.compactMap(\.key.string) == GeneratorConfiguration.fileKeys)
        #expect(root["limits"]?.mapping?.compactMap(\.key.string) == GeneratorConfiguration.limitKeys)
    }

    @Test(arguments: ["empty.yaml", "comment-only.yaml"])
    func fileWithNoDocumentGivesTheDefaults(name: String) throws {
        let path = try #require(InputFiles.path(name))
        #expect(try GeneratorConfiguration.load(contentsOf: path) == .default)
    }

    @Test(arguments: ["", "\n", "---\n", "~\n", "{}\n"])
    func documentThatSetsNothingGivesTheDefaults(text: String) throws {
        #expect(try GeneratorConfiguration.parse(text) == .default)
    }

    @Test func defaultsAreTheEmittersAndTheLimitsDefaults() {
        let configuration = GeneratorConfiguration.default
        #expect(configuration.emitterOptions == EmitterOptions())
        #expect(configuration.warningsAsErrors == false)
        #expect(configuration.readerLimits == .default)
        #expect(configuration.modelLimits == .default)
    }

    @Test func everyMistakeOfAFileIsReportedInOneRunInFileOrder() {
        #expect(
            configDiagnostics(ofInput: "every-mistake.yaml") == [
                "every-mistake.yaml:2:1: error: unknown config key 'acessLevel'; did you mean 'accessLevel'? (\(knownKeys))",
                "every-mistake.yaml:3:14: error: 'accessLevel' must be one of public, internal, package; found 'private'",
                "every-mistake.yaml:4:13: error: 'clientName' must be a Swift identifier: 'my-client' contains '-'",
                "every-mistake.yaml:6:36: error: the override of '#/components/schemas/Analysis' must be a string, a Swift identifier; found 42",
                "every-mistake.yaml:7:19: error: the override of 'createAnalysis' must be a Swift identifier: 'start analysis' contains a space",
                "every-mistake.yaml:8:19: error: 'warningsAsErrors' must be true or false; found 'yes' (YAML 1.2 reads yes, no, on and off as strings)",
                "every-mistake.yaml:10:13: error: limit 'maxDepth' must be a positive integer; found 0",
                "every-mistake.yaml:11:3: error: unknown limit 'maxDepht'; did you mean 'maxDepth'? (\(knownLimits))",
            ])
    }

    @Test(arguments: [
        ("- accessLevel: public\n", "c.yaml:1:1: error: the config file must be a mapping of settings (\(knownKeys)); found a sequence"),
        ("public\n", "c.yaml:1:1: error: the config file must be a mapping of settings (\(knownKeys)); found 'public'"),
        ("42\n", "c.yaml:1:1: error: the config file must be a mapping of settings (\(knownKeys)); found 42"),
    ])
    func rootThatIsNotAMappingIsReportedAtTheStart(text: String, expected: String) {
        #expect(configDiagnostics(text) == [expected])
    }

    @Test func mistakeOfTheYAMLItselfIsReportedByTheReaderAtItsPlace() {
        #expect(
            configDiagnostics("clientName: A\nclientName: B\n") == [
                "c.yaml:2:1: error: duplicate key 'clientName' (first defined at 1:1)"
            ])
        let messages = configDiagnostics("limits: [1\n")
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("c.yaml:2:1: error: ") == true)
    }

    @Test func missingFileIsAnErrorNamingIt() {
        #expect(throws: DiagnosticError.self) { try GeneratorConfiguration.load(contentsOf: "/nonexistent/spec-codegen.yaml") }
        do {
            _ = try GeneratorConfiguration.load(contentsOf: "/nonexistent/spec-codegen.yaml")
        } catch {
            #expect(error.description == "/nonexistent/spec-codegen.yaml: error: cannot open file: No such file or directory")
        }
    }

    @Test func fileBesideTheSpecIsTheFirstPresentOfTheFileNames() {
        #expect(GeneratorConfiguration.fileNames == ["spec-codegen.yaml", ".spec-codegen.yaml"])
        let both: Set = ["spec/spec-codegen.yaml", "spec/.spec-codegen.yaml"]
        #expect(GeneratorConfiguration.filePath(explicit: nil, besideSpec: "spec/openapi.yaml", fileExists: both.contains) == "spec/spec-codegen.yaml")
        #expect(
            GeneratorConfiguration.filePath(explicit: nil, besideSpec: "spec/openapi.yaml") { $0 == "spec/.spec-codegen.yaml" } == "spec/.spec-codegen.yaml")
        #expect(GeneratorConfiguration.filePath(explicit: nil, besideSpec: "openapi.yaml") { $0 == "spec-codegen.yaml" } == "spec-codegen.yaml")
        #expect(GeneratorConfiguration.filePath(explicit: nil, besideSpec: "/abs/openapi.json") { $0 == "/abs/spec-codegen.yaml" } == "/abs/spec-codegen.yaml")
        #expect(GeneratorConfiguration.filePath(explicit: nil, besideSpec: "spec/openapi.yaml") { _ in false } == nil)
    }

    @Test func explicitFileIsReadEvenWhenAbsentSoThatItsAbsenceIsReported() {
        #expect(GeneratorConfiguration.filePath(explicit: "my.yaml", besideSpec: "spec/openapi.yaml") { _ in true } == "my.yaml")
        #expect(GeneratorConfiguration.filePath(explicit: "my.yaml", besideSpec: "spec/openapi.yaml") { _ in false } == "my.yaml")
    }
}

/// The config files the README shows are valid config files.
@Suite struct ReadmeConfigTests {
    /// The YAML code blocks of the README.
    static func yamlBlocks() -> [String] {
        guard let readme = InputFiles.repositoryFile("README.md") else { return [] }
        return readme.components(separatedBy: "```yaml\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
    }

    @Test func readmeConfigExamplesLoad() throws {
        let blocks = Self.yamlBlocks()
        #expect(blocks.count >= 2, "expected the options example and the limits example in README.md")
        for block in blocks {
            #expect(throws: Never.self) { try GeneratorConfiguration.parse(block, file: "README.md") }
        }
    }
}
