import Testing

/// Absent and null kept apart: required → `T`, optional → `T?` (omitted when nil), required and
/// nullable → `T?` (encodes null), optional and nullable → `Nullable<T>?`.
@Suite struct OptionalitySnippets {
    @Test func aRequiredPropertyIsNonOptionalAndAlwaysCoded() {
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
                public var text: String
                """,
            """
            public init(text: String) {
            """,
            """
            self.text = try container.decode(String.self, forKey: .text)
            """,
            """
            try container.encode(self.text, forKey: .text)
            """)
    }

    @Test func anOptionalPropertyIsOptionalAndOmittedWhenNil() {
        Snippet.schemas(
            """
            Note:
              type: object
              properties:
                text: {type: string}
            """
        ).expect(
            emitting: """
                public var text: String?
                """,
            """
            public init(text: String? = nil) {
            """,
            """
            self.text = try container.decodeIfPresent(
                String.self,
                forKey: .text,
                nullNotedIn: &findings,
                expected: "string"
            )
            """,
            """
            try container.encodeIfPresent(self.text, forKey: .text)
            """)
    }

    @Test func aRequiredNullablePropertyIsOptionalAndEncodesNull() {
        Snippet.schemas(
            """
            Note:
              type: object
              required: [text]
              properties:
                text: {type: [string, "null"]}
            """
        ).expect(
            emitting: """
                public var text: String?
                """,
            """
            public init(text: String? = nil) {
            """,
            """
            self.text = try container.decode(String?.self, forKey: .text)
            """,
            """
            try container.encode(self.text, forKey: .text)
            """)
    }

    @Test func anOptionalNullablePropertyIsANullableOptional() {
        Snippet.schemas(
            """
            Note:
              type: object
              properties:
                text: {type: [string, "null"]}
            """
        ).expect(
            emitting: """
                public var text: Nullable<String>?
                """,
            """
            public init(text: Nullable<String>? = nil) {
            """,
            """
            if !container.contains(.text) {
                self.text = nil
            } else if try container.decodeNil(forKey: .text) {
                self.text = .null
            } else {
                self.text = .value(try container.decode(String.self, forKey: .text))
            }
            """,
            """
            switch self.text {
            case nil: break
            case .null?: try container.encodeNil(forKey: .text)
            case .value(let value)?: try container.encode(value, forKey: .text)
            }
            """)
    }

    @Test func openAPI30NullableTrueIsNullable() {
        Snippet.schemas(
            """
            Note:
              type: object
              required: [title]
              properties:
                title: {type: string, nullable: true}
                text: {type: string, nullable: true}
            """, openapi: "3.0.3"
        ).expect(
            emitting: """
                public var title: String?
                public var text: Nullable<String>?
                """)
    }

    @Test func aTypeListWithNullIsNullable() {
        Snippet.schemas(
            """
            Reading:
              type: object
              required: [value]
              properties:
                value: {type: [number, "null"]}
            """
        ).expect(
            emitting: """
                public var value: Double?
                """,
            """
            self.value = try container.decode(Double?.self, forKey: .value)
            """)
    }

    @Test func oneOfWithNullIsANullableOfTheOtherBranch() {
        Snippet.schemas(
            """
            Level: {type: string, enum: [low, high]}
            Reading:
              type: object
              required: [level]
              properties:
                level:
                  oneOf:
                    - $ref: '#/components/schemas/Level'
                    - type: 'null'
                previous:
                  oneOf:
                    - $ref: '#/components/schemas/Level'
                    - type: 'null'
            """
        ).expect(
            emitting: """
                public var level: Level?
                public var previous: Nullable<Level>?
                """,
            """
            self.level = try container.decode(Level?.self, forKey: .level)
            """)
    }

    @Test func aNullableReferenceIn30IsNullable() {
        Snippet.schemas(
            """
            Level: {type: string, enum: [low, high]}
            Reading:
              type: object
              required: [level]
              properties:
                level: {$ref: '#/components/schemas/Level', nullable: true}
            """, openapi: "3.0.3"
        ).expect(
            emitting: """
                public var level: Level?
                """)
    }

    @Test func aRequiredNullableDateTimeDecodesNullOrADate() {
        Snippet.schemas(
            """
            Job:
              type: object
              required: [ended_at]
              properties:
                ended_at: {type: [string, "null"], format: date-time}
            """
        ).expect(
            emitting: """
                public var endedAt: Date?
                """,
            """
            self.endedAt = try container.decodeNil(forKey: .endedAt) ? nil : try container.decodeDateTime(forKey: .endedAt)
            """,
            """
            if let value = self.endedAt {
                try container.encodeDateTime(value, forKey: .endedAt)
            } else {
                try container.encodeNil(forKey: .endedAt)
            }
            """)
    }

    @Test func anOptionalNullableDateTimeCodesThroughNullable() {
        Snippet.schemas(
            """
            Job:
              type: object
              properties:
                ended_at: {type: [string, "null"], format: date-time}
            """
        ).expect(
            emitting: """
                public var endedAt: Nullable<Date>?
                """,
            """
                self.endedAt = .value(try container.decodeDateTime(forKey: .endedAt))
            """,
            """
            case .value(let value)?: try container.encodeDateTime(value, forKey: .endedAt)
            """)
    }

    @Test func aNullableReferencedStructIsStoredAsOptional() {
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
                owner:
                  oneOf:
                    - $ref: '#/components/schemas/User'
                    - type: 'null'
            """
        ).expect(
            emitting: """
                public var owner: User?
                """,
            """
            self.owner = try container.decode(User?.self, forKey: .owner)
            """)
    }

    /// A required `readOnly` member is absent from requests (and a `writeOnly` one from responses),
    /// so it is optional in Swift; a member without either stays required.
    @Test func aRequiredReadOnlyOrWriteOnlyMemberIsOptional() {
        Snippet.schemas(
            """
            Account:
              type: object
              required: [id, password, name]
              properties:
                id: {type: string, readOnly: true}
                password: {type: string, writeOnly: true}
                name: {type: string}
            """
        ).expect(
            emitting: """
                public var id: String?
                public var password: String?
                public var name: String
                """, in: .models)
    }
}
