import Testing

/// Arrays and dictionaries: element types named in the singular, nullable items, maps.
@Suite struct CollectionSnippets {
    @Test func anArrayOfInlineObjectsNamesItsElementInTheSingular() {
        Snippet.schemas(
            """
            Compliance:
              type: object
              properties:
                required_phrases:
                  type: array
                  items:
                    type: object
                    required: [phrase]
                    properties:
                      phrase: {type: string}
            """
        ).expect(
            emitting: """
                public var requiredPhrases: [Compliance.RequiredPhrase]?
                """,
            """
                /// - Remark: Generated from `#/components/schemas/Compliance/properties/required_phrases/items`.
                public nonisolated struct RequiredPhrase: Codable, Hashable, Sendable {
                    public var phrase: String
            """)
    }

    @Test func analysesNameAnAnalysis() {
        Snippet.schemas(
            """
            Request:
              type: object
              required: [analyses]
              properties:
                analyses:
                  type: array
                  items: {type: string, enum: [sentiment, summary]}
            """
        ).expect(
            emitting: """
                public var analyses: [Request.Analysis]
                """,
            """
                public nonisolated enum Analysis: RawRepresentable, Codable, Hashable, Sendable {
            """)
    }

    @Test func statusesNameAStatus() {
        Snippet.schemas(
            """
            Job:
              type: object
              properties:
                statuses:
                  type: array
                  items: {type: string, enum: [queued, done]}
            """
        ).expect(
            emitting: """
                public var statuses: [Job.Status]?
                """,
            """
                public nonisolated enum Status: RawRepresentable, Codable, Hashable, Sendable {
            """,
            """
                    public static let documentedCases: [Job.Status] = [.queued, .done]
            """)
    }

    @Test func anArrayOfReferencesIsAnArrayOfTheNamedType() {
        Snippet.schemas(
            """
            Job:
              type: object
              properties:
                id: {type: string}
            Page:
              type: object
              required: [items]
              properties:
                items:
                  type: array
                  items: {$ref: '#/components/schemas/Job'}
            """
        ).expect(
            emitting: """
                public var items: [Job]
                """,
            """
            self.items = try container.decode([Job].self, forKey: .items)
            """)
    }

    @Test func nullableItemsAreOptionalElements() {
        Snippet.schemas(
            """
            Series:
              type: object
              required: [points]
              properties:
                points:
                  type: array
                  items: {type: [number, "null"]}
            """
        ).expect(
            emitting: """
                public var points: [Double?]
                """)
    }

    @Test func anArrayOfArraysNestsArrays() {
        Snippet.schemas(
            """
            Grid:
              type: object
              required: [cells]
              properties:
                cells:
                  type: array
                  items: {type: array, items: {type: integer}}
            """
        ).expect(
            emitting: """
                public var cells: [[Int]]
                """)
    }

    /// Date-times inside collections are `Date`s too, coded as RFC 3339 text by the runtime's
    /// `DateTimeCoding` whatever decoder is used, to any depth.
    @Test func dateTimesInsideArraysAndMapsAreDatesCodedAsRFC3339() {
        let spec = Snippet.schemas(
            """
            Log:
              type: object
              required: [times]
              properties:
                times:
                  type: array
                  items: {type: string, format: date-time}
                gaps:
                  type: array
                  items: {type: [string, "null"], format: date-time}
                byHost:
                  type: object
                  additionalProperties: {type: array, items: {type: string, format: date-time}}
                days:
                  type: array
                  items: {type: string, format: date}
            """)
        spec.expect(
            emitting: """
                public var times: [Date]
                """,
            """
            public var gaps: [Date?]?
            """,
            """
            public var byHost: [String: [Date]]?
            """,
            """
            public var days: [CalendarDate]?
            """,
            """
            self.times = try container.decodeDateTime([Date].self, forKey: .times)
            self.gaps = try container.decodeDateTimeIfPresent(
                [Date?].self,
                forKey: .gaps,
                nullNotedIn: &findings,
                expected: "array"
            )
            self.byHost = try container.decodeDateTimeIfPresent(
                [String: [Date]].self,
                forKey: .byHost,
                nullNotedIn: &findings,
                expected: "object"
            )
            self.days = try container.decodeIfPresent(
                [CalendarDate].self,
                forKey: .days,
                nullNotedIn: &findings,
                expected: "array"
            )
            """,
            """
            try container.encodeDateTime(self.times, forKey: .times)
            try container.encodeDateTimeIfPresent(self.gaps, forKey: .gaps)
            try container.encodeDateTimeIfPresent(self.byHost, forKey: .byHost)
            """)
        #expect(spec.warnings() == [])
    }

    @Test func dateTimeAdditionalPropertiesAndNamedDateTimeListsAreCodedAsDates() {
        Snippet.schemas(
            """
            Stamps:
              type: array
              items: {$ref: '#/components/schemas/Stamp'}
            Stamp: {type: string, format: date-time}
            Seen:
              type: object
              properties:
                history: {$ref: '#/components/schemas/Stamps'}
              additionalProperties: {type: string, format: date-time}
            """
        ).expect(
            emitting: """
                public typealias Stamps = [Stamp]
                """,
            """
            self.history = try container.decodeDateTimeIfPresent(
                Stamps.self,
                forKey: .history,
                nullNotedIn: &findings,
                expected: "array"
            )
            """,
            """
            additionalProperties[key.stringValue] = try members.decodeDateTime(Date.self, forKey: key)
            """,
            """
            try members.encodeDateTime(value, forKey: AnyCodingKey(stringValue: name))
            """)
    }

