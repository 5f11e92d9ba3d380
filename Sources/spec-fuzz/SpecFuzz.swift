import Foundation
import FuzzTargets

// Two builds of one file. With `-DFUZZING` and `-sanitize=fuzzer,address` (scripts/fuzz.sh) it is
// a libFuzzer binary whose target is chosen by SPEC_FUZZ_TARGET. Without, it replays inputs:
//   spec-fuzz <target> <file or folder>...
// which is how a crash that libFuzzer saved is reproduced in an ordinary debug build.

#if FUZZING
    import CFuzzerDriver

    nonisolated(unsafe) private var selectedTarget: FuzzTarget = .yamlReader

    /// The entry point SwiftPM links as `main`: picks the target, then hands over to libFuzzer.
    @_cdecl("spec_fuzz_main")
    func specFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
        let name = ProcessInfo.processInfo.environment["SPEC_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("set SPEC_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            return 2
        }
        selectedTarget = target
        var count = argc
        var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
        return LLVMFuzzerRunDriver(&count, &arguments) { bytes, size in
            let input = bytes.map { Data(bytes: $0, count: size) } ?? Data()
            do {
                try selectedTarget.run(input)
            } catch {
                fatalError("\(selectedTarget.rawValue): \(error)")
            }
            return 0
        }
    }
#else
    @main
    struct SpecFuzz {
        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
                print("usage: spec-fuzz <\(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|"))> <file or folder>...")
                exit(2)
            }
            var failures = 0
            var count = 0
            for path in arguments.dropFirst() {
                guard FileManager.default.fileExists(atPath: path) else {
                    print("\(path): no such file or folder")
                    failures += 1
                    continue
                }
                for file in CorpusFiles.list(path) {
                    count += 1
                    guard let input = FileManager.default.contents(atPath: file) else {
                        print("\(file): cannot read")
                        failures += 1
                        continue
                    }
                    do {
                        try target.run(input)
                    } catch {
                        print("\(file): \(error)")
                        failures += 1
                    }
                }
            }
            print("\(target.rawValue): \(count) inputs, \(failures) failed")
            exit(failures == 0 ? 0 : 1)
        }
    }
#endif
