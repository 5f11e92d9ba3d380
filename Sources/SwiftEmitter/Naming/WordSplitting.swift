/// Splitting wire names into words (`session_id`, `analysisComplete`, `HTTPServer2`), the first
/// step of every name ``Namer`` makes.
enum WordSplitting {
    /// Splits a wire name into words at separators, case changes and letter-to-digit boundaries.
    /// Works on Unicode scalars (names are identifiers, not prose), with an ASCII fast path: it
    /// runs for every name of the spec, several times.
    static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        let scalars = Array(name.unicodeScalars)
        for index in scalars.indices {
            let scalar = scalars[index]
            let kind = Kind(scalar)
            if kind == .other {
                if !current.isEmpty { words.append(String(current)) }
                current = String.UnicodeScalarView()
                continue
            }
            if let previous = current.last {
                let previousKind = Kind(previous)
                let nextKind = index + 1 < scalars.count ? Kind(scalars[index + 1]) : .other
                let startsWord =
                    (previousKind == .lower && kind == .upper)
                    || (previousKind == .upper && kind == .upper && nextKind == .lower)
                    || (previousKind == .lower && kind == .digit)
                if startsWord {
                    words.append(String(current))
                    current = String.UnicodeScalarView()
                }
            }
            current.append(scalar)
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// What a scalar is, for word splitting.
    private enum Kind: Equatable {
        case lower, upper, digit, otherLetter, other

        init(_ scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x61...0x7A: self = .lower
            case 0x41...0x5A: self = .upper
            case 0x30...0x39: self = .digit
            case 0..<0x80: self = .other
            default:
                let properties = scalar.properties
                if properties.isLowercase {
                    self = .lower
                } else if properties.isUppercase {
                    self = .upper
                } else if properties.numericType != nil {
                    self = .digit
                } else if properties.isAlphabetic {
                    self = .otherLetter
                } else {
                    self = .other
                }
            }
        }
    }

}
