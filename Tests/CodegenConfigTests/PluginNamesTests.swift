import CodegenConfig
import SwiftEmitter
import Testing

/// The build plugin cannot import libraries, so it keeps copies of the emitter's output file
/// names and of the config file names; these tests fail when a copy drifts.
@Suite struct PluginNamesTests {
    static let path = "Plugins/SpecCodegenPlugin/SpecCodegenPlugin.swift"

    /// The string literals of `static let name = [...]` in Swift source, or `nil` when the source
    /// declares no such array.
    static func stringArray(named name: String, in source: String) -> [String]? {
        let declaration = try? Regex("static\\s+let\\s+\(name)\\s*(:\\s*\\[\\s*String\\s*\\]\\s*)?=\\s*\\[([^\\]]*)\\]")
        guard let declaration, let match = source.firstMatch(of: declaration), let body = match.output[2].substring else { return nil }
        return body.matches(of: /"((?:[^"\\]|\\.)*)"/).map { String($0.output.1) }
    }

    @Test func pluginOutputNamesAreTheEmittersFileNames() throws {
        let source = try #require(InputFiles.repositoryFile(Self.path), "cannot read \(Self.path)")
        #expect(Self.stringArray(named: "outputNames", in: source) == SwiftFileEmitter.fileNames)
    }

    @Test func pluginSplitNamesAreTheEmittersSplitFiles() throws {
        let source = try #require(InputFiles.repositoryFile(Self.path), "cannot read \(Self.path)")
        #expect(Self.stringArray(named: "splitOutputNames", in: source) == SwiftFileEmitter.splitFileNames)
    }

    @Test func pluginConfigNamesAreTheConfigurationsFileNames() throws {
        let source = try #require(InputFiles.repositoryFile(Self.path), "cannot read \(Self.path)")
        #expect(Self.stringArray(named: "configNames", in: source) == GeneratorConfiguration.fileNames)
    }

    /// The check above can fail: a copy with one name changed, or one missing, reads differently.
    @Test func changedCopyOfThePluginReadsDifferently() throws {
        let source = try #require(InputFiles.repositoryFile(Self.path))
        let renamed = source.replacing("\"Webhooks.swift\"", with: "\"Hooks.swift\"")
        try #require(renamed != source)
        #expect(Self.stringArray(named: "outputNames", in: renamed) != SwiftFileEmitter.fileNames)
        let shortened = source.replacing(", \".spec-codegen.yaml\"", with: "")
        try #require(shortened != source)
        #expect(Self.stringArray(named: "configNames", in: shortened) != GeneratorConfiguration.fileNames)
        #expect(Self.stringArray(named: "noSuchNames", in: source) == nil)
    }
}
