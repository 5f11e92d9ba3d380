import Foundation

/// Media type names as the generator and the runtime both compare them.
public enum MediaTypeText {
    /// The type and subtype, lowercased, without parameters (`Application/JSON; charset=utf-8` → `application/json`).
    public static func essence(of mediaType: String) -> String {
        String(mediaType.split(separator: ";", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }
}
