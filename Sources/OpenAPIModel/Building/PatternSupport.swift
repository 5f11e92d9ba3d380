import LinearRegex

/// Whether a `pattern` is in the ECMA-262 subset that `LinearRegex` matches in linear time, the
/// engine used both for the generator's own example checks and by generated validators.
enum PatternSupport {
    /// A reason the pattern cannot be honoured, with its offset in the pattern, or `nil` when it can:
    /// "a backreference (\1) is not supported (it cannot be matched in linear time), at offset 3".
    static func problem(in pattern: String) -> String? {
        do {
            _ = try LinearRegex(pattern)
            return nil
        } catch {
            return error.description
        }
    }
}
