/// RFC 3339 section 5.6: `full-date`, `full-time` and `date-time`, with the limits of 5.7 (days
/// per month, leap years) and its leap-second rule: second 60 only at 23:59 UTC.
enum RFC3339Syntax {
    static func isDateTime(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 20, bytes[10] | 0x20 == UInt8(ascii: "t") else { return false }
        return isDate(bytes[0..<10]) && isTime(bytes[11...])
    }

    /// `YYYY-MM-DD`.
    static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        let start = bytes.startIndex
        guard bytes.count == 10, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
            let year = ASCII.decimal(bytes[start..<start + 4]),
            let month = ASCII.decimal(bytes[start + 5..<start + 7]),
            let day = ASCII.decimal(bytes[start + 8..<start + 10]),
            (1...12).contains(month)
        else { return false }
        return (1...daysIn(month: month, year: year)).contains(day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// `HH:MM:SS[.fraction](Z|±HH:MM)`.
    static func isTime(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        guard bytes.count >= 9, bytes[index + 2] == UInt8(ascii: ":"), bytes[index + 5] == UInt8(ascii: ":"),
            let hour = ASCII.decimal(bytes[index..<index + 2]),
            let minute = ASCII.decimal(bytes[index + 3..<index + 5]),
            let second = ASCII.decimal(bytes[index + 6..<index + 8]),
            hour <= 23, minute <= 59, second <= 60
        else { return false }
        index += 8
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let digits = bytes[index...].prefix(while: ASCII.isDigit).count
            guard digits > 0 else { return false }
            index += digits
        }
        guard index < bytes.endIndex else { return false }
        var offsetMinutes = 0
        if bytes[index] | 0x20 == UInt8(ascii: "z") {
            guard index + 1 == bytes.endIndex else { return false }
        } else {
            let sign = bytes[index]
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), bytes.endIndex - index == 6,
                bytes[index + 3] == UInt8(ascii: ":"),
                let offsetHour = ASCII.decimal(bytes[index + 1..<index + 3]),
                let offsetMinute = ASCII.decimal(bytes[index + 4..<index + 6]),
                offsetHour <= 23, offsetMinute <= 59
            else { return false }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (sign == UInt8(ascii: "+") ? 1 : -1)
        }
        if second == 60 {
            // The local time minus the offset is UTC; a leap second is 23:59:60 there.
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }
}
