/// Bounds on the model stage, beside the reader's ``YAMLReader/ReaderLimits``.
///
/// The reader bounds the size and nesting of the tree; these bound what the tree's references can
/// make of it. A spec that exceeds one gets an error at the place where the bound was crossed.
public struct ModelLimits: Sendable, Hashable {
    /// How many named schemas may be merged into one another through `allOf` (`A` is `allOf: [B]`,
    /// `B` is `allOf: [C]`, ...). Merging follows that chain recursively, so this bounds stack use;
    /// real specs nest a handful deep.
    public var maxAllOfDepth: Int

    public init(maxAllOfDepth: Int = 64) {
        self.maxAllOfDepth = maxAllOfDepth
    }

    public static let `default` = ModelLimits()
}
