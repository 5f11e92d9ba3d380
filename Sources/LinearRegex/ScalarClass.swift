/// A set of Unicode scalars: a character class, or one of the escapes `\d \w \s` and `\p{…}`.
///
/// Scalars are held as sorted, disjoint, non-adjacent ranges, searched by bisection; general
/// categories (`\p{…}`) are kept as bit masks and looked up only when a class has any.
struct ScalarClass: Sendable, Hashable {
    private(set) var ranges: [ClosedRange<UInt32>] = []
    /// Categories any of which is in the class (`\p{…}`).
    private(set) var categories: GeneralCategoryMask = []
    /// Categories whose complement is in the class (`\P{…}`); several `\P{A}\P{B}` are the
    /// complement of the intersection of `A` and `B`.
    private(set) var excludedCategories: GeneralCategoryMask?
    /// `[^…]`: the class is the complement of the above.
    var isNegated = false

    static let maxScalar: UInt32 = 0x10FFFF

    init() {}

    init(_ ranges: [ClosedRange<UInt32>]) {
        self.ranges = Self.normalized(ranges)
    }

    static func category(_ mask: GeneralCategoryMask, excluded: Bool) -> ScalarClass {
        var set = ScalarClass()
        if excluded { set.excludedCategories = mask } else { set.categories = mask }
        return set
    }

    /// ECMA-262 `\d`: ASCII digits only.
    static let digits = ScalarClass([0x30...0x39])
    /// ECMA-262 `\w`: `[A-Za-z0-9_]`, ASCII only (there is no `u`+`i` flag combination here).
    static let wordCharacters = ScalarClass([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// ECMA-262 `\s`: WhiteSpace (tab, VT, FF, space, NBSP, ZWNBSP, the Zs category) and LineTerminator.
    static let whiteSpace = ScalarClass([
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
        0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ])

    /// The same scalars as a plain range set; only for classes without categories or negation.
    func complemented() -> ScalarClass {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            next = range.upperBound + 1
        }
        if next <= Self.maxScalar { result.append(next...Self.maxScalar) }
        return ScalarClass(result)
    }

    /// Adds a range; call `normalize()` once all are added, before `contains`.
    mutating func insert(_ range: ClosedRange<UInt32>) {
        ranges.append(range)
    }

    /// Adds every scalar of `other`, which must not be negated itself; call `normalize()` after.
    mutating func formUnion(_ other: ScalarClass) {
        ranges += other.ranges
        categories.formUnion(other.categories)
        if let excluded = other.excludedCategories {
            excludedCategories = excludedCategories.map { $0.intersection(excluded) } ?? excluded
        }
    }

    mutating func normalize() {
        ranges = Self.normalized(ranges)
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        containsIgnoringNegation(scalar) != isNegated
    }

    private func containsIgnoringNegation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value {
                low = middle + 1
            } else {
                high = middle
            }
        }
        if low < ranges.count, ranges[low].contains(value) { return true }
        if categories.isEmpty && excludedCategories == nil { return false }
        let category = GeneralCategoryMask(scalar.properties.generalCategory)
        if categories.contains(category) { return true }
        if let excludedCategories, !excludedCategories.contains(category) { return true }
        return false
    }

    /// Sorted, with overlapping and adjacent ranges merged.
    private static func normalized(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var merged: [ClosedRange<UInt32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}
