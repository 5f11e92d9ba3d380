/// Swift's `Regex`, set to read a pattern as ECMA-262 does where it has an option for it: Unicode
/// scalars rather than characters, ASCII `\d` and `\w`, and simple (`\w`-based) word boundaries.
///
/// In Swift 6.3, simple word boundaries under `.unicodeScalar` semantics do not count digits as word
/// characters (`\b` finds no boundary in "1"), so a pattern with `\b` or `\B` is matched with the
/// default character semantics instead; the texts such patterns are compared on have no
/// multi-scalar characters, where the two semantics are the same.
enum SwiftRegexOracle {
    static func matches(_ pattern: String, _ text: String) throws -> Bool {
        var regex = try Regex(pattern)
            .asciiOnlyDigits()
            .asciiOnlyWordCharacters()
            .wordBoundaryKind(.simple)
        if !pattern.contains(#"\b"#) && !pattern.contains(#"\B"#) {
            regex = regex.matchingSemantics(.unicodeScalar)
        }
        return try regex.firstMatch(in: text) != nil
    }
}
