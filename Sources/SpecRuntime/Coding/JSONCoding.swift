import Foundation

/// The JSON encoder and decoder generated code and the client use. Dates are coded by the models
/// themselves (RFC 3339), so no date strategy is set here.
public enum JSONCoding {
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }

    public static func makeDecoder() -> JSONDecoder {
        JSONDecoder()
    }
}
