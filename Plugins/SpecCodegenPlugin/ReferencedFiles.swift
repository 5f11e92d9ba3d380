import Foundation

/// The files a spec's `$ref`s name, found by reading the text (the plugin links none of the
/// generator's modules): every `$ref` value that does not start with `#` and is not a URL,
/// resolved against the file it is written in, followed into those files in turn. The generator
/// reads the same files; declaring them as inputs makes an edit to one rerun it, and nothing else.
enum ReferencedFiles {
    static func of(_ spec: URL) -> [URL] {
        var found: [URL] = []
        var seen: Set<String> = [spec.standardizedFileURL.path]
        var pending = [spec]
        while let file = pending.popLast() {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for reference in references(in: text) {
                let path = String(reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                guard !path.isEmpty, !path.contains("://") else { continue }
                let target = URL(fileURLWithPath: path.removingPercentEncoding ?? path, relativeTo: file.deletingLastPathComponent())
                    .standardizedFileURL
                if seen.insert(target.path).inserted {
                    found.append(target)
                    pending.append(target)
                }
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// The values of `$ref` keys in YAML or JSON text (`$ref: x.yaml`, `"$ref": "x.json#/a"`).
    static func references(in text: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while let range = rest.range(of: "$ref") {
            rest = rest[range.upperBound...]
            var scanner = rest.drop { $0 == "\"" || $0 == "'" }
            scanner = scanner.drop { $0 == " " || $0 == "\t" }
            guard scanner.first == ":" else { continue }
            scanner = scanner.dropFirst().drop { $0 == " " || $0 == "\t" }
            let quote = scanner.first == "\"" || scanner.first == "'" ? scanner.first : nil
            if quote != nil { scanner = scanner.dropFirst() }
            let value = scanner.prefix { character in
                if let quote { return character != quote && !character.isNewline }
                return !character.isWhitespace && character != "," && character != "}" && character != "]"
            }
            if !value.isEmpty { result.append(String(value)) }
            rest = scanner
        }
        return result
    }
}
