import Foundation
import SpecCore

extension RecordedRequest {
    /// The encoding a recorded call sent its body in, by its `Content-Type` (media type
    /// parameters and case ignored): the case whose media type it is, else `fallback`.
    public func bodyFormat<Format: RawRepresentable & CaseIterable>(_ type: Format.Type, default fallback: Format) -> Format
    where Format.RawValue == String {
        guard let sent = header("Content-Type").map(MediaTypeText.essence) else { return fallback }
        return Format.allCases.first { MediaTypeText.essence(of: $0.rawValue) == sent } ?? fallback
    }
}
