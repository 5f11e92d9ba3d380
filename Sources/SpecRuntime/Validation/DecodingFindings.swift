import Foundation

/// What decoding noticed that a decoded value cannot show by itself: members a closed object
/// (`additionalProperties: false`) does not declare, and `null` where a member may only be
/// absent; and, for an object whose member count is bounded, the members whose `default` stood in
/// for an absent one. Generated models keep it beside their properties and report it from `violations()`.
/// It takes no part in equality or hashing: two values with the same properties are equal however
/// they were decoded; only the undeclared members of a bounded object are encoded again.
@_spi(Generated) public struct DecodingFindings: Hashable, Sendable {
    private var undeclared: [String] = []
    private var nulls: [(member: String, type: String)] = []
    private var defaulted: [String] = []
    private var unheldMembers: [(name: String, value: JSONValue)] = []

    public init() {}

    /// Whether there is nothing to report (a default that was applied is no violation).
    public var isEmpty: Bool { undeclared.isEmpty && nulls.isEmpty }

    /// `name` is a member the closed object does not declare.
    public mutating func undeclaredMember(_ name: String) { undeclared.append(name) }

    /// `name` was `null`, where the schema allows only a value of `type` or no member at all.
    public mutating func nullMember(_ name: String, expected type: String) { nulls.append((name, type)) }

    /// A member of an object with a bounded member count that its struct does not declare (its
    /// schema says nothing of others): counted for `minProperties` and `maxProperties`, and
    /// encoded again with the value, so that a round trip keeps the count.
    public mutating func unheldMember(_ name: String, _ value: JSONValue) { unheldMembers.append((name, value)) }

    /// How many members of the decoded JSON the struct does not declare yet the value keeps.
    /// (A closed object's undeclared members are violations of their own and are not kept.)
    public var membersNotHeld: Int { unheldMembers.count }

    /// Encodes the members ``unheldMember(_:_:)`` kept, in name order.
    public func encodeUnheldMembers(to encoder: any Encoder) throws {
        guard !unheldMembers.isEmpty else { return }
        var container = encoder.container(keyedBy: MemberKey.self)
        for (name, value) in unheldMembers.sorted(by: { $0.name < $1.name }) {
            try container.encode(value, forKey: MemberKey(stringValue: name))
        }
    }

    private struct MemberKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// `name` was absent and holds its schema's `default`: the decoded JSON did not have it.
    public mutating func defaultApplied(_ name: String) { defaulted.append(name) }

    /// Whether `name` holds a default that stood in for an absent member (`minProperties` and
    /// `maxProperties` count the members the JSON had).
    public func appliedDefault(_ name: String) -> Bool { defaulted.contains(name) }

    public static func == (lhs: DecodingFindings, rhs: DecodingFindings) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}

    fileprivate func report(in context: inout ValidationContext) {
        // Every validation of a decoded value passes here; most have nothing to report.
        guard !isEmpty else { return }
        for (member, type) in nulls.sorted(by: { $0.member < $1.member }) {
            context.report("type", limit: type, actual: "null", atMember: member)
        }
        for name in undeclared.sorted() {
            context.report("additionalProperties", limit: "false", actual: "undeclared member", atMember: name)
        }
    }
}

extension ValidationContext {
    /// Reports what decoding found, each at its member below the current path.
    @_spi(Generated) public mutating func report(_ findings: DecodingFindings) {
        findings.report(in: &self)
    }
}

extension KeyedDecodingContainer {
    /// `decodeIfPresent` for a member that may be absent but not `null`: a `null` reads as absent
    /// and is noted in `findings` as a `type` violation (`expected` names the JSON type).
    @inlinable
    @_spi(Generated) public func decodeIfPresent<Value: Decodable>(
        _ type: Value.Type, forKey key: Key, nullNotedIn findings: inout DecodingFindings, expected: String
    ) throws -> Value? {
        guard try notNull(key, findings: &findings, expected: expected) else { return nil }
        return try decode(Value.self, forKey: key)
    }

    /// `decodeDateTimeIfPresent`, noting a `null` member like `decodeIfPresent(_:forKey:nullNotedIn:expected:)`.
    @inlinable
    @_spi(Generated) public func decodeDateTimeIfPresent(forKey key: Key, nullNotedIn findings: inout DecodingFindings, expected: String) throws -> Date? {
        guard try notNull(key, findings: &findings, expected: expected) else { return nil }
        return try decodeDateTime(forKey: key)
    }

    /// `decodeDateTimeIfPresent` of a collection of date-times, noting a `null` member.
    @inlinable
    @_spi(Generated) public func decodeDateTimeIfPresent<Value: DateTimeCoding>(
        _ type: Value.Type, forKey key: Key, nullNotedIn findings: inout DecodingFindings, expected: String
    ) throws -> Value? {
        guard try notNull(key, findings: &findings, expected: expected) else { return nil }
        return try decodeDateTime(Value.self, forKey: key)
    }

    /// Whether the member is present with a value; a `null` one is noted.
    @_spi(Generated) @inlinable
    public func notNull(_ key: Key, findings: inout DecodingFindings, expected: String) throws -> Bool {
        guard contains(key) else { return false }
        if try decodeNil(forKey: key) {
            findings.nullMember(key.stringValue, expected: expected)
            return false
        }
        return true
    }
}
