import LinearRegex
import Testing

/// Random patterns from a small grammar over a small alphabet, matched against short random texts
/// by both `LinearRegex` and Swift's `Regex` (read as ECMA-262 reads them). Short texts keep the
/// backtracking engine fast even on nested quantifiers. The generator is seeded, so failures repeat.
@Suite struct RandomAgreementTests {
    /// SplitMix64: small, deterministic, good enough to pick grammar productions.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let atoms = ["a", "b", "c", ".", "[ab]", "[^a]", "[a-c]", #"\w"#, #"\W"#, #"\d"#, "-", #"\-"#, " ", #"\s"#]
    static let assertions = ["^", "$", #"\b"#, #"\B"#]
    static let quantifiers = ["*", "+", "?", "{2}", "{1,}", "{0,2}", "{1,3}", "*?", "+?", "??", "{0,2}?"]
    static let alphabet: [Character] = ["a", "b", "c", "1", "-", " "]

    static func pattern(depth: Int, using random: inout Generator) -> String {
        let count = Int.random(in: 1...3, using: &random)
        var alternatives: [String] = []
        for _ in 0..<Int.random(in: 1...(depth > 0 ? 2 : 1), using: &random) {
            var terms = ""
            for _ in 0..<count {
                switch Int.random(in: 0..<10, using: &random) {
                case 0:
                    terms += assertions.randomElement(using: &random) ?? "^"
                case 1...2 where depth > 0:
                    let group = Bool.random(using: &random) ? "(" : "(?:"
                    terms += group + pattern(depth: depth - 1, using: &random) + ")"
                    if Bool.random(using: &random) { terms += quantifiers.randomElement(using: &random) ?? "*" }
                default:
                    terms += atoms.randomElement(using: &random) ?? "a"
                    if Int.random(in: 0..<3, using: &random) == 0 { terms += quantifiers.randomElement(using: &random) ?? "*" }
                }
            }
            alternatives.append(terms)
        }
        return alternatives.joined(separator: "|")
    }

    @Test func randomPatternsAgreeWithSwiftRegex() throws {
        var random = Generator(state: 20_240_601)
        var compared = 0
        for _ in 0..<1_500 {
            let pattern = Self.pattern(depth: 2, using: &random)
            let ours = try LinearRegex(pattern)
            for _ in 0..<8 {
                let text = String(
                    (0..<Int.random(in: 0...6, using: &random)).map { _ in
                        Self.alphabet.randomElement(using: &random) ?? "a"
                    })
                let expected = try SwiftRegexOracle.matches(pattern, text)
                #expect(ours.matches(text) == expected, "/\(pattern)/ on \(text.debugDescription)")
                compared += 1
            }
        }
        #expect(compared == 12_000)
    }

    /// Arbitrary text made of regex syntax either compiles, and then matches without trapping, or
    /// is refused with an offset inside the pattern.
    @Test func arbitraryPatternTextCompilesOrIsRefusedWithoutTrapping() {
        var random = Generator(state: 7)
        let pieces: [String] = [
            "(", ")", "[", "]", "{", "}", "\\", "^", "$", ".", "*", "+", "?", "|", "-", ",", "0", "1", "9", "a", "b",
            "p", "P", "u", "x", "c", "k", "d", "<", ">", "=", "!", ":", "&", "~", "D83D", "{2}", "{1,3}", "é", "😀",
        ]
        var compiled = 0
        for _ in 0..<20_000 {
            let pattern = (0..<Int.random(in: 1...12, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "a" }.joined()
            do {
                let regex = try LinearRegex(pattern)
                _ = regex.matches("ab1-é😀\\(a)")
                compiled += 1
            } catch {
                #expect((0...pattern.unicodeScalars.count).contains(error.offset), "\(pattern): \(error)")
            }
        }
        #expect(compiled > 0)
    }
}
