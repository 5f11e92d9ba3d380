/// Stores a nested model behind one pointer, so that a struct holding other structs (which hold
/// others in turn) keeps a small, fixed size. Without it, a chain of models that contain each
/// other by value makes every type's layout contain the whole chain, and the compiler's time and
/// memory grow with the square of the chain's length (a 100-schema spec exhausted 20 GiB).
/// Generated code boxes by rule: recursive properties, and properties that would nest models by
/// value deeper than a few levels (the generator's README, "Generated code").
///
/// Copies share the storage until one of them is written: a write to a uniquely held box
/// changes it in place (`_modify` yields the stored value), a write to a shared box copies it
/// first, so value semantics are kept and in-place mutation costs no allocation.
@propertyWrapper
public struct Indirect<Value> {
    private final class Storage {
        var value: Value

        init(_ value: Value) {
            self.value = value
        }
    }

    private var storage: Storage

    public init(wrappedValue: Value) {
        storage = Storage(wrappedValue)
    }

    public var wrappedValue: Value {
        get { storage.value }
        set {
            if isKnownUniquelyReferenced(&storage) {
                storage.value = newValue
            } else {
                storage = Storage(newValue)
            }
        }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.value) }
            yield &storage.value
        }
    }
}

extension Indirect: Equatable where Value: Equatable {
    public static func == (lhs: Indirect, rhs: Indirect) -> Bool {
        lhs.storage === rhs.storage || lhs.wrappedValue == rhs.wrappedValue
    }
}

extension Indirect: Hashable where Value: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(wrappedValue)
    }
}

/// Printed and dumped as the value it holds, not as its storage.
extension Indirect: CustomStringConvertible, CustomReflectable {
    public var description: String { String(describing: wrappedValue) }
    public var customMirror: Mirror { Mirror(reflecting: wrappedValue) }
}

// A box is written only while uniquely held (copy on write), so a value shared across
// concurrency domains is never mutated in place.
extension Indirect: @unchecked Sendable where Value: Sendable {}
