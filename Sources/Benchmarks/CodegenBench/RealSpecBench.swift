import Foundation

/// Real-spec mode (`--specs DIR`): every `.yaml`, `.yml` and `.json` file of a folder, or with
/// `--corpus-list scripts/compat-corpus.tsv` every root document of that list found at
/// `DIR/name/path` (the layout `scripts/compat.sh` uses, so multi-file specs resolve), generated
/// by both generators, one after the other, `runs` times each.
/// A spec either generator refuses is listed, not timed. With `--compile`, the outputs of the
/// three largest specs both accept are compiled too.
struct RealSpecBench {
    let ours: String
    let anchor: AnchorGenerator?
    let work: String
    let root: String

    /// The specs to time, by name: a folder's spec files, or the entries of a corpus list present in it.
    static func specs(in folder: String, corpusList: String?) throws -> [(name: String, path: String)] {
        guard let corpusList else {
            return try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }.sorted()
                .map { ($0, folder + "/" + $0) }
        }
        let rows = try String(contentsOfFile: corpusList, encoding: .utf8).split(separator: "\n").dropFirst()
        return rows.compactMap { row in
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3 else { return nil }
            let path = folder + "/" + fields[0] + "/" + fields[2]
            return FileManager.default.fileExists(atPath: path) ? (fields[0], path) : nil
        }
    }

    func run(folder: String, corpusList: String?, runs: Int, compile: Bool) throws {
        let specs = try Self.specs(in: folder, corpusList: corpusList)
        guard !specs.isEmpty else { throw BenchError("no spec found in \(folder)") }
        print("")
        print("real specs in \(folder), whole generator process (ms, median of \(runs) each):")
        print("  spec                              KB     ours  peak MiB  swift-openapi-generator  peak MiB    ratio")
        var ratios: [(name: String, bytes: Int, ratio: Double)] = []
        for (name, spec) in specs {
            let bytes = (try? FileManager.default.attributesOfItem(atPath: spec)[.size] as? Int) ?? 0
            let stem = String(name.prefix { $0 != "." })
            let label = "  " + name.padding(toLength: 30, withPad: " ", startingAt: 0) + String(format: " %6d", bytes / 1024)
            var ourTimes: [Double] = []
            var ourPeak = 0.0
            var refusedByUs = false
            for _ in 0..<runs {
                let result = Measure.run(ours, ["generate", spec, "--output", work + "/real-ours/" + stem])
                if result.status != 0 {
                    refusedByUs = true
                    break
                }
                ourTimes.append(result.seconds)
                ourPeak = max(ourPeak, result.peakMiB)
            }
            if refusedByUs {
                print(label + "  refused by spec-codegen (not timed)")
                continue
            }
            let ourMedian = Measure.median(ourTimes)
            guard let anchor else {
                print(label + String(format: " %8.1f %9.0f", ourMedian * 1000, ourPeak))
                continue
            }
            var theirTimes: [Double] = []
            var theirPeak = 0.0
            var refusedByAnchor = false
            for _ in 0..<runs {
                guard let result = try? anchor.generate(spec: spec, output: work + "/real-anchor/" + stem) else {
                    refusedByAnchor = true
                    break
                }
                theirTimes.append(result.seconds)
                theirPeak = max(theirPeak, result.peakMiB)
            }
            if refusedByAnchor {
                print(label + String(format: " %8.1f %9.0f", ourMedian * 1000, ourPeak) + "  refused by swift-openapi-generator")
                continue
            }
            let theirMedian = Measure.median(theirTimes)
            let ratio = theirMedian / ourMedian
            ratios.append((name, bytes, ratio))
            print(label + String(format: " %8.1f %9.0f %24.1f %9.0f %7.1fx", ourMedian * 1000, ourPeak, theirMedian * 1000, theirPeak, ratio))
        }
        if let worst = ratios.min(by: { $0.ratio < $1.ratio }) {
            let sorted = ratios.map(\.ratio).sorted()
            print(
                String(
                    format: "specs both accept: %d; ratio min %.1fx (%@), median %.1fx, max %.1fx", ratios.count, worst.ratio, worst.name as NSString,
                    Measure.median(sorted), sorted.last ?? 0))
        }
        guard compile, anchor != nil else { return }
        let bench = CompileBench(root: root, work: work)
        CompileBench.printHeader()
        for spec in ratios.sorted(by: { $0.bytes > $1.bytes }).prefix(3) {
            let stem = String(spec.name.prefix { $0 != "." })
            try bench.run(label: spec.name, ours: work + "/real-ours/" + stem, anchor: work + "/real-anchor/" + stem)
        }
    }
}
