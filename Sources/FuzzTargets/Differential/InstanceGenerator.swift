import SpecCore

/// Fuzzer bytes read as a sequence of choices; once they run out every choice is the first.
struct ChoiceStream {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// A choice in `0..<count` (0 when `count` is 0).
    mutating func below(_ count: Int) -> Int {
        count <= 0 ? 0 : Int(byte()) % count
    }

    /// True with a probability of about `percent` %; false once the bytes run out, so that
    /// every loop that asks for "one more" ends.
    mutating func chance(_ percent: Int) -> Bool {
        guard position < bytes.count else { return false }
        return Int(byte()) * 100 < percent * 256
    }
}

/// JSON instances for a schema, driven by fuzzer bytes: mostly near the schema (its types, its
/// properties, values at its limits, its enum and const, valid and broken formats) so that both
/// sides of every keyword are reached, and sometimes anything at all.
struct InstanceGenerator {
    let registry: SchemaRegistry
    var choices: ChoiceStream

    private static let maxDepth = 6

    mutating func instance(for schema: JSONSchema, depth: Int = 0) -> JSONLiteral {
        guard depth < Self.maxDepth, case .keywords(let keywords) = schema, !choices.chance(8) else { return anyValue(depth: depth) }
        if let reference = keywords.reference, let target = registry[reference], choices.chance(70) {
            return instance(for: target, depth: depth + 1)
        }
        let branches =
            (keywords.allOf ?? []) + (keywords.anyOf ?? []) + (keywords.oneOf ?? [])
            + [keywords.thenSchema, keywords.elseSchema, keywords.ifSchema].compactMap { $0 }
        if !branches.isEmpty, choices.chance(40) {
            return instance(for: branches[choices.below(branches.count)], depth: depth + 1)
        }
        if let constant = keywords.constValue, choices.chance(60) { return nudged(constant) }
        if let values = keywords.enumValues, !values.isEmpty, choices.chance(75) { return nudged(values[choices.below(values.count)]) }
        let types = keywords.types ?? Self.impliedTypes(keywords)
        let type = types.isEmpty || choices.chance(5) ? JSONType.allCases[choices.below(JSONType.allCases.count)] : types[choices.below(types.count)]
        switch type {
        case .null: return .null
        case .boolean: return .bool(choices.chance(50))
        case .integer: return .integer(integer(keywords))
        case .number: return choices.chance(50) ? .integer(integer(keywords)) : .number(number(keywords))
        case .string: return .string(string(keywords))
        case .array: return array(keywords, depth: depth)
        case .object: return object(keywords, depth: depth)
        }
    }

    /// The types a typeless schema's keywords are about.
    private static func impliedTypes(_ keywords: SchemaKeywords) -> [JSONType] {
        var types: [JSONType] = []
        if !keywords.properties.isEmpty || !keywords.required.isEmpty || keywords.additionalProperties != nil
            || !keywords.patternProperties.isEmpty || keywords.minProperties != nil || keywords.maxProperties != nil
        {
            types.append(.object)
        }
        if keywords.items != nil || keywords.prefixItems != nil || keywords.contains != nil || keywords.minItems != nil
            || keywords.maxItems != nil || keywords.uniqueItems
        {
            types.append(.array)
        }
        if keywords.minLength != nil || keywords.maxLength != nil || keywords.pattern != nil || keywords.format != nil { types.append(.string) }
        if keywords.minimum != nil || keywords.maximum != nil || keywords.exclusiveMinimum != nil || keywords.exclusiveMaximum != nil
            || keywords.multipleOf != nil
        {
            types.append(.number)
        }
        return types
    }

    /// A value as given, or now and then one that differs a little (1 for 1.0, a changed string).
    private mutating func nudged(_ value: JSONLiteral) -> JSONLiteral {
        guard choices.chance(20) else { return value }
        switch value {
        case .integer(let number): return choices.chance(50) ? .number(Double(number)) : .integer(number &+ 1)
        case .number(let number): return .number(number + 0.5)
        case .string(let text): return .string(text + "x")
        case .bool(let flag): return .bool(!flag)
        default: return .null
        }
    }

    private mutating func integer(_ keywords: SchemaKeywords) -> Int {
        let anchors = [keywords.minimum, keywords.maximum, keywords.exclusiveMinimum, keywords.exclusiveMaximum, keywords.multipleOf]
            .compactMap { $0 }.filter { abs($0) < 1e15 }.map { Int($0) }
        if !anchors.isEmpty, choices.chance(70) {
            let anchor = anchors[choices.below(anchors.count)]
            let step = (keywords.multipleOf.map { Int(max(1, min($0, 1e6))) }) ?? 1
            return anchor &+ (choices.below(5) - 2) &* step
        }
        if choices.chance(5) { return choices.chance(50) ? Int.max : Int.min }
        return Int(Int8(bitPattern: choices.byte()))
    }

    private mutating func number(_ keywords: SchemaKeywords) -> Double {
        let anchors = [keywords.minimum, keywords.maximum, keywords.exclusiveMinimum, keywords.exclusiveMaximum].compactMap { $0 }
        let fractions: [Double] = [0, 0.5, -0.5, 0.25, 1e-9, -1e-9, 0.1]
        let base = !anchors.isEmpty && choices.chance(70) ? anchors[choices.below(anchors.count)] : Double(Int8(bitPattern: choices.byte()))
        if let step = keywords.multipleOf, choices.chance(50) { return step * Double(choices.below(9) - 4) }
        if choices.chance(3) { return 1e300 }
        return base + fractions[choices.below(fractions.count)]
    }

