import Foundation
import YAMLReader

/// Reports the reader's throughput beside libyaml's raw event parsing on the same bytes.
/// Usage: swift run -c release yaml-reader-bench [megabytes] [runs]

let arguments = CommandLine.arguments.dropFirst()
let megabytes = arguments.first.flatMap(Int.init) ?? 20
let runs = arguments.dropFirst().first.flatMap(Int.init) ?? 5

/// A deterministic spec-shaped document: schemas with properties, enums, patterns and lists.
func syntheticDocument(approximateBytes: Int) -> [UInt8] {
    var text = "openapi: 3.1.0\ninfo:\n  title: Synthetic\n  version: '1'\ncomponents:\n  schemas:\n"
    var index = 0
    while text.utf8.count < approximateBytes {
        text += """
                Schema\(index):
                  type: object
                  description: "Schema number \(index), with a quoted description: it has 'quotes' and unicode \u{e9}."
                  required: [id, name, created_at]
                  properties:
                    id:
                      type: string
                      pattern: '^obj_[A-Za-z0-9]+$'
                    name: {type: string, minLength: 1, maxLength: 200}
                    score: {type: number, minimum: -1, maximum: 1}
                    count: {type: integer, format: int64, minimum: 0}
                    enabled: {type: boolean, default: true}
                    kind: {type: string, enum: [alpha, beta, gamma, "no", "yes"]}
                    created_at: {type: string, format: date-time}
                    tags:
                      type: array
                      items: {$ref: '#/components/schemas/Schema\(max(0, index - 1))'}

            """
        index += 1
    }
    return Array(text.utf8)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func time(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

let bytes = syntheticDocument(approximateBytes: megabytes << 20)
let size = Double(bytes.count) / 1_048_576
var rawTimes: [Double] = []
var treeTimes: [Double] = []
var nodeCount = 0
let reader = YAMLParser()
for _ in 0..<runs {
    rawTimes.append(time { _ = LibYAMLEvents.countEvents(in: bytes) })
    do {
        treeTimes.append(
            try time {
                let root = try reader.parse(bytes, file: "synthetic.yaml")
                nodeCount = root.mapping?.count ?? 0
            })
    } catch {
        print(error)
        exit(1)
    }
}
let raw = median(rawTimes)
let tree = median(treeTimes)
print(String(format: "input: %.1f MB, median of %d runs", size, runs))
print(String(format: "libyaml events: %7.1f MB/s (%.3f s)", size / raw, raw))
print(String(format: "YAMLReader tree: %6.1f MB/s (%.3f s)", size / tree, tree))
print(String(format: "tree / raw time: %.2fx", tree / raw))
_ = nodeCount
