import CYAML
import SpecDiagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads one YAML or JSON document into a ``YAMLNode`` tree, through the system libyaml.
///
/// Every problem is a ``DiagnosticError`` whose messages print like a compiler's
/// (`spec/openapi.yaml:12:5: error: duplicate key 'language' (first defined at 9:5)`).
public struct YAMLParser: Sendable {
    public var limits: ReaderLimits

    public init(limits: ReaderLimits = .default) {
        self.limits = limits
    }

    /// Reads the file at `path`; `path` is also the file name used in locations.
    public func read(contentsOf path: String) throws(DiagnosticError) -> YAMLNode {
        let bytes = try Self.readFile(path, maxBytes: limits.maxInputBytes)
        return try parse(bytes, file: path)
    }

    /// Reads a document held in a string.
    public func parse(_ text: String, file: String = "<string>") throws(DiagnosticError) -> YAMLNode {
        try parse(Array(text.utf8), file: file)
    }

    /// Reads a document from its bytes (UTF-8, or UTF-16 with a byte order mark).
    public func parse(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> YAMLNode {
        try build(bytes, file: file).finish()
    }

    /// Reads the file at `path` like ``read(contentsOf:)``, but a file that holds no document
    /// (empty, or only comments) gives `nil` instead of an error: for optional files such as a
    /// config, where an empty file means "all defaults".
    public func readOptionalDocument(contentsOf path: String) throws(DiagnosticError) -> YAMLNode? {
        let bytes = try Self.readFile(path, maxBytes: limits.maxInputBytes)
        return try build(bytes, file: path).root
    }

    /// Reads a document held in a string like ``parse(_:file:)``, but `nil` when the
    /// string holds no document (empty, or only comments).
    public func parseOptionalDocument(_ text: String, file: String = "<string>") throws(DiagnosticError) -> YAMLNode? {
        try build(Array(text.utf8), file: file).root
    }

    /// The builder after the whole stream, its findings thrown.
    private func build(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> TreeBuilder {
        if bytes.count > limits.maxInputBytes {
            throw DiagnosticError(
                .error(
                    "the file has \(bytes.count) bytes, more than the limit of \(limits.maxInputBytes) (maxInputBytes)",
                    at: nil, file: file))
        }
        var builder = TreeBuilder(file: file, limits: limits)
        try LibYAMLEvents.forEach(in: bytes, file: file) { (event: yaml_event_t) throws(DiagnosticError) in
            try builder.consume(event)
        }
        if !builder.diagnostics.isEmpty { throw DiagnosticError(builder.diagnostics) }
        return builder
    }

    /// Reads a whole file into memory, with a clear error for a missing or unreadable file.
    public static func readFile(_ path: String, maxBytes: Int = ReaderLimits.default.maxInputBytes) throws(DiagnosticError) -> [UInt8] {
        guard let handle = fopen(path, "rb") else {
            let reason = String(cString: strerror(errno))
            throw DiagnosticError(.error("cannot open file: \(reason)", at: nil, file: path))
        }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if bytes.count > maxBytes {
                throw DiagnosticError(.error("the file is larger than the limit of \(maxBytes) bytes (maxInputBytes)", at: nil, file: path))
            }
            if count < chunk.count {
                if ferror(handle) != 0 {
                    throw DiagnosticError(.error("cannot read file: \(String(cString: strerror(errno)))", at: nil, file: path))
                }
                return bytes
            }
        }
    }
}
