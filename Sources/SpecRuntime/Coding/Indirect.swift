/// Stores a nested model behind one pointer, so that a struct holding other structs (which hold
/// others in turn) keeps a small, fixed size. Without it, a chain of models that contain each
/// other by value makes every type's layout contain the whole chain, and the compiler's time and
/// memory grow with the square of the chain's length (a 100-schema spec exhausted 20 GiB).
/// Copies share the storage; setting a new value replaces it, so value semantics are kept.
@propertyWrapper
public struct Indirect<Value> {
    private final class Storage {
        let value: Value

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
        set { storage = Storage(newValue) }
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

// The storage is immutable after creation, so sharing it across concurrency domains is safe.
extension Indirect: @unchecked Sendable where Value: Sendable {}
