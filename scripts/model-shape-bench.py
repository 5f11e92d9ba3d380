#!/usr/bin/env python3
"""Compile cost of three ways to write the same model structs (BENCHMARKS.md, "Model shapes").

    python3 scripts/model-shape-bench.py [--structs 60] [--properties 19] [--runs 3]

Writes one Swift file per shape under .build-bench/model-shapes/ (the same structs of optional
properties of mixed types: String, Int32, Date, Bool, [String], Double, a string enum), compiles
each as swift-frontend does in a debug build (-Onone -g, one primary file), alternating the shapes
run by run so that the machine's noise falls on all of them, and prints the median wall time, the
peak memory and the size of the LLVM IR of each:

- hand-written: `CodingKeys`, `init(from:)` and `encode(to:)` written out (spec-codegen's shape)
- synthesized: the same struct with `Codable` synthesized by the compiler
- storage-class: properties held in one copy-on-write class, computed accessors on the struct
  (swift-protobuf's shape for large messages), hand-written coding
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

TYPES = ["String", "Int32", "Date", "Bool", "[String]", "Double", "Kind", "String", "String", "Int"]
HEADER = "import Foundation\n\npublic enum Kind: String, Codable, Hashable, Sendable { case a, b, c }\n\n"


def properties(count):
    return [(f"p{index}", TYPES[index % len(TYPES)]) for index in range(count)]


def coding(props, assign_storage):
    keys = ", ".join(name for name, _ in props)
    lines = [f"    enum CodingKeys: String, CodingKey {{ case {keys} }}", ""]
    lines.append("    public init(from decoder: any Decoder) throws {")
    lines.append("        let container = try decoder.container(keyedBy: CodingKeys.self)")
    if assign_storage:
        arguments = ", ".join(f"{name}: try container.decodeIfPresent({kind}.self, forKey: .{name})" for name, kind in props)
        lines.append(f"        storage = Storage({arguments})")
    else:
        lines += [f"        self.{name} = try container.decodeIfPresent({kind}.self, forKey: .{name})" for name, kind in props]
    lines.append("    }")
    lines.append("")
    lines.append("    public func encode(to encoder: any Encoder) throws {")
    lines.append("        var container = encoder.container(keyedBy: CodingKeys.self)")
    lines += [f"        try container.encodeIfPresent(self.{name}, forKey: .{name})" for name, _ in props]
    lines.append("    }")
    return lines


def memberwise(props, body):
    parameters = ", ".join(f"{name}: {kind}? = nil" for name, kind in props)
    return [f"    public init({parameters}) {{"] + body + ["    }"]


def hand_written(index, props, synthesized=False):
    lines = [f"public struct Model{index}: Codable, Hashable, Sendable {{"]
    lines += [f"    public var {name}: {kind}?" for name, kind in props]
    lines += memberwise(props, [f"        self.{name} = {name}" for name, _ in props])
    if not synthesized:
        lines += coding(props, assign_storage=False)
    return lines + ["}", ""]


def storage_class(index, props):
    fields = ", ".join(f"{name}: {kind}?" for name, kind in props)
    copies = ", ".join(f"{name}: {name}" for name, _ in props)
    equal = " && ".join(f"lhs.{name} == rhs.{name}" for name, _ in props)
    lines = [f"public struct Model{index}: Codable, Hashable, Sendable {{"]
    lines.append("    private final class Storage: Hashable, @unchecked Sendable {")
    lines += [f"        var {name}: {kind}?" for name, kind in props]
    lines.append(f"        init({fields}) {{")
    lines += [f"            self.{name} = {name}" for name, _ in props]
    lines.append("        }")
    lines.append(f"        func copy() -> Storage {{ Storage({copies}) }}")
    lines.append(f"        static func == (lhs: Storage, rhs: Storage) -> Bool {{ lhs === rhs || ({equal}) }}")
    lines.append("        func hash(into hasher: inout Hasher) {")
    lines += [f"            hasher.combine({name})" for name, _ in props]
    lines.append("        }")
    lines.append("    }")
    lines.append("    private var storage: Storage")
    lines.append("    private var uniqueStorage: Storage {")
    lines.append("        mutating get {")
    lines.append("            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }")
    lines.append("            return storage")
    lines.append("        }")
    lines.append("    }")
    lines += [
        f"    public var {name}: {kind}? {{ get {{ storage.{name} }} set {{ uniqueStorage.{name} = newValue }} }}"
        for name, kind in props
    ]
    lines += memberwise(props, [f"        storage = Storage({copies})"])
    lines += coding(props, assign_storage=True)
    return lines + ["}", ""]


SHAPES = {
    "hand-written": lambda index, props: hand_written(index, props),
    "synthesized": lambda index, props: hand_written(index, props, synthesized=True),
    "storage-class": storage_class,
}


def compile_once(path, output):
    command = ["swiftc", "-frontend", "-c", "-primary-file", path, "-module-name", "Shapes", "-Onone", "-g",
               "-parse-as-library", "-o", output]
    start = time.monotonic()
    process = subprocess.Popen(command, stderr=subprocess.PIPE)
    _, stderr = process.communicate()
    elapsed = time.monotonic() - start
    if process.returncode != 0:
        sys.exit(f"{path} did not compile:\n{stderr.decode()}")
    return elapsed


def peak_kib_of_child():
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def ir_lines(path):
    result = subprocess.run(["swiftc", "-emit-ir", "-Onone", "-g", "-parse-as-library", "-module-name", "Shapes", path],
                            capture_output=True, text=True, check=True)
    return sum(1 for line in result.stdout.splitlines() if line.startswith("  "))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--structs", type=int, default=60)
    parser.add_argument("--properties", type=int, default=19)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()

    folder = os.path.join(".build-bench", "model-shapes")
    os.makedirs(folder, exist_ok=True)
    props = properties(arguments.properties)
    files = {}
    for shape, build in SHAPES.items():
        path = os.path.join(folder, shape + ".swift")
        with open(path, "w") as file:
            file.write(HEADER + "\n".join(line for index in range(arguments.structs) for line in build(index, props)))
        files[shape] = path

    times = {shape: [] for shape in SHAPES}
    peaks = {}
    for _ in range(arguments.runs):
        for shape, path in files.items():
            # Each shape runs in a child of its own so that its peak is its own (ru_maxrss of children is a maximum).
            child = subprocess.run([sys.executable, __file__, "--compile-one", path], capture_output=True, text=True)
            if child.returncode != 0:
                sys.exit(child.stderr)
            seconds, peak = child.stdout.split()
            times[shape].append(float(seconds))
            peaks[shape] = max(peaks.get(shape, 0), int(peak))

    print(f"{arguments.structs} structs of {arguments.properties} optional properties, debug compile, median of {arguments.runs}")
    print(f"| shape | lines | seconds | peak MiB | IR lines |")
    print(f"| --- | ---: | ---: | ---: | ---: |")
    for shape, path in files.items():
        with open(path) as file:
            lines = sum(1 for _ in file)
        print(f"| {shape} | {lines:,} | {statistics.median(times[shape]):.2f} | {peaks[shape] // 1024:,} | {ir_lines(path):,} |")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--compile-one":
        seconds = compile_once(sys.argv[2], os.devnull)
        print(f"{seconds:.3f} {peak_kib_of_child()}")
    else:
        main()
