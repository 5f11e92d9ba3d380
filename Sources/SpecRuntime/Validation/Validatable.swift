/// One broken constraint: where it is, which keyword, the limit and the value that broke it.
public struct Violation: Hashable, Sendable, CustomStringConvertible {
    /// Where the value is: a JSON Pointer into the validated value (a body or a model), or, for a
    /// request parameter or a response header, `/name` followed by the place inside its value.
    public var pointer: JSONPointer
    /// Where the parameter (or response header) the violation is in travels; `nil` for a body or a model.
    public var parameterLocation: ParameterLocation?
    /// The JSON Schema keyword (`maximum`, `pattern`, `required`, ...).
    public var keyword: String
    /// The constraint as written in the spec (`1`, `^ana_[A-Za-z0-9]+$`, `status`).
    public var limit: String
    /// The offending value, shortened to a readable excerpt.
    public var actual: String

    public init(
        pointer: JSONPointer, keyword: String, limit: String, actual: String,
        parameterLocation: ParameterLocation? = nil
    ) {
        self.pointer = pointer
        self.parameterLocation = parameterLocation
        self.keyword = keyword
        self.limit = limit
        self.actual = actual
    }

    public var description: String {
        let place: String
        if let parameterLocation, case .key(let name)? = pointer.tokens.first {
            let inside = JSONPointer(Array(pointer.tokens.dropFirst()))
            // A header may be a request's or a response's: "header 'X-Request-ID'" fits both.
            let kind = parameterLocation == .header ? "header" : "\(parameterLocation.rawValue) parameter"
            place = "\(kind) '\(name)'" + (inside.tokens.isEmpty ? "" : " at \(inside)")
        } else {
            place = pointer.tokens.isEmpty ? "(root)" : pointer.description
        }
        return "\(place): \(keyword) \(limit) violated by \(actual)"
    }
}

/// Every violation found in one value, thrown as one error.
public struct ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var violations: [Violation]

    public init(violations: [Violation]) {
        self.violations = violations
    }

    public var description: String {
        let count = violations.count
        let header = "\(count) constraint violation\(count == 1 ? "" : "s")"
        return ([header] + violations.map { "  " + $0.description }).joined(separator: "\n")
    }
}

/// A value that can check the constraints of its schema. Generated models conform.
///
/// Validation is separate from decoding: a value that decoded can be inspected before (or
/// without) being validated.
public protocol Validatable {
    /// Adds every violation of this value (and of the values it contains) to `context`.
    func validate(in context: inout ValidationContext)
}

extension Validatable {
    /// All violations of this value, empty when it is valid.
    public func violations() -> [Violation] {
        var context = ValidationContext()
        validate(in: &context)
        return context.violations
    }

    /// Throws one ``ValidationError`` listing every violation, if there is any.
    public func validate() throws(ValidationError) {
        let found = violations()
        if !found.isEmpty { throw ValidationError(violations: found) }
    }
}

/// The schema checks of a body whose Swift type does not validate itself (a top-level array, a
/// `JSONValue`, an optional model): generated code passes one where the runtime decodes the body.
public typealias BodyCheck<Value> = @Sendable (Value, inout ValidationContext) -> Void

extension ValidationContext {
    /// The violations of `value`: by `check` when there is one, otherwise by the value itself
    /// when it is ``Validatable``.
    static func violations<Value>(of value: Value, checkedBy check: BodyCheck<Value>?) -> [Violation] {
        guard let check else { return (value as? any Validatable)?.violations() ?? [] }
        var context = ValidationContext()
        check(value, &context)
        return context.violations
    }
}

/// The state of one validation pass: the path to the value being checked (kept as a stack, so
/// that no pointer is built unless a violation is reported) and the violations found so far.
public struct ValidationContext: Sendable {
    public internal(set) var violations: [Violation] = []
    private var path: [JSONPointer.Token] = []
    private var parameterLocation: ParameterLocation?

    public init() {}

    /// Checks a member of the current object.
    @inlinable
    public mutating func nested(_ key: String, _ body: (inout ValidationContext) -> Void) {
        push(.key(key))
        body(&self)
        pop()
    }

    /// Checks an element of the current array.
    @inlinable
    public mutating func nested(index: Int, _ body: (inout ValidationContext) -> Void) {
        push(.index(index))
        body(&self)
        pop()
    }

    /// Checks a request parameter: violations inside `body` are reported at `/name` with the
    /// parameter's location, apart from those of the request body checked in the same context.
    public mutating func parameter(
        _ name: String, in location: ParameterLocation,
        _ body: (inout ValidationContext) -> Void
    ) {
        let outer = (path, parameterLocation)
        path = [.key(name)]
        parameterLocation = location
        body(&self)
        (path, parameterLocation) = outer
    }

    @usableFromInline
    mutating func push(_ token: JSONPointer.Token) { path.append(token) }

    @usableFromInline
    mutating func pop() { path.removeLast() }

    /// Records a violation at the current path.
    public mutating func report(_ keyword: String, limit: String, actual: String) {
        violations.append(
            Violation(
                pointer: JSONPointer(path), keyword: keyword, limit: limit, actual: actual,
                parameterLocation: parameterLocation))
    }

    /// Records a violation at `tokens` below the current path.
    public mutating func report(_ keyword: String, limit: String, actual: String, below tokens: [JSONPointer.Token]) {
        violations.append(
            Violation(
                pointer: JSONPointer(path + tokens), keyword: keyword, limit: limit, actual: actual,
                parameterLocation: parameterLocation))
    }

    /// Records a violation at a member of the current path without entering it (e.g. `required`
    /// reported at the parent object).
    public mutating func report(_ keyword: String, limit: String, actual: String, atMember key: String) {
        violations.append(
            Violation(
                pointer: JSONPointer(path + [.key(key)]), keyword: keyword, limit: limit, actual: actual,
                parameterLocation: parameterLocation))
    }
}
