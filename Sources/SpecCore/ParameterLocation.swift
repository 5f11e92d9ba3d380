/// Where an operation parameter travels: one definition for the spec model (which reads `in`)
/// and the runtime (whose request validation says which parameter a violation is in).
public enum ParameterLocation: String, Hashable, Sendable, CaseIterable {
    case path, query, header, cookie
}
