import CodegenConfig
import SpecDiagnostics
import Testing

/// Whether a run fails, given its diagnostics: errors always, warnings under `warningsAsErrors`.
@Suite struct RunFailureTests {
    static let location = SourceLocation(file: "spec/openapi.yaml", line: 3, column: 5)
    static let error = Diagnostic.error("unresolved $ref", at: location)
    static let warning = Diagnostic.warning("schema 'Thing' is unused", at: location)
    static let note = Diagnostic(.note, "first defined here", at: location)

    @Test func runWithNoDiagnosticsPasses() {
        #expect(!GeneratorConfiguration(warningsAsErrors: false).runFails(with: []))
        #expect(!GeneratorConfiguration(warningsAsErrors: true).runFails(with: []))
    }

    @Test func errorFailsTheRunWhateverTheSetting() {
        #expect(GeneratorConfiguration(warningsAsErrors: false).runFails(with: [Self.warning, Self.error]))
        #expect(GeneratorConfiguration(warningsAsErrors: true).runFails(with: [Self.error]))
    }

    @Test func warningFailsTheRunOnlyWhenWarningsAreErrors() {
        #expect(!GeneratorConfiguration(warningsAsErrors: false).runFails(with: [Self.warning, Self.note]))
        #expect(GeneratorConfiguration(warningsAsErrors: true).runFails(with: [Self.note, Self.warning]))
    }

    @Test func noteNeverFailsTheRun() {
        #expect(!GeneratorConfiguration(warningsAsErrors: false).runFails(with: [Self.note]))
        #expect(!GeneratorConfiguration(warningsAsErrors: true).runFails(with: [Self.note, Self.note]))
    }

    @Test func warningsAsErrorsFromTheFileOrTheCommandLineDecides() throws {
        let fromFile = try GeneratorConfiguration.parse("warningsAsErrors: true\n")
        #expect(fromFile.runFails(with: [Self.warning]))
        let turnedOff = try CommandLineOverrides(warningsAsErrors: false).applied(to: fromFile)
        #expect(!turnedOff.runFails(with: [Self.warning]))
        let turnedOn = try CommandLineOverrides(warningsAsErrors: true).applied(to: .default)
        #expect(turnedOn.runFails(with: [Self.warning]))
    }

    /// `strict: true` is the same setting: an example that breaks its schema (a warning) fails the run.
    @Test func strictInTheFileMakesWarningsFailTheRun() throws {
        let strict = try GeneratorConfiguration.parse("strict: true\n")
        #expect(strict.runFails(with: [Self.warning]))
        #expect(!(try GeneratorConfiguration.parse("strict: false\n")).runFails(with: [Self.warning]))
    }
}
