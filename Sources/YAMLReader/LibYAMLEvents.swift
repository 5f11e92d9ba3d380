import CYAML
import SpecDiagnostics

/// The thin layer over libyaml's C parser: feeds bytes in, hands events out, and turns libyaml's
/// error state into a diagnostic with its own problem text and position.
public enum LibYAMLEvents {
    /// Calls `body` with every event of `bytes`, in order. Events are only valid during the call.
    static func forEach(
        in bytes: [UInt8], file: String, _ body: (yaml_event_t) throws(DiagnosticError) -> Void
    ) throws(DiagnosticError) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw DiagnosticError(.error("libyaml could not initialise a parser (out of memory)", at: nil, file: file))
        }
        defer { yaml_parser_delete(&parser) }
        try bytes.withUnsafeBufferPointer { (buffer) throws(DiagnosticError) in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw DiagnosticError(error(of: parser, bytes: buffer, file: file))
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return }
                try body(event)
            }
        }
    }

    /// Counts the events of a document without building anything: the floor that tree building is
    /// measured against in benchmarks. Returns `nil` when libyaml reports an error.
    public static func countEvents(in bytes: [UInt8]) -> Int? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            var count = 0
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                count += 1
                if done { return count }
            }
        }
    }

    private static func error(of parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>, file: String) -> Diagnostic {
        var message = parser.problem.map { String(cString: $0) } ?? "libyaml reported an error"
        let location: SourceLocation
        if parser.error == YAML_READER_ERROR {
            // Reader errors (bad encoding) carry a byte offset rather than a mark.
            if parser.problem_value != -1 {
                message += " (byte 0x" + String(UInt8(truncatingIfNeeded: parser.problem_value), radix: 16, uppercase: true) + ")"
            }
            location = Self.location(ofByteOffset: Int(parser.problem_offset), in: bytes, file: file)
        } else {
            let mark = parser.problem_mark
            location = SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
            if let context = parser.context {
                let contextMark = parser.context_mark
                message += " (\(String(cString: context)) at \(contextMark.line + 1):\(contextMark.column + 1))"
            }
        }
        return .error(message, at: location)
    }

    private static func location(ofByteOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
