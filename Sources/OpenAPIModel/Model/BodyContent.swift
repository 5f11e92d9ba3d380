import SpecCore
import SpecDiagnostics

// Not all of Foundation where FoundationEssentials exists: loading Foundation and ICU would cost each run ~8 ms.
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// How a body travels on the wire, decided by its media type (README, "Bodies").
public enum BodyEncoding: String, Hashable, Sendable, CaseIterable {
    /// `application/json`, `text/json`, any `…+json` (`application/problem+json`), and a
    /// wildcard (`*/*`, `application/*`) whose schema is not a binary string.
    case json
    /// `text/*` and XML (held as text: XML is not parsed): a `String`.
    case text
    /// `application/octet-stream`, images, audio, video, fonts, `application/pdf`, `application/zip`,
    /// other `application/…` types and a wildcard whose schema is a binary string: `Data`.
    case binary
    /// `application/x-www-form-urlencoded`: an object's members as form fields.
    case formURLEncoded
    /// `multipart/form-data`: an object's members as parts.
    case multipart

    /// The encoding of a `content` key (parameters such as `; charset=utf-8` and case ignored),
    /// `nil` for one this generator does not support (`multipart/mixed`, …).
    /// `binarySchema` says whether the schema is a binary string, which makes a wildcard binary.
    public static func of(mediaType: String, binarySchema: Bool) -> BodyEncoding? {
        let essence = MediaTypeText.essence(of: mediaType)
        let parts = essence.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        let (type, subtype) = (parts[0], parts[1])
        if subtype == "json" || subtype.hasSuffix("+json") { return type == "application" || type == "text" || type == "*" ? .json : nil }
        if essence == "application/x-www-form-urlencoded" { return .formURLEncoded }
        if essence == "multipart/form-data" { return .multipart }
        if isXML(mediaType) { return .text }
        switch type {
        case "text": return .text
        case "*",
            "application" where subtype == "*":
            return binarySchema ? .binary : .json
        case "application", "image", "audio", "video", "font", "model": return .binary
        default: return nil
        }
    }

    /// `application/xml`, `text/xml` or any `…+xml`.
    public static func isXML(_ mediaType: String) -> Bool {
        let essence = MediaTypeText.essence(of: mediaType)
        return essence == "application/xml" || essence == "text/xml" || essence.hasSuffix("+xml")
    }

    /// Which encoding is generated when a body declares several: the first in this order.
    var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Whether a value of a schema's type is written field by field or as JSON: encodings among
    /// which one Swift value may choose.
    var isStructured: Bool { self == .json || self == .formURLEncoded || self == .multipart }
}

/// How one member of a form or multipart body is written (an entry of a media type's `encoding`).
public struct PartEncoding: Hashable, Sendable {
    /// The part's `Content-Type` (multipart).
    public var contentType: String?
    /// `form` (the default) or `deepObject` for a form field holding an object; `nil` when not written.
    public var style: String?
    /// Whether an array or object is spread over several fields (`true` by default for `form`).
    public var explode: Bool?

    public init(contentType: String? = nil, style: String? = nil, explode: Bool? = nil) {
        self.contentType = contentType
        self.style = style
        self.explode = explode
    }
}

/// The content a body is generated for: one media type of its `content` map.
public struct BodyContent: Hashable, Sendable {
    /// The key as written (`image/png`, `application/json; charset=utf-8`).
    public var mediaType: String
    public var encoding: BodyEncoding
    /// The media type's schema; for text or binary content without one, `{type: string}`; for
    /// JSON without one, any value.
    public var schema: Schema
    /// The `encoding` entries of a form or multipart body, by member name.
    public var partEncodings: [String: PartEncoding]
    /// The other declared media types of the same encoding and schema (`image/jpeg` beside
    /// `image/png`): the same Swift type, sent or accepted under another name.
    public var alternatives: [String] = []
    /// Other structured encodings (JSON, form, multipart) declared with the same schema: the
    /// same Swift value, which the caller may send in any of them. Empty in these themselves.
    public var otherFormats: [BodyContent] = []

    /// This content and its ``otherFormats``: every encoding the caller may choose, this one first.
    public var formats: [BodyContent] { [self] + otherFormats }

    public init(mediaType: String, encoding: BodyEncoding, schema: Schema, partEncodings: [String: PartEncoding] = [:]) {
        self.mediaType = mediaType
        self.encoding = encoding
        self.schema = schema
        self.partEncodings = partEncodings
    }
}
