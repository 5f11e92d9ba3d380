import Foundation

/// A file: a `format: binary` member, sent as a file part of a multipart body with its file name
/// and content type. Where JSON must hold one, it is its bytes in base64.
public struct FilePart: Hashable, Sendable, Codable {
    public var data: Data
    /// The part's `filename`; the member's name when `nil`.
    public var filename: String?
    /// The part's `Content-Type`; the spec's `encoding` type, or `application/octet-stream`, when `nil`.
    public var contentType: String?

    public init(data: Data, filename: String? = nil, contentType: String? = nil) {
        self.data = data
        self.filename = filename
        self.contentType = contentType
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let data = Data(base64Encoded: text) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "a file in JSON is base64 text"))
        }
        self.init(data: data)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(data.base64EncodedString())
    }
}
