import Foundation
import LinearRegex
import SpecCore

/// The keyword checks generated validators call, one per JSON Schema keyword, so that generated
/// code stays short and the checks are written once.
extension ValidationContext {
    @_spi(Generated) public mutating func checkLength(_ value: String, minLength: Int?, maxLength: Int?) {
        // JSON Schema counts code points, not grapheme clusters or UTF-16 units.
        let length = value.unicodeScalars.count
        if let minLength, length < minLength {
            report("minLength", limit: String(minLength), actual: "\(Self.excerpt(value)) (length \(length))")
        }
        if let maxLength, length > maxLength {
            report("maxLength", limit: String(maxLength), actual: "\(Self.excerpt(value)) (length \(length))")
        }
    }

    @_spi(Generated) public mutating func checkPattern(_ value: String, _ pattern: CompiledPattern) {
        if !pattern.matches(value) {
            report("pattern", limit: pattern.source, actual: Self.excerpt(value))
        }
    }

    @_spi(Generated) public mutating func checkFormat(_ value: String, _ format: StringFormat) {
        if !format.matches(value) {
            report("format", limit: format.rawValue, actual: Self.excerpt(value))
        }
    }

    @_spi(Generated) public mutating func checkBounds(
        _ value: Double, minimum: Double? = nil, maximum: Double? = nil,
        exclusiveMinimum: Double? = nil, exclusiveMaximum: Double? = nil, multipleOf: Double? = nil
    ) {
        if let minimum, value < minimum { report("minimum", limit: Self.number(minimum), actual: Self.number(value)) }
        if let maximum, value > maximum { report("maximum", limit: Self.number(maximum), actual: Self.number(value)) }
        if let exclusiveMinimum, value <= exclusiveMinimum {
            report("exclusiveMinimum", limit: Self.number(exclusiveMinimum), actual: Self.number(value))
        }
        if let exclusiveMaximum, value >= exclusiveMaximum {
            report("exclusiveMaximum", limit: Self.number(exclusiveMaximum), actual: Self.number(value))
        }
        if let multipleOf, !SchemaKeywords.isMultiple(.number(value), of: multipleOf) {
            report("multipleOf", limit: Self.number(multipleOf), actual: Self.number(value))
        }
    }

    /// An integer against numeric limits: bounds as for a `Double`, `multipleOf` exactly (a
    /// `Double` cannot tell `Int.max` from the multiple of 3 next to it).
    @_spi(Generated) public mutating func checkBounds(
        _ value: Int, minimum: Double? = nil, maximum: Double? = nil,
        exclusiveMinimum: Double? = nil, exclusiveMaximum: Double? = nil, multipleOf: Double? = nil
    ) {
        checkBounds(Double(value), minimum: minimum, maximum: maximum, exclusiveMinimum: exclusiveMinimum, exclusiveMaximum: exclusiveMaximum)
        if let multipleOf, !SchemaKeywords.isMultiple(.integer(value), of: multipleOf) {
            report("multipleOf", limit: Self.number(multipleOf), actual: String(value))
        }
    }

    @_spi(Generated) public mutating func checkItemCount(_ count: Int, minItems: Int?, maxItems: Int?) {
        if let minItems, count < minItems { report("minItems", limit: String(minItems), actual: "\(count) items") }
        if let maxItems, count > maxItems { report("maxItems", limit: String(maxItems), actual: "\(count) items") }
    }

    @_spi(Generated) public mutating func checkPropertyCount(_ count: Int, minProperties: Int?, maxProperties: Int?) {
        if let minProperties, count < minProperties { report("minProperties", limit: String(minProperties), actual: "\(count) members") }
        if let maxProperties, count > maxProperties { report("maxProperties", limit: String(maxProperties), actual: "\(count) members") }
    }

    /// `uniqueItems`: reports the first index whose value appeared before.
    @_spi(Generated) public mutating func checkUnique<Element: Hashable>(_ items: [Element]) {
        var seen = Set<Element>()
        seen.reserveCapacity(items.count)
        for (index, item) in items.enumerated() where !seen.insert(item).inserted {
            report("uniqueItems", limit: "true", actual: "item \(index) repeats an earlier item")
            return
        }
    }

    @_spi(Generated) public mutating func checkConst(_ value: String, _ expected: String) {
        if value != expected { report("const", limit: Self.excerpt(expected), actual: Self.excerpt(value)) }
    }

    /// `const` of a number: compared by value (`2` and `2.0` are the same number).
    @_spi(Generated) public mutating func checkConst(_ value: Double, _ expected: Double) {
        if value != expected { report("const", limit: Self.number(expected), actual: Self.number(value)) }
    }

    /// `enum` on a value that is not a Swift enum (numbers, or strings of a `const`-like list).
    @_spi(Generated) public mutating func checkAllowed<Value: Equatable & CustomStringConvertible>(_ value: Value, _ allowed: [Value]) {
        if !allowed.contains(value) {
            report("enum", limit: allowed.map(\.description).joined(separator: ", "), actual: value.description)
        }
    }

    /// A readable, bounded rendering of a string value for messages.
    public static func excerpt(_ value: String) -> String {
        let limit = 80
        var text = value.unicodeScalars.count > limit ? String(String.UnicodeScalarView(value.unicodeScalars.prefix(limit))) + "…" : value
        text = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"" + text + "\""
    }

    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// A `pattern`, compiled once and shared, in the ECMA-262 subset of `LinearRegex`: matching takes
/// time linear in the value, so a hostile value cannot make a pattern such as `^(a+)+$` hang validation.
@_spi(Generated) public final class CompiledPattern: Sendable {
    public let source: String
    private let regex: LinearRegex?

    public init(_ source: String) {
        self.source = source
        self.regex = try? LinearRegex(source)
    }

    /// Whether the pattern matches anywhere in `value` (JSON Schema patterns are not anchored).
    /// A pattern that failed to compile matches nothing, so it is reported rather than ignored;
    /// the generator refuses such patterns, so generated code has none.
    public func matches(_ value: String) -> Bool {
        regex?.matches(value) ?? false
    }
}
