import Foundation
import OpenAPIModel
import YAMLReader

/// `codegen-bench --limits`: shows that the default ``ReaderLimits`` and ``ModelLimits`` let a
/// 10 MB spec through and refuse hostile files quickly, timing each (median of `runs`).
enum LimitsBench {
    struct Case {
        var name: String
        var bytes: [UInt8]
    }

    static func hostileCases() -> [Case] {
        var laughs = "a: &a [\(Array(repeating: "\"lol\"", count: 9).joined(separator: ","))]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i", "j"] {
            laughs += "\(name): &\(name) [\(Array(repeating: "*\(previous)", count: 9).joined(separator: ","))]\n"
            previous = name
        }
        var allOf = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        for index in 0..<20_000 {
            allOf += "    A\(index):\n      allOf:\n        - $ref: '#/components/schemas/A\(index + 1)'\n"
            allOf += "        - {type: object, properties: {p\(index): {type: string}}}\n"
        }
        allOf += "    A20000: {type: object}\n"
        return [
            Case(name: "billion laughs (9^10 nodes)", bytes: Array(laughs.utf8)),
            Case(name: "100,000 nested [", bytes: Array(repeating: UInt8(ascii: "["), count: 100_000)),
            Case(name: "100,000 nested {a: ", bytes: Array(String(repeating: "{a: ", count: 100_000).utf8)),
            Case(name: "40 MB scalar", bytes: Array("k: \"".utf8) + Array(repeating: UInt8(ascii: "x"), count: 40 << 20) + Array("\"\n".utf8)),
            Case(name: "70 MB input", bytes: Array(repeating: UInt8(ascii: "#"), count: 70 << 20)),
            Case(name: "allOf chain of 20,000 schemas", bytes: Array(allOf.utf8)),
        ]
    }

    static func run(runs: Int) {
        print("limits: default ReaderLimits and ModelLimits, read + model + checks, median of \(runs) (ms)")
        let real = Array(SyntheticSpec.yaml(count: 5000).utf8)
        report(Case(name: String(format: "synthetic spec N=5000, %.1f MB", Double(real.count) / 1_048_576), bytes: real), runs: runs)
        for hostile in hostileCases() {
            report(hostile, runs: runs)
        }
    }

    private static func report(_ input: Case, runs: Int) {
        var outcome = ""
        var times: [Double] = []
        for _ in 0..<runs {
            times.append(
                Measure.seconds {
                    outcome = load(input.bytes)
                })
        }
        let name = input.name.padding(toLength: 36, withPad: " ", startingAt: 0)
        print("  " + name + String(format: "%10.2f  ", Measure.median(times) * 1000) + outcome)
    }

    /// The first error, or a count of schemas when the spec loads cleanly.
    private static func load(_ bytes: [UInt8]) -> String {
        do {
            let root = try YAMLParser().parse(bytes, file: "input.yaml")
            let result = SpecLoader.load(root, file: "input.yaml")
            if let error = result.diagnostics.first(where: { $0.severity == .error }) {
                return "refused: " + String(error.message.prefix(90))
            }
            return "accepted: \(result.document?.schemas.count ?? 0) schemas, \(result.document?.operations.count ?? 0) operations"
        } catch {
            return "refused: " + String((error.diagnostics.first?.message ?? "").prefix(90))
        }
    }
}
