import Foundation
import SpecDiagnostics
import YAMLReader

/// The reader must turn any bytes into a tree or into diagnostics that point inside the input.
enum YAMLReaderTarget {
    static func run(_ input: Data) throws(FuzzFinding) {
        let bytes = [UInt8](input)
        let extent = InputExtent(bytes)
        let root: YAMLNode
        do {
            root = try YAMLParser().parse(bytes, file: "fuzz.yaml")
        } catch {
            if error.diagnostics.isEmpty { throw FuzzFinding("the reader failed without a diagnostic") }
            for diagnostic in error.diagnostics {
                if let location = diagnostic.location { try extent.check(location, what: "diagnostic '\(diagnostic.message)'") }
            }
            return
        }
        try checkLocations(root, extent)
    }

    /// Every node's location is a real line and column of the input (or just past its end).
    static func checkLocations(_ root: YAMLNode, _ extent: InputExtent) throws(FuzzFinding) {
        var pending = [root]
        while let node = pending.popLast() {
            try extent.check(node.location, what: "node")
            switch node.content {
            case .scalar: break
            case .sequence(let items): pending.append(contentsOf: items)
            case .mapping(let entries):
                for entry in entries {
                    pending.append(entry.key)
                    pending.append(entry.value)
                }
            }
        }
    }

    /// Lines as libyaml counts them: CR LF, a lone CR or LF, NEL, LS and PS each end a line.
    fileprivate static func lineCount(_ bytes: [UInt8]) -> Int {
        var lines = 1
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x0D:
                lines += 1
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            case 0x0A:
                lines += 1
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85:
                lines += 1
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                lines += 1
            default:
                break
            }
            index += 1
        }
        return lines
    }
}

/// How many lines and bytes an input has, counted once, for checking that locations lie inside it.
struct InputExtent {
    let lines: Int
    let bytes: Int

    init(_ bytes: [UInt8]) {
        self.lines = YAMLReaderTarget.lineCount(bytes)
        self.bytes = bytes.count
    }

    /// A location is a real line and column of the input (or just past its end).
    func check(_ location: SourceLocation, what: String) throws(FuzzFinding) {
        guard location.line >= 1, location.line <= lines + 1, location.column >= 1, location.column <= bytes + 1 else {
            throw FuzzFinding("\(what) at \(location.lineAndColumn) lies outside an input of \(lines) lines and \(bytes) bytes")
        }
    }
}
