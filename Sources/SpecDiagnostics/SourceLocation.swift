/// A position in a source file, 1-based in both line and column, as compilers and editors count.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The path the file was read from, as the user gave it (kept relative when it was relative).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the prefix editors and SwiftPM turn into a link.
    public var description: String { "\(file):\(line):\(column)" }

    /// `line:column` without the file, for notes that point into the same file.
    public var lineAndColumn: String { "\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
