import Testing

/// Object schemas: the struct, its members, initializer and coding.
@Suite struct ObjectSnippets {
    @Test func anObjectSchemaBecomesACodableHashableSendableStruct() {
        Snippet.schemas(
            """
            Note:
              type: object
              required: [text]
              properties:
                text: {type: string}
            """
        ).expect(
            emitting: """
                /// - Remark: Generated from `#/components/schemas/Note`.
                public nonisolated struct Note: Codable, Hashable, Sendable {
                    public var text: String

                    /// Creates a value from its properties; defaults are the spec's `default`s.
                    public init(text: String) {
                        self.text = text
                    }

                    public enum CodingKeys: String, CodingKey, CaseIterable {
                        case text
                    }

                    public init(from decoder: any Decoder) throws {
                        let container = try decoder.container(keyedBy: CodingKeys.self)
                        self.text = try container.decode(String.self, forKey: .text)
                    }

                    public func encode(to encoder: any Encoder) throws {
                        var container = encoder.container(keyedBy: CodingKeys.self)
                        try container.encode(self.text, forKey: .text)
                    }
                }
                """)
    }

    @Test func wireNamesBecomeSwiftNamesMappedByCodingKeys() {
        Snippet.schemas(
            """
            Session:
              type: object
              properties:
                session_id: {type: string}
                webhook_url: {type: string, format: uri}
                createdBy: {type: string}
            """
        ).expect(
            emitting: """
                public var sessionID: String?
                public var webhookURL: String?
                public var createdBy: String?
                """,
            """
            public enum CodingKeys: String, CodingKey, CaseIterable {
                case sessionID = "session_id"
                case webhookURL = "webhook_url"
                case createdBy
            }
            """,
            """
            self.sessionID = try container.decodeIfPresent(
                String.self,
                forKey: .sessionID,
                nullNotedIn: &findings,
                expected: "string"
            )
            """)
    }

    @Test func scalarTypesAndFormatsPickTheSwiftType() {
        Snippet.schemas(
            """
            Scalars:
              type: object
              required: [count, small, big, ratio, single, precise, flag]
              properties:
                count: {type: integer}
                small: {type: integer, format: int32}
                big: {type: integer, format: int64}
                ratio: {type: number}
                single: {type: number, format: float}
                precise: {type: number, format: double}
                flag: {type: boolean}
                anything: {}
            """
        ).expect(
            emitting: """
                public var count: Int
                public var small: Int32
                public var big: Int
                public var ratio: Double
                public var single: Float
                public var precise: Double
                public var flag: Bool
                public var anything: JSONValue?
                """)
    }

    @Test func defaultsBecomeInitializerDefaults() {
        Snippet.schemas(
            """
            Settings:
              type: object
              required: [region]
              properties:
                region: {type: string, default: eu}
                language: {type: string, default: en}
                retries: {type: integer, default: 3}
                ratio: {type: number, default: 0.5}
                verbose: {type: boolean, default: false}
                tags: {type: array, items: {type: string}, default: []}
            """
        ).expect(
            emitting: """
                public init(
                    region: String = "eu",
                    language: String = "en",
                    retries: Int = 3,
                    ratio: Double = 0.5,
                    verbose: Bool = false,
                    tags: [String] = []
                ) {
                """,
            """
                self.language = try container.decodeIfPresent(
                    String.self,
                    forKey: .language,
                    nullNotedIn: &findings,
                    expected: "string"
                ) ?? "en"
            """,
            """
            try container.encode(self.language, forKey: .language)
            """)
    }

    @Test func aDefaultThroughAnAliasIsAppliedAsWhatTheAliasStandsFor() {
        Snippet.schemas(
            """
            Language: {type: string}
            Settings:
              type: object
              properties:
                language: {$ref: '#/components/schemas/Language', default: en}
            """
        ).expect(
            emitting: """
                public init(language: Language = "en") {
                """,
            """
                self.language = try container.decodeIfPresent(
                    Language.self,
                    forKey: .language,
                    nullNotedIn: &findings,
                    expected: "string"
                ) ?? "en"
            """)
    }

    /// Absent takes the default; an explicit null stays null.
    @Test func aNullableDefaultIsAppliedWhenTheMemberIsAbsent() {
        Snippet.schemas(
            """
            Settings:
              type: object
              properties:
                limit: {type: [integer, "null"], default: 10}
            """
        ).expect(
            emitting: """
                public init(limit: Nullable<Int>? = .value(10)) {
                """,
            """
            if !container.contains(.limit) {
                self.limit = .value(10)
            } else if try container.decodeNil(forKey: .limit) {
                self.limit = .null
            } else {
                self.limit = .value(try container.decode(Int.self, forKey: .limit))
            }
            """)
    }

