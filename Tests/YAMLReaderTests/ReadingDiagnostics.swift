import Foundation
import SpecDiagnostics
import YAMLReader

/// The rendered diagnostics of reading `text`, or an empty list when it reads fine.
func readingDiagnostics(_ text: String, file: String = "t.yaml", limits: ReaderLimits = .default) -> [String] {
    do {
        _ = try YAMLParser(limits: limits).parse(text, file: file)
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// The rendered diagnostics of reading the test input `name`.
func readingDiagnostics(ofInput name: String) -> [String] {
    do {
        _ = try YAMLParser().read(contentsOf: InputFiles.path(name))
        return []
    } catch {
        return error.diagnostics.map { $0.description.replacingOccurrences(of: InputFiles.path(name), with: name) }
    }
}
