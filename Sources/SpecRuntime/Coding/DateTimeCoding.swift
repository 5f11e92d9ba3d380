import Foundation

/// A value coded with its date-times as RFC 3339 text, whatever decoder or encoder is used:
/// `Date`, and optionals, arrays and string-keyed dictionaries of such values, to any depth.
/// Generated models code `[Date]` or `[String: Date?]` properties through it.
public protocol DateTimeCoding: Sendable {
    init(dateTimeFrom decoder: any Decoder) throws
    func encodeDateTime(to encoder: any Encoder) throws
}

extension Date: DateTimeCoding {
    public init(dateTimeFrom decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = RFC3339.date(from: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not an RFC 3339 date-time")
        }
        self = date
    }

    public func encodeDateTime(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(RFC3339.string(from: self))
    }
}

extension Optional: DateTimeCoding where Wrapped: DateTimeCoding {
    public init(dateTimeFrom decoder: any Decoder) throws {
        self = try decoder.singleValueContainer().decodeNil() ? nil : try Wrapped(dateTimeFrom: decoder)
    }

    public func encodeDateTime(to encoder: any Encoder) throws {
        if let self {
            try self.encodeDateTime(to: encoder)
        } else {
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }
}

extension Array: DateTimeCoding where Element: DateTimeCoding {
    public init(dateTimeFrom decoder: any Decoder) throws {
        self = try [DateTimeCoded<Element>](from: decoder).map(\.value)
    }

    public func encodeDateTime(to encoder: any Encoder) throws {
        try map(DateTimeCoded.init).encode(to: encoder)
    }
}

extension Dictionary: DateTimeCoding where Key == String, Value: DateTimeCoding {
    public init(dateTimeFrom decoder: any Decoder) throws {
        self = try [String: DateTimeCoded<Value>](from: decoder).mapValues(\.value)
    }

    public func encodeDateTime(to encoder: any Encoder) throws {
        try mapValues(DateTimeCoded.init).encode(to: encoder)
    }
}

/// A ``DateTimeCoding`` value as an ordinary `Codable` one, so that containers code it in place
/// (coding paths, and so error pointers, stay those of the value).
@_spi(Generated) public struct DateTimeCoded<Value: DateTimeCoding>: Codable, Sendable {
    public var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    public init(from decoder: any Decoder) throws {
        value = try Value(dateTimeFrom: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try value.encodeDateTime(to: encoder)
    }
}

extension KeyedDecodingContainer {
    /// Decodes a collection of date-times (`[Date]`, `[String: Date?]`, …) from RFC 3339 strings.
    @_spi(Generated) public func decodeDateTime<Value: DateTimeCoding>(_ type: Value.Type, forKey key: Key) throws -> Value {
        try decode(DateTimeCoded<Value>.self, forKey: key).value
    }

    @_spi(Generated) public func decodeDateTimeIfPresent<Value: DateTimeCoding>(_ type: Value.Type, forKey key: Key) throws -> Value? {
        try decodeIfPresent(DateTimeCoded<Value>.self, forKey: key)?.value
    }
}

extension KeyedEncodingContainer {
    @_spi(Generated) public mutating func encodeDateTime<Value: DateTimeCoding>(_ value: Value, forKey key: Key) throws {
        try encode(DateTimeCoded(value), forKey: key)
    }

    @_spi(Generated) public mutating func encodeDateTimeIfPresent<Value: DateTimeCoding>(_ value: Value?, forKey key: Key) throws {
        if let value { try encodeDateTime(value, forKey: key) }
    }
}