    @Test func additionalPropertiesWithASchemaIsADictionaryOfThatType() {
        Snippet.schemas(
            """
            Stats:
              type: object
              required: [counts]
              properties:
                counts:
                  type: object
                  additionalProperties: {type: integer}
            """
        ).expect(
            emitting: """
                public var counts: [String: Int]
                """,
            """
            self.counts = try container.decode([String: Int].self, forKey: .counts)
            """)
    }

    @Test func additionalPropertiesTrueIsADictionaryOfJSONValues() {
        Snippet.schemas(
            """
            Stats:
              type: object
              properties:
                extra:
                  type: object
                  additionalProperties: true
            """
        ).expect(
            emitting: """
                public var extra: [String: JSONValue]?
                """)
    }

    @Test func additionalPropertiesFalseIsAStructWithoutExtras() {
        let spec = Snippet.schemas(
            """
            Point:
              type: object
              additionalProperties: false
              properties:
                x: {type: number}
            Empty:
              type: object
              additionalProperties: false
            """)
        // No member holds extras; decoding records each one, and a null x, for violations().
        spec.expect(
            emitting: """
                public nonisolated struct Point: Codable, Hashable, Sendable {
                    public var x: Double?
                    /// What decoding saw that the properties cannot show (undeclared members, null where only absence is allowed);
                    /// reported by `violations()`, ignored by `==` and encoding.
                    var _decodingFindings = DecodingFindings()

                    /// Creates a value from its properties; defaults are the spec's `default`s.
                    public init(x: Double? = nil) {
                """,
            """
                    self.x = try container.decodeIfPresent(Double.self, forKey: .x, nullNotedIn: &findings, expected: "number")
                    let allMembers = try decoder.container(keyedBy: AnyCodingKey.self)
                    for key in allMembers.allKeys where CodingKeys(rawValue: key.stringValue) == nil {
                        findings.undeclaredMember(key.stringValue)
                    }
                    self._decodingFindings = findings
            """,
            """
            public nonisolated struct Empty: Codable, Hashable, Sendable {
                /// What decoding saw that the properties cannot show (undeclared members, null where only absence is allowed);
                /// reported by `violations()`, ignored by `==` and encoding.
                var _decodingFindings = DecodingFindings()

                /// Creates a value from its properties; defaults are the spec's `default`s.
                public init() {}

                public init(from decoder: any Decoder) throws {
                    var findings = DecodingFindings()
                    let allMembers = try decoder.container(keyedBy: AnyCodingKey.self)
                    for key in allMembers.allKeys {
                        findings.undeclaredMember(key.stringValue)
                    }
                    self._decodingFindings = findings
                }

                public func encode(to encoder: any Encoder) throws {}
            }
            """)
        spec.expect(
            emitting: """
                nonisolated extension Point: Validatable {
                    public func validate(in context: inout ValidationContext) {
                        context.report(self._decodingFindings)
                """, in: .validators)
        spec.expect(notEmitting: "additionalProperties")
    }

    @Test func declaredPropertiesWithTypedExtrasKeepTheExtrasInAMember() {
        Snippet.schemas(
            """
            Labels:
              type: object
              required: [name]
              properties:
                name: {type: string}
              additionalProperties: {type: string}
            """
        ).expect(
            emitting: """
                    public var name: String
                    /// Members beyond the declared properties, by name.
                    public var additionalProperties: [String: String]

                    /// Creates a value from its properties; defaults are the spec's `default`s.
                    public init(name: String, additionalProperties: [String: String] = [:]) {
                        self.name = name
                        self.additionalProperties = additionalProperties
                    }
                """,
            """
                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    self.name = try container.decode(String.self, forKey: .name)
                    let members = try decoder.container(keyedBy: AnyCodingKey.self)
                    var additionalProperties: [String: String] = [:]
                    for key in members.allKeys where CodingKeys(rawValue: key.stringValue) == nil {
                        additionalProperties[key.stringValue] = try members.decode(String.self, forKey: key)
                    }
                    self.additionalProperties = additionalProperties
                }
            """,
            """
                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    try container.encode(self.name, forKey: .name)
                    var members = encoder.container(keyedBy: AnyCodingKey.self)
                    for (name, value) in additionalProperties.sorted(by: { $0.key < $1.key }) where CodingKeys(rawValue: name) == nil {
                        try members.encode(value, forKey: AnyCodingKey(stringValue: name))
                    }
                }
            """)
    }

    @Test func aDictionaryOfInlineObjectsNamesItsValueType() {
        Snippet.schemas(
            """
            Index:
              type: object
              properties:
                entries:
                  type: object
                  additionalProperties:
                    type: object
                    properties:
                      count: {type: integer}
            """
        ).expect(
            emitting: """
                public var entries: [String: Index.EntriesValue]?
                """,
            """
                /// - Remark: Generated from `#/components/schemas/Index/properties/entries/additionalProperties`.
                public nonisolated struct EntriesValue: Codable, Hashable, Sendable {
            """)
    }

    @Test func aNamedArraySchemaIsATypealiasOfItsArray() {
        Snippet.schemas(
            """
            Job:
              type: object
              properties:
                id: {type: string}
            Jobs:
              type: array
              items: {$ref: '#/components/schemas/Job'}
            """
        ).expect(
            emitting: """
                public typealias Jobs = [Job]
                """)
    }

    /// Array items keep their nullability (`[Double?]`); dictionary values lose it, so `{"a": null}` fails to decode.
    @Test func nullableDictionaryValuesAreOptionalValues() {
        let spec = Snippet.schemas(
            """
            Labels:
              type: object
              properties:
                values: {type: object, additionalProperties: {type: [string, "null"]}}
            """)
        spec.expect(
            emitting: """
                public var values: [String: String?]?
                """)
    }
}
