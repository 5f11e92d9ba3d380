/// The keys of a config file's top level. The reader switches over every case, so a key cannot be
/// known without being read; ``GeneratorConfiguration/fileKeys`` lists them.
enum ConfigKey: String, CaseIterable {
    case accessLevel, clientName, nameOverrides, warningsAsErrors, strict, limits, filter
}

/// The keys under `limits`, each a positive integer setting one bound of the reader or the model;
/// ``GeneratorConfiguration/limitKeys`` lists them.
enum LimitKey: String, CaseIterable {
    case maxInputBytes, maxDepth, maxNodes, maxAliasExpansion, maxScalarBytes, maxAllOfDepth

    /// The setting the key changes.
    var keyPath: WritableKeyPath<GeneratorConfiguration, Int> {
        switch self {
        case .maxInputBytes: \.readerLimits.maxInputBytes
        case .maxDepth: \.readerLimits.maxDepth
        case .maxNodes: \.readerLimits.maxNodes
        case .maxAliasExpansion: \.readerLimits.maxAliasExpansion
        case .maxScalarBytes: \.readerLimits.maxScalarBytes
        case .maxAllOfDepth: \.modelLimits.maxAllOfDepth
        }
    }
}
