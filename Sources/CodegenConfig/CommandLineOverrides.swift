import SpecDiagnostics
import SwiftEmitter

/// The options given on the command line, each `nil` when it was not given. Applied over the
/// configuration read from the config file, so that the order of precedence is: built-in
/// defaults, then the config file, then the command line.
public struct CommandLineOverrides: Hashable, Sendable {
    /// `--access-level`.
    public var accessLevel: EmitterOptions.AccessLevel?
    /// `--client-name`.
    public var clientName: String?
    /// `--warnings-as-errors` (`true`) or `--no-warnings-as-errors` (`false`).
    public var warningsAsErrors: Bool?

    public init(accessLevel: EmitterOptions.AccessLevel? = nil, clientName: String? = nil, warningsAsErrors: Bool? = nil) {
        self.accessLevel = accessLevel
        self.clientName = clientName
        self.warningsAsErrors = warningsAsErrors
    }

    /// `configuration` with every option given here in place of its value. A `--client-name`
    /// that is not a Swift identifier is refused, as it is in the config file; the diagnostic has
    /// no location and names the option.
    public func applied(to configuration: GeneratorConfiguration) throws(DiagnosticError) -> GeneratorConfiguration {
        var result = configuration
        if let accessLevel { result.accessLevel = accessLevel }
        if let clientName {
            if let problem = SwiftIdentifier.problem(with: clientName) {
                throw DiagnosticError(.error("--client-name must be a Swift identifier: \(problem)", at: nil))
            }
            result.clientName = clientName
        }
        if let warningsAsErrors { result.warningsAsErrors = warningsAsErrors }
        return result
    }
}
