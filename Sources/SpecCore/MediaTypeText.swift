/// Media type names as the generator and the runtime both compare them.
public enum MediaTypeText {
    /// The type and subtype, lowercased, without parameters (`Application/JSON; charset=utf-8` → `application/json`).
    public static func essence(of mediaType: String) -> String {
        let type = mediaType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(type.drop(while: isBlank).reversed().drop(while: isBlank).reversed()).lowercased()
    }
}
