import SpecDiagnostics

/// Where the emitter says what it did to the spec that the reader may not expect: a construct it
/// degraded or dropped, a name it had to change. Shared by every part of one emission (a reference,
/// so that value-typed emitters can report without being mutable); collected in order. Not locked:
/// each sink is written from one thread (files emitted at once have a sink each).
final class DiagnosticSink: @unchecked Sendable {
    private(set) var diagnostics: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    /// Reports `message` once, however many times a shared component leads back to it.
    func warning(_ message: String, at location: SourceLocation?) {
        let diagnostic = Diagnostic.warning(message, at: location)
        if seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }
}
