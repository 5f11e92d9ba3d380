import Foundation

/// The JSON encoder and decoder generated code and the client use. Models code their date-times
/// themselves (RFC 3339), whatever coder is used; the date strategies here do the same for a
/// `Date` that is a whole body or inside a collection body (`[Date]`).
public enum JSONCoding {
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in try date.encodeDateTime(to: encoder) }
        return encoder
    }

    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in try Date(dateTimeFrom: decoder) }
        return decoder
    }
}
