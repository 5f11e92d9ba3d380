import Foundation

/// A `multipart/form-data` body (RFC 7578), built part by part by a generated method from its
/// body's members: a ``FilePart`` as a file part, a scalar as a text part, an array as one part per item,
/// an object as an `application/json` part; `encoding`'s `contentType` overrides a part's type.
@_spi(Generated) public struct MultipartBody: Sendable {
    /// One part: its name, its file name for a file, its content type and its bytes.
    public struct Part: Sendable, Hashable {
        public var name: String
        public var filename: String?
        public var contentType: String?
        public var data: Data
    }

    public private(set) var parts: [Part] = []
    /// Separates the parts; random, so that no part's bytes contain it.
    public let boundary: String
    private(set) var failure: String?

    public init(boundary: String = "spec-codegen-" + UUID().uuidString) {
        self.boundary = boundary
    }

    private mutating func appendFile(_ name: String, _ file: FilePart, contentType: String?) {
        parts.append(
            Part(
                name: name, filename: file.filename ?? name,
                contentType: file.contentType ?? contentType ?? "application/octet-stream", data: file.data))
    }

    /// Adds the parts of one member; an absent optional adds none.
    public mutating func append<Value: Encodable>(_ name: String, _ value: Value, contentType: String? = nil) {
        // A file (or a list of them, optional or not) is a file part each, whatever else it could encode as.
        if let file = value as? FilePart { return appendFile(name, file, contentType: contentType) }
        if let files = value as? [FilePart] {
            for file in files { appendFile(name, file, contentType: contentType) }
            return
        }
        let json: JSONValue?
        do {
            json = try FieldValues.json(value)
        } catch {
            failure = failure ?? "member '\(name)': \(error)"
            return
        }
        guard let json else { return }
        if case .array(let items) = json, contentType == nil || contentType == "text/plain" {
            for item in items { appendValue(name, item, contentType: contentType) }
        } else {
            appendValue(name, json, contentType: contentType)
        }
    }

    /// Adds the parts of each member of a JSON object, in name order (a body held as ``JSONValue``).
    public mutating func appendMembers(of value: JSONValue) {
        guard case .object(let members) = value else {
            failure = failure ?? "a multipart body is an object, not \(FieldValues.jsonText(value).prefix(40))"
            return
        }
        for (name, member) in members.sorted(by: { $0.key < $1.key }) { append(name, member) }
    }

    private mutating func appendValue(_ name: String, _ value: JSONValue, contentType: String?) {
        if let text = FieldValues.text(value), contentType == nil || contentType?.hasPrefix("text/") == true {
            parts.append(Part(name: name, filename: nil, contentType: contentType, data: Data(text.utf8)))
        } else {
            parts.append(Part(name: name, filename: nil, contentType: contentType ?? "application/json", data: Data(FieldValues.jsonText(value).utf8)))
        }
    }

    /// `multipart/form-data; boundary=…`.
    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// The body's bytes: each part with its `Content-Disposition` (quotes and line breaks in
    /// names percent-encoded, as HTML's form submission does) and `Content-Type`, then the close.
    public var encoded: Data {
        var data = Data()
        for part in parts {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.escape(part.name))\""
            if let filename = part.filename { head += "; filename=\"\(Self.escape(filename))\"" }
            head += "\r\n"
            if let type = part.contentType { head += "Content-Type: \(type)\r\n" }
            data.append(Data((head + "\r\n").utf8))
            data.append(part.data)
            data.append(Data("\r\n".utf8))
        }
        data.append(Data("--\(boundary)--\r\n".utf8))
        return data
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }
}
