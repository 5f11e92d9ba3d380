import Foundation

// codegen-bench: the performance benchmark of the generator (not part of `swift test`).
//
//   swift build -c release --product codegen-bench --product spec-codegen
//   .build/release/codegen-bench [--sizes 10,100,1000,5000] [--shapes standard,wide] [--runs 5] [--no-anchor] [--compile | --compile-sizes 1000]
//   .build/release/codegen-bench --specs DIR [--corpus-list scripts/compat-corpus.tsv] [--runs 3] [--no-anchor] [--compile]
//     (real specs, see RealSpecBench.swift)
//   .build/release/codegen-bench --limits [--runs 5]   (the reader's and model's limits, see LimitsBench.swift)
//   .build/release/codegen-bench write-spec standard|wide N FILE   (one synthetic spec)
//   .build/release/codegen-bench compile-parts SPEC 1 auto …   (our output of SPEC in each number of parts, compiled)
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
    if arguments.first == "write-spec", arguments.count == 4, let shape = SyntheticShape(rawValue: arguments[1]), let count = Int(arguments[2]) {
        // `write-spec SHAPE N FILE`: one synthetic spec, for scripts (scripts/plugin-incremental-bench.sh).
        try shape.yaml(count: count).write(toFile: arguments[3], atomically: true, encoding: .utf8)
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

    if arguments.first == "compile-parts" {
        guard arguments.count >= 3 else { throw BenchError("usage: codegen-bench compile-parts SPEC PARTS... (PARTS: auto or a number)") }
        // `compile-parts SPEC PARTS...`: our output of one spec cut into each number of parts
        // (`auto` for the default), each compiled in a package of its own, one after the other.
        let root = FileManager.default.currentDirectoryPath
        let work = root + "/.build-bench"
        let bench = CompileBench(root: root, work: work)
        CompileBench.printHeader()
        for parts in arguments.dropFirst(2) {
            let output = work + "/parts-" + parts
            try? FileManager.default.removeItem(atPath: output)
            let generated = Measure.run(binaries + "/spec-codegen", ["generate", arguments[1], "--output", output, "--parts", parts])
            guard generated.status == 0 else { throw BenchError("spec-codegen failed on \(arguments[1])") }
            let files = (try? FileManager.default.contentsOfDirectory(atPath: output).count) ?? 0
            try bench.run(label: "--parts \(parts) (\(files) files)", ours: output, anchor: nil)
        }
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
    if let folder = option("--specs") {
        try RealSpecBench(ours: ours, anchor: anchor, work: work, root: root).run(
            folder: folder, corpusList: option("--corpus-list"), runs: runs, compile: arguments.contains("--compile"))
        exit(0)
    }
    let shapes = try (option("--shapes") ?? "standard,wide").split(separator: ",").map { name in
        guard let shape = SyntheticShape(rawValue: String(name)) else { throw BenchError("unknown shape '\(name)' (standard, wide)") }
        return shape
    }
    // `--compile` compiles the output at N <= 100; `--compile-sizes 1000` chooses.
    let compileSizes =
        option("--compile-sizes").map { $0.split(separator: ",").compactMap { Int($0) } }
        ?? (arguments.contains("--compile") ? sizes.filter { $0 <= 100 } : [])
    for shape in shapes {
        print("")
        print("shape '\(shape.rawValue)': \(shape.summary)")
        try ShapeBench(shape: shape, executable: executable, ours: ours, anchor: anchor, work: work, root: root)
            .run(sizes: sizes, runs: runs, compileSizes: compileSizes)
    }
    try RuntimeBench.run(runs: runs)
} catch {
    FileHandle.standardError.write(Data("codegen-bench: \(error)\n".utf8))
    exit(1)
}
