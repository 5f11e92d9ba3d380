/// Bounds that keep a hostile or broken file from exhausting memory, stack or time.
///
/// The defaults accept real specs of tens of megabytes and reject a "billion laughs" document or
/// 100,000 levels of nesting with a clear error in well under a second.
public struct ReaderLimits: Sendable, Hashable {
    /// Largest input accepted, in bytes.
    public var maxInputBytes: Int
    /// Deepest nesting of sequences and mappings. Later stages walk the tree recursively, so this
    /// also bounds their stack use.
    public var maxDepth: Int
    /// Most nodes in the tree, counting every node an alias repeats.
    public var maxNodes: Int
    /// Most nodes that aliases may add in all (the guard against exponential alias expansion).
    public var maxAliasExpansion: Int
    /// Longest single scalar, in bytes.
    public var maxScalarBytes: Int

    public init(
        maxInputBytes: Int = 64 << 20,
        maxDepth: Int = 256,
        maxNodes: Int = 10_000_000,
        maxAliasExpansion: Int = 1_000_000,
        maxScalarBytes: Int = 32 << 20
    ) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxAliasExpansion = maxAliasExpansion
        self.maxScalarBytes = maxScalarBytes
    }

    public static let `default` = ReaderLimits()
}
