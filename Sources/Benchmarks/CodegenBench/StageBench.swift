import Foundation
import OpenAPIModel
import SwiftEmitter
import YAMLReader

/// Times each stage of the pipeline in this process on one spec file: reading, model and checks,
/// emission, writing; with raw libyaml event parsing of the same bytes as the reading floor.
struct StageTimes {
    var fileRead = 0.0
    var rawEvents = 0.0
    var reading = 0.0
    var model = 0.0
    var emission = 0.0
    var writing = 0.0
    var total: Double { fileRead + reading + model + emission + writing }
}

enum StageBench {
    static func run(spec: String, output: String, runs: Int) throws -> StageTimes {
        var samples: [StageTimes] = []
        for _ in 0..<runs {
            var times = StageTimes()
            var bytes: [UInt8] = []
            times.fileRead = try Measure.seconds { bytes = try YAMLParser.readFile(spec) }
            times.rawEvents = Measure.seconds { _ = LibYAMLEvents.countEvents(in: bytes) }
            var root: YAMLNode?
            times.reading = try Measure.seconds { root = try YAMLParser().parse(bytes, file: spec) }
            var result: SpecLoader.Result?
            times.model = Measure.seconds { result = root.map { SpecLoader.load($0, file: spec) } }
            guard let document = result?.document, result?.hasErrors == false else {
                throw BenchError("the synthetic spec has errors: \(result?.diagnostics.prefix(3).map(\.description) ?? [])")
            }
            var files: [GeneratedFile] = []
            times.emission = Measure.seconds { files = SwiftFileEmitter.emit(document).files }
            times.writing = try Measure.seconds {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                for file in files {
                    try Data(file.contents.utf8).write(to: URL(fileURLWithPath: output).appendingPathComponent(file.name))
                }
            }
            samples.append(times)
        }
        func median(_ key: KeyPath<StageTimes, Double>) -> Double { Measure.median(samples.map { $0[keyPath: key] }) }
        return StageTimes(
            fileRead: median(\.fileRead), rawEvents: median(\.rawEvents), reading: median(\.reading),
            model: median(\.model), emission: median(\.emission), writing: median(\.writing))
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
