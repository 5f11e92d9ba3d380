import Foundation
import SpecDiagnostics
import YAMLReader

/// The reader must turn any bytes into a tree or into diagnostics that point inside the input.
enum YAMLReaderTarget {
    static func run(_ input: Data) throws(FuzzFinding) {
        let bytes = [UInt8](input)
        do {
            let root = try YAMLReader().parse(bytes, file: "fuzz.yaml")
            try checkLocations(root, bytes)
        } catch let error as DiagnosticError {
            if error.diagnostics.isEmpty { throw FuzzFinding("the reader failed without a diagnostic") }
            for diagnostic in error.diagnostics {
                if let location = diagnostic.location { try check(location, in: bytes, what: "diagnostic '\(diagnostic.message)'") }
            }
        } catch {
            throw FuzzFinding("unexpected error type \(type(of: error))")
        }
    }

    /// Every node's location is a real line and column of the input (or just past its end).
    static func checkLocations(_ root: YAMLNode, _ bytes: [UInt8]) throws(FuzzFinding) {
        var pending = [root]
        while let node = pending.popLast() {
            try check(node.location, in: bytes, what: "node")
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

    static func check(_ location: SourceLocation, in bytes: [UInt8], what: String) throws(FuzzFinding) {
        let lines = lineCount(bytes)
        guard location.line >= 1, location.line <= lines + 1, location.column >= 1, location.column <= bytes.count + 1 else {
            throw FuzzFinding("\(what) at \(location.lineAndColumn) lies outside an input of \(lines) lines and \(bytes.count) bytes")
        }
    }

    /// Lines as libyaml counts them: CR LF, a lone CR or LF, NEL, LS and PS each end a line.
    static func lineCount(_ bytes: [UInt8]) -> Int {
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
