import Foundation

// codegen-bench: the performance benchmark of the generator (not part of `swift test`).
//
//   swift build -c release --product codegen-bench --product spec-codegen
//   .build/release/codegen-bench [--sizes 10,100,1000,5000] [--runs 5] [--no-anchor] [--compile]
//   .build/release/codegen-bench --limits [--runs 5]   (the reader's and model's limits, see LimitsBench.swift)
//   .build/release/codegen-bench webhook-timing[-control|-wall] …   (see WebhookTimingBench.swift)
//
// Writes synthetic specs under .build-bench/, times each stage in a child process per size (so
// peak memory is per size), times whole generator processes (ours and swift-openapi-generator
// 1.14.3, built in .build-anchor/), and prints the ratios the targets in BENCHMARKS.md refer to.

let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
}

let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
let binaries = executable.deletingLastPathComponent().path

do {
    if arguments.first == "stages", arguments.count == 4, let runs = Int(arguments[3]) {
        // Child mode: one size, printed as numbers for the parent.
        let times = try StageBench.run(spec: arguments[1], output: arguments[2], runs: runs)
        print(
            [times.fileRead, times.rawEvents, times.reading, times.model, times.emission, times.writing, Measure.peakMemoryMiB()]
                .map { String($0) }.joined(separator: " "))
        exit(0)
    }
    if arguments.first == "webhook-timing" || arguments.first == "webhook-timing-control" {
        try WebhookTimingBench.runOne(
            arguments: arguments, root: FileManager.default.currentDirectoryPath, control: arguments.first == "webhook-timing-control")
        exit(0)
    }
    if arguments.first == "webhook-timing-wall" {
        try WebhookTimingBench.runWall(arguments: arguments, root: FileManager.default.currentDirectoryPath)
        exit(0)
    }

    let sizes = (option("--sizes") ?? "10,100,1000,5000").split(separator: ",").compactMap { Int($0) }
    let runs = Int(option("--runs") ?? "5") ?? 5
    if arguments.contains("--limits") {
        LimitsBench.run(runs: runs)
        exit(0)
    }
    let root = FileManager.default.currentDirectoryPath
    let work = root + "/.build-bench"
    try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    let ours = binaries + "/spec-codegen"
    guard FileManager.default.isExecutableFile(atPath: ours) else {
        throw BenchError("build spec-codegen first: swift build -c release --product spec-codegen")
    }
    let anchor = arguments.contains("--no-anchor") ? nil : AnchorGenerator(root: root)
    try anchor?.build()

    print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB; median of \(runs) runs")
    print("")
    print("stages in one process (ms):")
    print("     N    MB   libyaml   read  read/raw   model    emit   write   total  peak MiB")
    var wholeProcess: [Int: Double] = [:]
    for size in sizes {
        let spec = work + "/synthetic-\(size).yaml"
        try SyntheticSpec.yaml(count: size).write(toFile: spec, atomically: true, encoding: .utf8)
        let megabytes = Double((try? FileManager.default.attributesOfItem(atPath: spec)[.size] as? Int) ?? 0) / 1_048_576
        let pipe = Pipe()
        let child = Process()
        child.executableURL = executable
        child.arguments = ["stages", spec, work + "/stages-\(size)", String(runs)]
        child.standardOutput = pipe
        try child.run()
        child.waitUntilExit()
        let fields = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard fields.count == 7 else { throw BenchError("stage run for N=\(size) failed") }
        let total = fields[0] + fields[2] + fields[3] + fields[4] + fields[5]
        print(
            String(
                format: "%6d %5.1f %9.1f %6.1f %8.2fx %7.1f %7.1f %7.1f %7.1f %9.0f",
                size, megabytes, fields[1] * 1000, fields[2] * 1000, fields[2] / max(fields[1], 1e-9),
                fields[3] * 1000, fields[4] * 1000, fields[5] * 1000, total * 1000, fields[6]))
    }
    print("")
    print("whole generator process, spec to files (ms):")
    print("     N    ours  peak MiB  swift-openapi-generator  peak MiB   ratio")
    for size in sizes {
        let spec = work + "/synthetic-\(size).yaml"
        var ourTimes: [Double] = []
        var ourPeak = 0.0
        for _ in 0..<runs {
            let result = Measure.run(ours, ["generate", spec, "--output", work + "/ours-\(size)"])
            guard result.status == 0 else { throw BenchError("spec-codegen failed on N=\(size)") }
            ourTimes.append(result.seconds)
            ourPeak = max(ourPeak, result.peakMiB)
        }
        let ourMedian = Measure.median(ourTimes)
        wholeProcess[size] = ourMedian
        if let anchor {
            var theirTimes: [Double] = []
            var theirPeak = 0.0
            for _ in 0..<(size >= 1000 ? max(1, runs / 2) : runs) {
                let result = try anchor.generate(spec: spec, output: work + "/anchor-\(size)")
                theirTimes.append(result.seconds)
                theirPeak = max(theirPeak, result.peakMiB)
            }
            let theirMedian = Measure.median(theirTimes)
            print(
                String(format: "%6d %7.1f %9.0f %24.1f %9.0f %7.1fx", size, ourMedian * 1000, ourPeak, theirMedian * 1000, theirPeak, theirMedian / ourMedian))
        } else {
            print(String(format: "%6d %7.1f %9.0f", size, ourMedian * 1000, ourPeak))
        }
    }
    try RuntimeBench.run(runs: runs)
    if arguments.contains("--compile") {
        try CompileBench(root: root, work: work).run(sizes: sizes.filter { $0 <= 100 }, anchor: anchor)
    }
    if let at1000 = wholeProcess[1000], let at5000 = wholeProcess[5000] {
        print("")
        print(String(format: "growth: N=5000 takes %.2fx the time of N=1000 (linear would be 5x)", at5000 / at1000))
    }
} catch {
    FileHandle.standardError.write(Data("codegen-bench: \(error)\n".utf8))
    exit(1)
}