    private static let formatSamples: [StringFormat: [String]] = [
        .dateTime: [
            "2026-03-27T10:00:00Z", "2026-03-27T10:00:00.5+02:00", "1998-12-31T23:59:60Z", "1998-12-31T23:58:60Z",
            "2026-02-30T10:00:00Z", "2026-03-27 10:00:00Z", "2026-03-27T10:00:00",
        ],
        .date: ["2026-03-27", "2024-02-29", "2023-02-29", "2026-3-27", "2026-13-01"],
        .time: ["10:00:00Z", "23:59:60Z", "10:00:00", "10:00:00.123+01:00", "24:00:00Z"],
        .email: ["a@example.com", "te..st@x", "\"quoted\"@example.com", "a@[127.0.0.1]", "@example.com", "a@"],
        .uri: ["https://example.com/a?b=c#d", "urn:isbn:123", "/relative", "http://x/<>", "http://x/%zz", "mailto:a@b"],
        .uriReference: ["/relative/path", "../up", "#frag", "http://x/%zz", "\\\\backslash", ""],
        .uuid: ["2eb8aa08-aa98-11ea-b4aa-73b441d16380", "2eb8aa08-aa98-11ea-b4aa-73b441d1638", "2eb8aa08aa9811eab4aa73b441d16380"],
        .ipv4: ["192.168.0.1", "256.0.0.1", "01.2.3.4", "1.2.3"],
        .ipv6: ["::1", "2001:db8::8a2e:370:7334", "12345::", "::ffff:192.168.0.1", ":::"],
        .hostname: ["example.com", "-bad.com", "a.b-c.d", String(repeating: "a", count: 64) + ".com", "x_y.com"],
    ]

    private mutating func string(_ keywords: SchemaKeywords) -> String {
        if let format = keywords.format, let samples = Self.formatSamples[format], choices.chance(80) {
            return samples[choices.below(samples.count)]
        }
        let alphabet = Array("aAbz09 -_.:/@é😀")
        var length = choices.below(8)
        let limits = [keywords.minLength, keywords.maxLength].compactMap { $0 }
        if !limits.isEmpty, choices.chance(70) { length = max(0, min(64, limits[choices.below(limits.count)] + choices.below(3) - 1)) }
        return String((0..<length).map { _ in alphabet[choices.below(alphabet.count)] })
    }

    private mutating func array(_ keywords: SchemaKeywords, depth: Int) -> JSONLiteral {
        let prefix = keywords.prefixItems ?? []
        var count = choices.below(5)
        let limits = [keywords.minItems, keywords.maxItems, keywords.minContains, keywords.maxContains].compactMap { $0 }
        if !limits.isEmpty, choices.chance(60) { count = max(0, min(8, limits[choices.below(limits.count)] + choices.below(3) - 1)) }
        var items: [JSONLiteral] = []
        for index in 0..<count {
            if keywords.uniqueItems, let last = items.last, choices.chance(15) {
                items.append(last)
                continue
            }
            let schema =
                index < prefix.count
                ? prefix[index]
                : (keywords.contains.flatMap { choices.chance(40) ? $0 : nil } ?? keywords.items ?? .anything)
            items.append(instance(for: schema, depth: depth + 1))
        }
        return .array(items)
    }

    private mutating func object(_ keywords: SchemaKeywords, depth: Int) -> JSONLiteral {
        var members: [(key: String, value: JSONLiteral)] = []
        let required = Set(keywords.required)
        for property in keywords.properties where required.contains(property.name) ? choices.chance(92) : choices.chance(55) {
            members.append((property.name, instance(for: property.schema, depth: depth + 1)))
        }
        for name in keywords.required where !members.contains(where: { $0.key == name }) && choices.chance(80) {
            members.append((name, anyValue(depth: depth + 1)))
        }
        let extraNames =
            ["extra", "x-extra", "foo", "bar", "a", "b", "aa", "é"]
            + keywords.dependentRequired.keys.sorted() + keywords.dependentSchemas.map(\.name)
        for _ in 0..<4 where choices.chance(25) {
            let name = extraNames[choices.below(extraNames.count)]
            guard !members.contains(where: { $0.key == name }) else { continue }
            let schema = keywords.additionalProperties ?? .anything
            members.append((name, instance(for: schema, depth: depth + 1)))
        }
        if choices.chance(10) {
            var random = StreamRandom(choices: &choices)
            members.shuffle(using: &random)
        }
        return .object(members)
    }

    private mutating func anyValue(depth: Int) -> JSONLiteral {
        switch choices.below(depth < Self.maxDepth ? 8 : 6) {
        case 0: return .null
        case 1: return .bool(choices.chance(50))
        case 2: return .integer(Int(Int8(bitPattern: choices.byte())))
        case 3: return .number(Double(Int8(bitPattern: choices.byte())) / 4)
        case 4, 5: return .string(["", "a", "ab", "1", "null", "é"][choices.below(6)])
        case 6: return .array((0..<choices.below(3)).map { _ in anyValue(depth: depth + 1) })
        default: return .object((0..<choices.below(3)).map { index in (["a", "b", "c"][index], anyValue(depth: depth + 1)) })
        }
    }
}

/// Randomness from the choice stream, for `shuffle`.
private struct StreamRandom: RandomNumberGenerator {
    var state: UInt64

    init(choices: inout ChoiceStream) {
        state = UInt64(choices.byte()) << 8 | UInt64(choices.byte()) | 1
    }

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
