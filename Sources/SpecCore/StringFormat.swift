import LinearRegex

/// The `format`s of strings the generator understands: one definition for the generator (which
/// checks examples and defaults with it, and picks Swift types by it) and the runtime (whose
/// validators check values with it), so that both mean the same by `email`.
public enum StringFormat: String, Hashable, Sendable, CaseIterable {
    case dateTime = "date-time"
    case date
    case uri
    case email
    case uuid

    /// Whether generated validators check this format on a `String` (date and date-time values
    /// are held as `Date`/`CalendarDate`, checked by decoding).
    public var isCheckedOnStrings: Bool {
        switch self {
        case .uri, .email, .uuid: true
        case .dateTime, .date: false
        }
    }

    // Anchored `LinearRegex` patterns: a backtracking regex took quadratic time and more on a
    // hostile email value ("a@" followed by thousands of dots).
    private static let emailPattern = try? LinearRegex(#"^[^\s@]+@[^\s@]+\.[^\s@]+$"#)
    private static let uriPattern = try? LinearRegex(#"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]*$"#)
    private static let uuidPattern = try? LinearRegex("^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$")
    private static let datePattern = try? LinearRegex(#"^\d{4}-\d{2}-\d{2}$"#)
    private static let dateTimePattern = try? LinearRegex(#"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"#)

    /// Whether `value` is a valid string of this format.
    public func matches(_ value: String) -> Bool {
        switch self {
        case .email: Self.emailPattern?.matches(value) ?? false
        case .uri: Self.uriPattern?.matches(value) ?? false
        case .uuid: Self.uuidPattern?.matches(value) ?? false
        case .date: Self.datePattern?.matches(value) == true && Self.isValidDate(value.prefix(10))
        case .dateTime: Self.dateTimePattern?.matches(value) == true && Self.isValidDate(value.prefix(10))
        }
    }

    private static func isValidDate(_ text: Substring) -> Bool {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return false }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        guard (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}
