import Foundation

extension RecordedRequest {
    /// The encoding a recorded call sent its body in, by its `Content-Type` (media type
    /// parameters and case ignored): the case whose media type it is, else `fallback`.
    public func bodyFormat<Format: RawRepresentable & CaseIterable>(_ type: Format.Type, default fallback: Format) -> Format
    where Format.RawValue == String {
        guard let sent = header("Content-Type").map(Self.essence) else { return fallback }
        return Format.allCases.first { Self.essence(of: $0.rawValue) == sent } ?? fallback
    }

    private static func essence(of mediaType: String) -> String {
        String(mediaType.split(separator: ";", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }
}
