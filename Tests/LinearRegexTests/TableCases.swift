import Foundation
import Testing

/// One row of `Inputs/cases.json`: whether `pattern` matches somewhere in `input`.
/// `swiftDiffers` says why Swift's `Regex` reads the pattern differently from ECMA-262, if it does.
struct MatchCase: Decodable, Sendable, CustomTestStringConvertible {
    let pattern: String
    let input: String
    let match: Bool
    let swiftDiffers: String?

    var testDescription: String { "/\(pattern)/ on \(input.debugDescription) → \(match)" }
}

/// One row of `Inputs/refusals.json`: a pattern `LinearRegex` must refuse, where, and why.
struct RefusalCase: Decodable, Sendable, CustomTestStringConvertible {
    let pattern: String
    let kind: String
    let offset: Int
    /// A part of the expected reason.
    let reason: String

    var testDescription: String { "/\(pattern)/ refused: \(reason)" }
}

/// The data files under `Inputs/`.
enum Tables {
    static func load<Row: Decodable>(_ name: String, as: Row.Type) -> [Row] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Inputs"),
            let data = try? Data(contentsOf: url),
            let rows = try? JSONDecoder().decode([Row].self, from: data)
        else {
            fatalError("Inputs/\(name).json is missing or malformed")
        }
        return rows
    }

    static let matches = load("cases", as: MatchCase.self)
    static let refusals = load("refusals", as: RefusalCase.self)
}
