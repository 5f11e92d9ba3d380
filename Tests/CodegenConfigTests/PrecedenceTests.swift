import CodegenConfig
import SpecDiagnostics
import SwiftEmitter
import Testing

/// The order of precedence: built-in defaults, then the config file, then the command line.
@Suite struct PrecedenceTests {
    static let file = "accessLevel: internal\nclientName: FileClient\nwarningsAsErrors: true\nlimits:\n  maxDepth: 32\n"

    @Test func configFileOverridesTheDefaultsItSetsAndKeepsTheOthers() throws {
        let configuration = try GeneratorConfiguration.parse(Self.file)
        #expect(configuration.accessLevel == .internal)
        #expect(configuration.clientName == "FileClient")
        #expect(configuration.warningsAsErrors)
        #expect(configuration.readerLimits.maxDepth == 32)
        var expectedLimits = GeneratorConfiguration.default.readerLimits
        expectedLimits.maxDepth = 32
        #expect(configuration.readerLimits == expectedLimits)
        #expect(configuration.modelLimits == GeneratorConfiguration.default.modelLimits)
        #expect(configuration.nameOverrides.isEmpty)
    }

    @Test func commandLineOptionsOverrideTheConfigFile() throws {
        let fromFile = try GeneratorConfiguration.parse(Self.file)
        let overrides = CommandLineOverrides(accessLevel: .package, clientName: "CommandLineClient", warningsAsErrors: false)
        let configuration = try overrides.applied(to: fromFile)
        #expect(configuration.accessLevel == .package)
        #expect(configuration.clientName == "CommandLineClient")
        #expect(configuration.warningsAsErrors == false)
        #expect(configuration.readerLimits.maxDepth == 32)
    }

    @Test func optionNotGivenOnTheCommandLineKeepsTheConfigFilesValue() throws {
        let fromFile = try GeneratorConfiguration.parse(Self.file)
        #expect(try CommandLineOverrides().applied(to: fromFile) == fromFile)
        let onlyAccess = try CommandLineOverrides(accessLevel: .public).applied(to: fromFile)
        #expect(onlyAccess.accessLevel == .public)
        #expect(onlyAccess.clientName == "FileClient")
        #expect(onlyAccess.warningsAsErrors)
    }

    @Test func commandLineOptionOverridesTheDefaultWithoutAConfigFile() throws {
        let configuration = try CommandLineOverrides(accessLevel: .internal, warningsAsErrors: true).applied(to: .default)
        #expect(configuration == GeneratorConfiguration(accessLevel: .internal, warningsAsErrors: true))
        #expect(configuration.emitterOptions == EmitterOptions(accessLevel: .internal))
    }

    @Test func clientNameOnTheCommandLineMustBeASwiftIdentifierToo() {
        do {
            _ = try CommandLineOverrides(clientName: "my-client").applied(to: .default)
            Issue.record("an invalid --client-name was accepted")
        } catch {
            #expect(error.diagnostics == [.error("--client-name must be a Swift identifier: 'my-client' contains '-'", at: nil)])
        }
    }
}
