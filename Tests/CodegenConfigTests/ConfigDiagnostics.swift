import CodegenConfig
import SpecDiagnostics

/// The rendered diagnostics of reading `text` as a config file named `c.yaml`, or an empty list
/// when it reads fine.
func configDiagnostics(_ text: String) -> [String] {
    do {
        _ = try GeneratorConfiguration.parse(text, file: "c.yaml")
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// The rendered diagnostics of loading the test input `name`, its path shortened to `name`.
func configDiagnostics(ofInput name: String) -> [String] {
    guard let path = InputFiles.path(name) else { return ["missing test input \(name)"] }
    do {
        _ = try GeneratorConfiguration.load(contentsOf: path)
        return []
    } catch {
        return error.diagnostics.map { $0.description.replacing(path, with: name) }
    }
}

/// The known keys as messages list them.
let knownKeys = "known: accessLevel, clientName, filter, limits, nameOverrides, strict, warningsAsErrors"
let knownLimits = "known: maxAliasExpansion, maxAllOfDepth, maxDepth, maxInputBytes, maxNodes, maxScalarBytes"
