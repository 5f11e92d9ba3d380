/// One finding about an input file, printed the way compilers print theirs:
/// `spec/analysis.yaml:12:5: error: duplicate key 'language' (first defined at 9:5)`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a finding is; only errors make a run fail.
    public enum Severity: String, Hashable, Sendable, Comparable {
        case note
        case warning
        case error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// Where the problem is; `nil` only when there is no file position at all (e.g. a missing file).
    public var location: SourceLocation?
    /// The file the finding is about when there is no position in it.
    public var file: String?
    public var message: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, file: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.file = file ?? location?.file
    }

    public static func error(_ message: String, at location: SourceLocation?, file: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, file: file)
    }

    public static func warning(_ message: String, at location: SourceLocation?, file: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, file: file)
    }

    public var description: String {
        let prefix: String
        if let location {
            prefix = "\(location): "
        } else if let file {
            prefix = "\(file): "
        } else {
            prefix = ""
        }
        return "\(prefix)\(severity.rawValue): \(message)"
    }
}

/// Several diagnostics thrown together, so that one run reports every problem it found.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Array where Element == Diagnostic {
    /// Whether any finding is an error (warnings and notes do not fail a run).
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file position, errors first at the same position; stable for identical input.
    public func sortedForDisplay() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            let l = lhs.element
            let r = rhs.element
            if l.location != r.location {
                switch (l.location, r.location) {
                case (let a?, let b?): return a < b
                case (nil, _?): return true
                case (_?, nil): return false
                case (nil, nil): break
                }
            }
            if l.severity != r.severity { return l.severity > r.severity }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