    @Test func anEnumDefaultIsItsCase() {
        Snippet.schemas(
            """
            Job:
              type: object
              properties:
                mode: {type: string, enum: [fast, thorough], default: thorough}
            """
        ).expect(
            emitting: """
                public init(mode: Job.Mode = .thorough) {
                """,
            """
                self.mode = try container.decodeIfPresent(
                    Job.Mode.self,
                    forKey: .mode,
                    nullNotedIn: &findings,
                    expected: "string"
                ) ?? .thorough
            """)
    }

    @Test func aConstPropertyDefaultsToItsValue() {
        Snippet.schemas(
            """
            Job:
              type: object
              required: [object, id]
              properties:
                object: {type: string, const: job}
                id: {type: string}
            """
        ).expect(
            emitting: """
                public var object: String
                public var id: String
                """,
            """
            public init(object: String = "job", id: String) {
            """)
    }

    @Test func dateTimeIsADateCodedAsRFC3339() {
        Snippet.schemas(
            """
            Event:
              type: object
              required: [at]
              properties:
                at: {type: string, format: date-time}
                seen_at: {type: string, format: date-time}
            """
        ).expect(
            emitting: """
                public var at: Date
                public var seenAt: Date?
                """,
            """
            self.at = try container.decodeDateTime(forKey: .at)
            self.seenAt = try container.decodeDateTimeIfPresent(forKey: .seenAt, nullNotedIn: &findings, expected: "string")
            """,
            """
            try container.encodeDateTime(self.at, forKey: .at)
            try container.encodeDateTimeIfPresent(self.seenAt, forKey: .seenAt)
            """)
    }

    @Test func dateIsACalendarDate() {
        Snippet.schemas(
            """
            Event:
              type: object
              required: [day]
              properties:
                day: {type: string, format: date}
            """
        ).expect(
            emitting: """
                public var day: CalendarDate
                """,
            """
            self.day = try container.decode(CalendarDate.self, forKey: .day)
            """)
    }

    @Test func allOfIsMergedIntoOneStruct() {
        Snippet.schemas(
            """
            Base:
              type: object
              required: [id]
              properties:
                id: {type: string}
            Extended:
              allOf:
                - $ref: '#/components/schemas/Base'
                - type: object
                  required: [name]
                  properties:
                    name: {type: string}
                    note: {type: string}
            """
        ).expect(
            emitting: """
                /// - Remark: Generated from `#/components/schemas/Extended`.
                public nonisolated struct Extended: Codable, Hashable, Sendable {
                    public var id: String
                    public var name: String
                    public var note: String?
                    /// What decoding saw that the properties cannot show (undeclared members, null where only absence is allowed);
                    /// reported by `violations()`, ignored by `==` and encoding.
                    var _decodingFindings = DecodingFindings()

                    /// Creates a value from its properties; defaults are the spec's `default`s.
                    public init(id: String, name: String, note: String? = nil) {
                """)
    }

    @Test func aNamedNonObjectSchemaIsATypealias() {
        Snippet.schemas(
            """
            SessionID:
              type: string
              description: A session's identifier.
            Tags: {type: array, items: {type: string}}
            Session:
              type: object
              required: [id]
              properties:
                id: {$ref: '#/components/schemas/SessionID'}
                tags: {$ref: '#/components/schemas/Tags'}
            """
        ).expect(
            emitting: """
                /// A session's identifier.
                ///
                /// - Remark: Generated from `#/components/schemas/SessionID`.
                public typealias SessionID = String

                /// - Remark: Generated from `#/components/schemas/Tags`.
                public typealias Tags = [String]
                """,
            """
            public var id: SessionID
            public var tags: Tags?
            """)
    }

    @Test func aReferenceToAnotherNamedSchemaIsATypealiasOfIt() {
        Snippet.schemas(
            """
            User:
              type: object
              properties:
                name: {type: string}
            Owner:
              $ref: '#/components/schemas/User'
            """
        ).expect(
            emitting: """
                /// - Remark: Generated from `#/components/schemas/Owner`.
                public typealias Owner = User
                """)
    }

    @Test func anInlineObjectBecomesANestedStructStoredByValue() {
        Snippet.schemas(
            """
            Call:
              type: object
              properties:
                caller:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
            """
        ).expect(
            emitting: """
                public nonisolated struct Call: Codable, Hashable, Sendable {
                    public var caller: Call.Caller?
                    /// What decoding saw that the properties cannot show (undeclared members, null where only absence is allowed);
                    /// reported by `violations()`, ignored by `==` and encoding.
                    var _decodingFindings = DecodingFindings()

                    /// Creates a value from its properties; defaults are the spec's `default`s.
                    public init(caller: Call.Caller? = nil) {
                        self.caller = caller
                    }
                """,
            """
                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    var findings = DecodingFindings()
                    self.caller = try container.decodeIfPresent(
                        Call.Caller.self,
                        forKey: .caller,
                        nullNotedIn: &findings,
                        expected: "object"
                    )
                    self._decodingFindings = findings
                }
            """,
            """
                /// - Remark: Generated from `#/components/schemas/Call/properties/caller`.
                public nonisolated struct Caller: Codable, Hashable, Sendable {
                    public var name: String
            """)
    }

