/// Keywords of numbers and strings.
extension Evaluation {
    mutating func checkNumber(_ instance: JSONLiteral, _ schema: SchemaKeywords) {
        guard let value = instance.numericValue else { return }
        let shown = Self.excerpt(instance)
        if let minimum = schema.minimum, value < minimum { fail("minimum", limit: Self.number(minimum), actual: shown) }
        if let maximum = schema.maximum, value > maximum { fail("maximum", limit: Self.number(maximum), actual: shown) }
        if let bound = schema.exclusiveMinimum, value <= bound { fail("exclusiveMinimum", limit: Self.number(bound), actual: shown) }
        if let bound = schema.exclusiveMaximum, value >= bound { fail("exclusiveMaximum", limit: Self.number(bound), actual: shown) }
        if let divisor = schema.multipleOf, !Self.isMultiple(instance, of: divisor) {
            fail("multipleOf", limit: Self.number(divisor), actual: shown)
        }
    }

    /// ``SchemaKeywords/isMultiple(_:of:)``.
    static func isMultiple(_ instance: JSONLiteral, of divisor: Double) -> Bool {
        SchemaKeywords.isMultiple(instance, of: divisor)
    }

    mutating func checkString(_ text: String, _ schema: SchemaKeywords) {
        // Lengths count code points, as JSON Schema does (not grapheme clusters or UTF-16 units).
        if schema.minLength != nil || schema.maxLength != nil {
            let length = text.unicodeScalars.count
            if let minimum = schema.minLength, length < minimum {
                fail("minLength", limit: String(minimum), actual: "\(Self.excerpt(.string(text))) (length \(length))")
            }
            if let maximum = schema.maxLength, length > maximum {
                fail("maxLength", limit: String(maximum), actual: "\(Self.excerpt(.string(text))) (length \(length))")
            }
        }
        if let pattern = schema.pattern {
            // A pattern outside the linear subset is an error where the spec is read; it is not repeated per value.
            if let regex = regex(pattern), !regex.matches(text) {
                fail("pattern", limit: pattern, actual: Self.excerpt(.string(text)))
            }
        }
        if let format = schema.format, !format.matches(text) {
            fail("format", limit: format.rawValue, actual: Self.excerpt(.string(text)))
        }
    }
}

extension SchemaKeywords {
    /// The `multipleOf` rule, shared by the interpreter and generated validators: exact for
    /// integers and whole divisors; for fractions, the quotient must be within rounding error of a
    /// whole number (`0.0075` is a multiple of `0.0001`), and an overflowing quotient is no multiple.
    public static func isMultiple(_ instance: JSONLiteral, of divisor: Double) -> Bool {
        if case .integer(let value) = instance, divisor.rounded() == divisor, divisor > 0, divisor < 9e18 {
            return value % Int(divisor) == 0
        }
        guard let value = instance.numericValue, divisor > 0 else { return false }
        let quotient = value / divisor
        guard quotient.isFinite else { return false }
        return abs(quotient - quotient.rounded()) <= 1e-9 * max(1, abs(quotient))
    }
}
