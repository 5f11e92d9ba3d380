extension LinearRegex {
    /// Why a pattern was refused: where, and a reason written for the author of the pattern.
    public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The kinds of refusal.
        public enum Kind: Sendable, Hashable {
            /// Valid ECMA-262 that cannot be matched in linear time or is outside the subset
            /// (backreferences, lookaround, Unicode properties other than general categories…).
            case unsupported
            /// Not a valid ECMA-262 pattern, or one that other dialects read differently.
            case invalid
            /// Beyond `LinearRegex.instructionLimit` or `LinearRegex.nestingLimit`.
            case tooLarge
        }

        public let kind: Kind
        /// The offset in the pattern, counted in Unicode scalars from 0, of the offending construct.
        public let offset: Int
        /// A sentence fragment naming the construct and the problem, e.g.
        /// "a backreference (\1) is not supported".
        public let reason: String

        public init(_ kind: Kind, at offset: Int, _ reason: String) {
            self.kind = kind
            self.offset = offset
            self.reason = reason
        }

        /// The reason followed by the offset: "a backreference (\1) is not supported, at offset 3".
        public var description: String { "\(reason), at offset \(offset)" }
    }
}
