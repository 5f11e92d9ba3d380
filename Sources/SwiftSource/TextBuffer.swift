/// The renderer's output: UTF-8 bytes appended in place. Generated files are made of many small
/// pieces (a dot, a name, a parenthesis); appending bytes costs a copy, where appending to a
/// `String` goes through its general machinery each time.
struct TextBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    static func += (buffer: inout TextBuffer, text: String) {
        buffer.bytes.append(contentsOf: text.utf8)
    }

    static func += (buffer: inout TextBuffer, other: TextBuffer) {
        buffer.bytes.append(contentsOf: other.bytes)
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// The width measure of ``StringProtocol/columns``: UTF-8 bytes.
    var columns: Int { bytes.count }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
