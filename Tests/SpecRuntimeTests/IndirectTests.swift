@_spi(Generated) import SpecRuntime
import Testing

/// `Indirect` keeps value semantics while mutating a uniquely held box in place.
@Suite struct IndirectTests {
    struct Holder {
        @Indirect var items: [Int]
    }

    @Test func aCopyIsNotChangedByAWriteToTheOriginal() {
        var original = Holder(items: [1])
        let copy = original
        original.items.append(2)
        #expect(original.items == [1, 2])
        #expect(copy.items == [1])
    }

    /// Many in-place writes through `_modify` keep every value (the in-place path, not a copy, is
    /// what a uniquely held box takes; its cost is not asserted here).
    @Test func manyWritesThroughAUniquelyHeldBoxKeepEveryValue() {
        var holder = Holder(items: [])
        for value in 0..<1000 { holder.items.append(value) }
        #expect(holder.items.count == 1000)
        #expect(holder.items.last == 999)
    }

    @Test func aBoxPrintsAndComparesAsItsValue() {
        let box = Indirect(wrappedValue: [3, 4])
        #expect(box.description == "[3, 4]")
        #expect(box == Indirect(wrappedValue: [3, 4]))
        #expect(Mirror(reflecting: box).children.count == 2)
    }
}
