/// Media type names as the generator and the runtime both compare them.
public enum MediaTypeText {
    /// The type and subtype, lowercased, without parameters (`Application/JSON; charset=utf-8` → `application/json`).
    public static func essence(of mediaType: String) -> String {
        // Most media types are written as their essence already.
        let isEssence = mediaType.utf8.allSatisfy { byte in
            byte != UInt8(ascii: ";") && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                && byte < 0x80
        }
        if isEssence { return mediaType }
        let type = mediaType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(type.drop(while: isBlank).reversed().drop(while: isBlank).reversed()).lowercased()
    }
}
