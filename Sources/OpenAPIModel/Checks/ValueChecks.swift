import Foundation
import SpecCore
import LinearRegex

/// String keywords; lengths count Unicode code points, as JSON Schema does.
enum StringChecks {
    static func check(_ text: String, _ schema: StringSchema, pointer: String, into found: inout [SchemaViolation]) {
        let length = text.unicodeScalars.count
        if let min = schema.minLength, length < min {
            found.append(SchemaViolation(pointer: pointer, keyword: "minLength", message: "length \(length), shorter than \(min)"))
        }
        if let max = schema.maxLength, length > max {
            found.append(SchemaViolation(pointer: pointer, keyword: "maxLength", message: "length \(length), longer than \(max)"))
        }
        // LinearRegex, not Regex: a backtracking engine can take exponential time on a pattern such
        // as ^(a+)+$. A pattern it refuses has already been reported where the schema was built.
        if let pattern = schema.pattern, let regex = try? LinearRegex(pattern), !regex.matches(text) {
            found.append(SchemaViolation(pointer: pointer, keyword: "pattern", message: "\(JSONLiteral.quoted(text)) does not match \(pattern)"))
        }
        if let format = schema.format, !format.matches(text) {
            found.append(SchemaViolation(pointer: pointer, keyword: "format", message: "\(JSONLiteral.quoted(text)) is not a valid \(format.rawValue)"))
        }
    }
}

enum NumericChecks {
    /// `2` rather than `2.0`: numbers as the spec's author wrote them.
    static func text(_ value: Double) -> String {
        JSONLiteral.number(value).description
    }

    static func check(_ number: Double, _ schema: NumericSchema, pointer: String, into found: inout [SchemaViolation]) {
        if let min = schema.minimum, number < min {
            found.append(SchemaViolation(pointer: pointer, keyword: "minimum", message: "\(text(number)) is less than \(text(min))"))
        }
        if let max = schema.maximum, number > max {
            found.append(SchemaViolation(pointer: pointer, keyword: "maximum", message: "\(text(number)) is greater than \(text(max))"))
        }
        if let min = schema.exclusiveMinimum, number <= min {
            found.append(SchemaViolation(pointer: pointer, keyword: "exclusiveMinimum", message: "\(text(number)) is not greater than \(text(min))"))
        }
        if let max = schema.exclusiveMaximum, number >= max {
            found.append(SchemaViolation(pointer: pointer, keyword: "exclusiveMaximum", message: "\(text(number)) is not less than \(text(max))"))
        }
        if let multiple = schema.multipleOf {
            let quotient = number / multiple
            if abs(quotient - quotient.rounded()) > 1e-9 * max(1, abs(quotient)) {
                found.append(SchemaViolation(pointer: pointer, keyword: "multipleOf", message: "\(text(number)) is not a multiple of \(text(multiple))"))
            }
        }
    }
}
