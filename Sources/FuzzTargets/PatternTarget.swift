import Foundation
import LinearRegex

/// A `pattern` (first line) and a text (the rest) through `LinearRegex`: any pattern compiles or
/// is refused with a reason and an offset inside it; a compiled program stays within its
/// instruction limit; matching terminates (libFuzzer's -timeout turns a slow match into a finding).
enum PatternTarget {
    static func run(_ input: Data) throws(FuzzFinding) {
        let newline = input.firstIndex(of: UInt8(ascii: "\n")) ?? input.endIndex
        let pattern = String(decoding: input[input.startIndex..<newline], as: UTF8.self)
        let text = newline < input.endIndex ? String(decoding: input[input.index(after: newline)...], as: UTF8.self) : ""
        let regex: LinearRegex
        do {
            regex = try LinearRegex(pattern)
        } catch {
            if error.description.isEmpty { throw FuzzFinding("a refusal without a reason") }
            return
        }
        if regex.instructionCount > LinearRegex.instructionLimit {
            throw FuzzFinding("\(regex.instructionCount) instructions, over the limit of \(LinearRegex.instructionLimit)")
        }
        _ = regex.matches(text)
        _ = regex.matches(pattern)
    }
}
