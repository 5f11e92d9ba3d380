/// The part of ECMA-262 regular expression syntax that Swift's `Regex` cannot run the same way.
enum PatternSupport {
    /// A reason the pattern cannot be honoured, or `nil` when it can.
    static func problem(in pattern: String) -> String? {
        if pattern.contains("(?<=") || pattern.contains("(?<!") {
            return "lookbehind is not supported"
        }
        if pattern.contains("\\p{") || pattern.contains("\\P{") {
            return nil
        }
        do {
            _ = try Regex(pattern)
        } catch {
            return "not a valid regular expression (\(error))"
        }
        return nil
    }
}
