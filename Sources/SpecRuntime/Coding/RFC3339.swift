import Foundation
import SpecCore

/// RFC 3339 date-times, parsed and formatted by hand: no `DateFormatter` per call, fractional
/// seconds optional, `Z` or a numeric offset accepted. Formatting is in UTC with `Z`, with
/// fractional seconds (milliseconds) only when the date has them.
public enum RFC3339 {
    /// The date of `text`, or `nil` when it is not an RFC 3339 date-time.
    public static func date(from text: String) -> Date? {
        // The grammar and the leap-second rule (second 60 only at 23:59 UTC) are the format
        // check's, one definition for validators and decoding; this computes the instant.
        guard StringFormat.dateTime.matches(text) else { return nil }
        var utf8 = Array(text.utf8)
        guard utf8.count >= 20 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = utf8[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
            utf8[10] == UInt8(ascii: "T") || utf8[10] == UInt8(ascii: "t"),
            utf8[13] == UInt8(ascii: ":"), utf8[16] == UInt8(ascii: ":"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            CalendarDate.isValid(year: year, month: month, day: day), hour < 24, minute < 60, second <= 60
        else { return nil }
        var index = 19
        var fraction = 0.0
        if utf8[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < utf8.count, utf8[index] >= 48, utf8[index] <= 57 {
                fraction += Double(utf8[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < utf8.count else { return nil }
        var offset = 0
        switch utf8[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = utf8[index] == UInt8(ascii: "-") ? -1 : 1
            guard index + 6 == utf8.count, utf8[index + 3] == UInt8(ascii: ":"),
                let offsetHours = number(index + 1..<index + 3), let offsetMinutes = number(index + 4..<index + 6),
                offsetHours < 24, offsetMinutes < 60
            else { return nil }
            offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
            index += 6
        default:
            return nil
        }
        guard index == utf8.count else { return nil }
        utf8.removeAll()
        let days = CalendarDate.daysSinceEpoch(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset) + fraction
        return Date(timeIntervalSince1970: seconds)
    }

    /// `2026-03-26T11:10:00Z`, or `2026-03-26T11:10:00.250Z` when there are fractional seconds.
    public static func string(from date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var milliseconds = Int64((interval * 1000).rounded())
        let millisecondPart = Int(((milliseconds % 1000) + 1000) % 1000)
        milliseconds -= Int64(millisecondPart)
        let totalSeconds = Int(milliseconds / 1000)
        let days = Int((Double(totalSeconds) / 86_400).rounded(.down))
        let secondsOfDay = totalSeconds - days * 86_400
        let calendarDate = CalendarDate(daysSinceEpoch: days)
        var text = calendarDate.description + "T" + pad(secondsOfDay / 3600) + ":" + pad(secondsOfDay / 60 % 60) + ":" + pad(secondsOfDay % 60)
        if millisecondPart != 0 {
            text += "." + String(millisecondPart + 1000).dropFirst()
        }
        return text + "Z"
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}

extension KeyedDecodingContainer {
    /// Decodes an RFC 3339 string as a `Date`; a malformed date is `DecodingError.dataCorrupted`.
    @_spi(Generated) public func decodeDateTime(forKey key: Key) throws -> Date {
        let text = try decode(String.self, forKey: key)
        guard let date = RFC3339.date(from: text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "'\(text)' is not an RFC 3339 date-time")
        }
        return date
    }

    @_spi(Generated) public func decodeDateTimeIfPresent(forKey key: Key) throws -> Date? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeDateTime(forKey: key)
    }
}

extension KeyedEncodingContainer {
    @_spi(Generated) public mutating func encodeDateTime(_ date: Date, forKey key: Key) throws {
        try encode(RFC3339.string(from: date), forKey: key)
    }

    @_spi(Generated) public mutating func encodeDateTimeIfPresent(_ date: Date?, forKey key: Key) throws {
        if let date { try encodeDateTime(date, forKey: key) }
    }
}
