import Foundation

/// A synthetic spec family, written at any size N.
enum SyntheticShape: String {
    case standard
    case wide

    var summary: String {
        switch self {
        case .standard: "N schemas of eight mixed properties, 2N operations, flow YAML (SyntheticSpec.swift)"
        case .wide:
            "N schemas nested four deep with unions and enums, N operations of twelve parameters, long descriptions, every string quoted, "
                + "block YAML (WideSyntheticSpec.swift)"
        }
    }

    /// The file name prefix under `.build-bench/`.
    var prefix: String { self == .standard ? "synthetic" : "wide" }

    func yaml(count: Int) -> String {
        switch self {
        case .standard: SyntheticSpec.yaml(count: count)
        case .wide: WideSyntheticSpec.yaml(count: count)
        }
    }
}

/// The stage table, the whole-process comparison with swift-openapi-generator and, with
/// `--compile`, compile time of the output, for one synthetic shape at several sizes.
struct ShapeBench {
    let shape: SyntheticShape
    let executable: URL
    let ours: String
    let anchor: AnchorGenerator?
    let work: String
    let root: String

    func spec(_ size: Int) -> String { work + "/\(shape.prefix)-\(size).yaml" }

    /// `compileSizes`: the sizes whose output is also compiled (empty: none).
    func run(sizes: [Int], runs: Int, compileSizes: [Int]) throws {
        print("stages in one process (ms):")
        print("     N    MB   libyaml   read  read/raw   model    emit   write   total  peak MiB")
        for size in sizes {
            try shape.yaml(count: size).write(toFile: spec(size), atomically: true, encoding: .utf8)
            let megabytes = Double((try? FileManager.default.attributesOfItem(atPath: spec(size))[.size] as? Int) ?? 0) / 1_048_576
            let pipe = Pipe()
            let child = Process()
            child.executableURL = executable
            child.arguments = ["stages", spec(size), work + "/stages-\(shape.prefix)-\(size)", String(runs)]
            child.standardOutput = pipe
            try child.run()
            child.waitUntilExit()
            let fields = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            guard fields.count == 7 else { throw BenchError("stage run for \(shape.rawValue) N=\(size) failed") }
            let total = fields[0] + fields[2] + fields[3] + fields[4] + fields[5]
            print(
                String(
                    format: "%6d %5.1f %9.1f %6.1f %8.2fx %7.1f %7.1f %7.1f %7.1f %9.0f",
                    size, megabytes, fields[1] * 1000, fields[2] * 1000, fields[2] / max(fields[1], 1e-9),
                    fields[3] * 1000, fields[4] * 1000, fields[5] * 1000, total * 1000, fields[6]))
        }
        print("")
        print("whole generator process, spec to files (ms; swift-openapi-generator: median of max(1, runs/2) at N >= 1000):")
        print("     N    ours  peak MiB  swift-openapi-generator  peak MiB   ratio")
        var wholeProcess: [Int: Double] = [:]
        for size in sizes {
            var ourTimes: [Double] = []
            var ourPeak = 0.0
            for _ in 0..<runs {
                let result = Measure.run(ours, ["generate", spec(size), "--output", work + "/ours-\(shape.prefix)-\(size)"])
                guard result.status == 0 else { throw BenchError("spec-codegen failed on \(shape.rawValue) N=\(size)") }
                ourTimes.append(result.seconds)
                ourPeak = max(ourPeak, result.peakMiB)
            }
            let ourMedian = Measure.median(ourTimes)
            wholeProcess[size] = ourMedian
            guard let anchor else {
                print(String(format: "%6d %7.1f %9.0f", size, ourMedian * 1000, ourPeak))
                continue
            }
            var theirTimes: [Double] = []
            var theirPeak = 0.0
            for _ in 0..<(size >= 1000 ? max(1, runs / 2) : runs) {
                let result = try anchor.generate(spec: spec(size), output: work + "/anchor-\(shape.prefix)-\(size)")
                theirTimes.append(result.seconds)
                theirPeak = max(theirPeak, result.peakMiB)
            }
            let theirMedian = Measure.median(theirTimes)
            print(
                String(format: "%6d %7.1f %9.0f %24.1f %9.0f %7.1fx", size, ourMedian * 1000, ourPeak, theirMedian * 1000, theirPeak, theirMedian / ourMedian))
        }
        if let at1000 = wholeProcess[1000], let at5000 = wholeProcess[5000] {
            print(String(format: "growth: N=5000 takes %.2fx the time of N=1000 (linear would be 5x)", at5000 / at1000))
        }
        if !compileSizes.isEmpty {
            let bench = CompileBench(root: root, work: work)
            CompileBench.printHeader()
            for size in compileSizes where sizes.contains(size) {
                let theirs = anchor.map { _ in work + "/anchor-\(shape.prefix)-\(size)" }
                try bench.run(label: "\(shape.rawValue) N=\(size)", ours: work + "/ours-\(shape.prefix)-\(size)", anchor: theirs)
            }
        }
    }
}
