/// The known key a mistyped one most likely meant, for "did you mean" in messages.
enum KeySuggestion {
    /// The closest of `known` to `key` when it is close enough to be a typo (case is ignored:
    /// `accesslevel` means `accessLevel`), the first of the closest on a tie; else `nil`.
    static func closest(to key: String, in known: [String]) -> String? {
        let typed = Array(key.lowercased().unicodeScalars)
        // Comparing a long string costs its length squared; no key is anywhere near this long.
        guard typed.count <= 64 else { return nil }
        var best: (name: String, distance: Int)?
        for name in known {
            let candidate = Array(name.lowercased().unicodeScalars)
            let distance = editDistance(typed, candidate)
            guard distance <= max(1, candidate.count / 4) else { continue }
            if distance < (best?.distance ?? Int.max) { best = (name, distance) }
        }
        return best?.name
    }

    /// The optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// adjacent characters, each counting one.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousRow: [Int] = []
        var row = Array(0...b.count)
        for i in 1...a.count {
            let beforePrevious = previousRow
            previousRow = row
            row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                row[j] = min(previousRow[j] + 1, row[j - 1] + 1, previousRow[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    row[j] = min(row[j], beforePrevious[j - 2] + 1)
                }
            }
        }
        return row[b.count]
    }
}