    @Test func aReferencedStructPropertyIsStoredByValue() {
        Snippet.schemas(
            """
            User:
              type: object
              properties:
                name: {type: string}
            Session:
              type: object
              required: [owner]
              properties:
                owner: {$ref: '#/components/schemas/User'}
            """
        ).expect(
            emitting: """
                public var owner: User
                """)
    }

    /// A struct cannot contain itself: a recursive property is boxed, with in-place mutation.
    @Test func aRecursivePropertyIsStoredBehindABoxWithInPlaceMutation() {
        let spec = Snippet.schemas(
            """
            Node:
              type: object
              properties:
                next: {$ref: '#/components/schemas/Node'}
                value: {type: integer}
            """)
        spec.expect(
            emitting: """
                public var next: Node? {
                    get { _next.wrappedValue }
                    set { _next.wrappedValue = newValue }
                    _modify { yield &_next.wrappedValue }
                }

                private var _next: Indirect<Node?>
                """)
        spec.expect(notEmitting: "Indirect<Int")
    }

    /// Mutual recursion through another schema is boxed on both sides of the cycle.
    @Test func mutuallyRecursivePropertiesAreBoxed() {
        let spec = Snippet.schemas(
            """
            Folder:
              type: object
              properties:
                readme: {$ref: '#/components/schemas/File'}
            File:
              type: object
              properties:
                parent: {$ref: '#/components/schemas/Folder'}
            """)
        spec.expect(emitting: "private var _readme: Indirect<File?>")
        spec.expect(emitting: "private var _parent: Indirect<Folder?>")
    }

    /// By-value nesting stops at one level of models: a model that itself holds one by value is
    /// held behind a box, so boxes alternate down a chain.
    @Test func modelsNestedByValueMoreThanOneLevelDeepAreBoxed() {
        let spec = Snippet.schemas(
            """
            A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}}}
            B: {type: object, properties: {c: {$ref: '#/components/schemas/C'}}}
            C: {type: object, properties: {d: {$ref: '#/components/schemas/D'}}}
            D: {type: object, properties: {e: {$ref: '#/components/schemas/E'}}}
            E: {type: object, properties: {name: {type: string}}}
            """)
        spec.expect(emitting: "private var _b: Indirect<B?>")
        spec.expect(emitting: "public var c: C?")
        spec.expect(emitting: "private var _d: Indirect<D?>")
        spec.expect(emitting: "public var e: E?")
    }

    @Test func keywordPropertyNamesAreDeclaredWithBackticksAndReadThroughSelf() {
        Snippet.schemas(
            """
            Keywords:
              type: object
              required: [default, init, protocol]
              properties:
                default: {type: boolean}
                init: {type: string}
                protocol: {type: string}
            """
        ).expect(
            emitting: """
                public var `default`: Bool
                public var `init`: String
                public var `protocol`: String

                /// Creates a value from its properties; defaults are the spec's `default`s.
                public init(`default`: Bool, `init`: String, `protocol`: String) {
                    self.default = `default`
                    self.`init` = `init`
                    self.protocol = `protocol`
                }

                public enum CodingKeys: String, CodingKey, CaseIterable {
                    case `default`
                    case `init`
                    case `protocol`
                }
                """,
            """
            self.default = try container.decode(Bool.self, forKey: .default)
            self.`init` = try container.decode(String.self, forKey: .`init`)
            self.protocol = try container.decode(String.self, forKey: .protocol)
            """,
            """
            try container.encode(self.default, forKey: .default)
            """)
    }

    /// A parameter named `self` shadows `self` in the initializer: `self.x = …` then means the
    /// parameter, and the generated initializer does not compile.
    @Test func aPropertyNamedSelfDoesNotShadowSelfInTheInitializer() {
        let spec = Snippet.schemas(
            """
            Link:
              type: object
              required: [self]
              properties:
                self: {type: string, format: uri}
            """)
        spec.expect(
            emitting: """
                public var `self`: String
                """)
        spec.expect(notEmitting: "init(`self`: String)")
    }

    @Test func anObjectWithoutPropertiesOrExtrasIsAFreeFormDictionary() {
        Snippet.schemas(
            """
            Bag:
              type: object
            Holder:
              type: object
              properties:
                bag: {type: object}
            """
        ).expect(
            emitting: """
                public typealias Bag = [String: JSONValue]
                """,
            """
            public var bag: [String: JSONValue]?
            """)
    }
}
