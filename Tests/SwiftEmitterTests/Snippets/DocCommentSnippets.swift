import Testing

/// Doc comments from `description`s: kept as written, prose wrapped to 120 columns, and the
/// `Remark: Generated from` pointer to the schema.
@Suite struct DocCommentSnippets {
    @Test func aDescriptionIsTheCommentAndTheRemarkPointsToTheSchema() {
        Snippet.schemas(
            """
            Note:
              type: object
              description: A short note.
              properties:
                text: {type: string, description: What it says.}
            """
        ).expect(
            emitting: """
                /// A short note.
                ///
                /// - Remark: Generated from `#/components/schemas/Note`.
                public nonisolated struct Note: Codable, Hashable, Sendable {
                    /// What it says.
                    public var text: String?
                """)
    }

    @Test func linesAndParagraphsAreKeptAndSurroundingBlanksDropped() {
        Snippet.schemas(
            """
            Note:
              type: object
              description: |+

                First paragraph,
                continued.

                Second paragraph.   


              properties: {text: {type: string}}
            """
        ).expect(
            emitting: """
                /// First paragraph,
                /// continued.
                ///
                /// Second paragraph.
                ///
                /// - Remark: Generated from `#/components/schemas/Note`.
                """)
    }

    @Test func aLongLineIsWrappedAtSpacesTo120Columns() {
        Snippet.schemas(
            """
            Session:
              type: object
              description: Every analysis the service ran on the session, in the order they were requested, including those that failed or were skipped because the transcript was too short to say anything useful about it.
              properties:
                analyses:
                  type: array
                  items: {type: string}
                  description: Every analysis the service ran on the session, in the order they were requested, including those that failed or were skipped because the transcript was too short to say anything useful about it.
            """
        ).expect(
            emitting: """
                /// Every analysis the service ran on the session, in the order they were requested, including those that failed or were
                /// skipped because the transcript was too short to say anything useful about it.
                ///
                /// - Remark: Generated from `#/components/schemas/Session`.
                public nonisolated struct Session: Codable, Hashable, Sendable {
                    /// Every analysis the service ran on the session, in the order they were requested, including those that failed or
                    /// were skipped because the transcript was too short to say anything useful about it.
                    public var analyses: [String]?
                """)
    }

    @Test func aWrappedListItemContinuesUnderItsText() {
        Snippet.schemas(
            """
            Kinds:
              type: string
              description: |
                The kinds:
                - sentiment: how the speakers felt over the course of the call, sampled every thirty seconds and smoothed over one minute windows.
                - summary: a short overview.
              enum: [sentiment, summary]
            """
        ).expect(
            emitting: """
                /// The kinds:
                /// - sentiment: how the speakers felt over the course of the call, sampled every thirty seconds and smoothed over one
                ///   minute windows.
                /// - summary: a short overview.
                ///
                /// - Remark: Generated from `#/components/schemas/Kinds`.
                """)
    }

    @Test func codeBlocksAndTablesAreLeftAsWritten() {
        Snippet.schemas(
            """
            Query:
              type: string
              description: |
                Written as:

                    status:complete AND language:en AND duration:>600 AND speakers:>2 AND NOT flagged AND created:>2024-01-01T00:00:00Z

                ```
                a fenced line that is long enough to be wrapped if it were prose, but it is code, so it is kept whole as it is
                ```
                | column | meaning of the column, long enough that prose of the same length would have to be wrapped by the renderer |
            """
        ).expect(
            emitting: """
                /// Written as:
                ///
                ///     status:complete AND language:en AND duration:>600 AND speakers:>2 AND NOT flagged AND created:>2024-01-01T00:00:00Z
                ///
                /// ```
                /// a fenced line that is long enough to be wrapped if it were prose, but it is code, so it is kept whole as it is
                /// ```
                /// | column | meaning of the column, long enough that prose of the same length would have to be wrapped by the renderer |
                """)
    }

    @Test func deprecatedSchemasAndPropertiesAreMarkedDeprecated() {
        Snippet.schemas(
            """
            Old:
              type: object
              deprecated: true
              properties:
                legacy: {type: string, deprecated: true, description: Use `modern`.}
                modern: {type: string}
            """
        ).expect(
            emitting: """
                /// - Remark: Generated from `#/components/schemas/Old`.
                @available(*, deprecated)
                public nonisolated struct Old: Codable, Hashable, Sendable {
                    /// Use `modern`.
                    @available(*, deprecated)
                    public var legacy: String? {
                        get { _legacy }
                        set { _legacy = newValue }
                        _modify { yield &_legacy }
                    }

                    /// The storage of `legacy`, which the SDK's own code uses so that only uses outside it warn.
                    var _legacy: String?
                    public var modern: String?
                """)
    }

    /// The generated initializer, coding and validation of a deprecated property go through its
    /// storage, so that building the SDK warns about no use of its own.
    @Test func generatedCodeUsesADeprecatedPropertysStorage() {
        let spec = Snippet.schemas(
            """
            Reading:
              type: object
              required: [legacy]
              properties:
                legacy: {type: string, maxLength: 8, deprecated: true}
                boxed: {$ref: '#/components/schemas/Inner', deprecated: true}
            Inner:
              type: object
              properties:
                inner: {$ref: '#/components/schemas/Leaf'}
            Leaf:
              type: object
              properties:
                value: {type: string}
            """)
        spec.expect(
            emitting: "        self._legacy = legacy", "        self._boxed = Indirect(wrappedValue: boxed)",
            "        try container.encode(self._legacy, forKey: .legacy)")
        spec.expect(
            emitting: """
                    public var boxed: Inner? {
                        get { _boxed.wrappedValue }
                        set { _boxed.wrappedValue = newValue }
                        _modify { yield &_boxed.wrappedValue }
                    }

                    /// The storage of `boxed`, which the SDK's own code uses so that only uses outside it warn.
                    var _boxed: Indirect<Inner?>
                """)
        spec.expect(emitting: "        let value = self._legacy", in: .validators)
        spec.expect(notEmitting: "self.legacy", in: .validators)
        spec.expect(notEmitting: "self.legacy")
    }

    /// An inline type is left unmarked only where the member holding it is marked; elsewhere (array
    /// items, a parameter's schema) the type carries the deprecation, so none is dropped.
    @Test func aDeprecatedInlineTypeIsMarkedUnlessItsPropertyIs() {
        let spec = Snippet.schemas(
            """
            Reading:
              type: object
              properties:
                levels: {type: array, items: {type: string, enum: [low, high], deprecated: true}}
                channel: {type: string, enum: [sms, email], deprecated: true}
            """)
        spec.expect(
            emitting: """
                @available(*, deprecated)
                public nonisolated enum Level: RawRepresentable, Codable, Hashable, Sendable {
                """)
        spec.expect(
            emitting: """
                /// - Remark: Generated from `#/components/schemas/Reading/properties/channel`.
                public nonisolated enum Channel: RawRepresentable, Codable, Hashable, Sendable {
                """)
    }

    @Test func aDeprecatedAliasIsMarkedDeprecated() {
        Snippet.schemas(
            """
            OldID: {type: string, deprecated: true, description: Use SessionID.}
            """
        ).expect(
            emitting: """
                /// Use SessionID.
                ///
                /// - Remark: Generated from `#/components/schemas/OldID`.
                @available(*, deprecated)
                public typealias OldID = String
                """)
    }

    @Test func aReferenceWithADescriptionDocumentsTheProperty() {
        Snippet.schemas(
            """
            Level: {type: string, enum: [low, high], description: How loud.}
            Reading:
              type: object
              properties:
                level: {$ref: '#/components/schemas/Level', description: The level when the reading was taken.}
            """
        ).expect(
            emitting: """
                /// The level when the reading was taken.
                public var level: Level?
                """)
    }

    @Test func aDeprecatedReferenceMarksThePropertyDeprecated() {
        Snippet.schemas(
            """
            Level: {type: string, enum: [low, high]}
            Reading:
              type: object
              properties:
                level: {$ref: '#/components/schemas/Level', deprecated: true}
            """
        ).expect(
            emitting: """
                @available(*, deprecated)
                public var level: Level? {
                """)
    }

    @Test func theRemarkOfAnInlineBodyTypePointsIntoThePath() {
        Snippet.paths(
            """
            /notes/{id}:
              put:
                operationId: putNote
                parameters:
                  - {name: id, in: path, required: true, schema: {type: string}}
                requestBody:
                  required: true
                  content:
                    application/json:
                      schema: {type: object, properties: {text: {type: string}}}
                responses: {'204': {description: Done.}}
            """
        ).expect(
            emitting: """
                /// - Remark: Generated from `#/paths/~1notes~1{id}/put/requestBody/content/application~1json/schema`.
                public nonisolated struct PutNoteRequest: Codable, Hashable, Sendable {
                """)
    }

    @Test func anOperationSummaryAndDescriptionBecomeTheMethodComment() {
        Snippet.paths(
            """
            /notes:
              get:
                operationId: listNotes
                summary: Lists notes.
                description: |
                  Newest first.

                  Deleted notes are left out.
                parameters:
                  - {name: limit, in: query, schema: {type: integer}}
                responses: {'204': {description: Done.}}
            """
        ).expect(
            emitting: """
                /// Lists notes.
                ///
                /// Newest first.
                ///
                /// Deleted notes are left out.
                ///
                /// - Parameters:
                ///   - limit: The `limit` query parameter.
                /// - Returns: Done. (HTTP 204)
                """, in: .client)
    }

    /// With parameters a blank line separates the prose from the callouts; without, `- Returns:`
    /// follows the last paragraph directly.
    @Test func theCalloutsAreSetOffFromTheProseWithoutParametersToo() {
        let spec = Snippet.paths(
            """
            /notes:
              get:
                operationId: listNotes
                summary: Lists notes.
                description: |
                  Newest first.

                  Deleted notes are left out.
                responses: {'204': {description: Done.}}
            """)
        let expected = """
            /// Lists notes.
            ///
            /// Newest first.
            ///
            /// Deleted notes are left out.
            ///
            /// - Returns: Done. (HTTP 204)
            """
        spec.expect(emitting: expected, in: .client)
    }
}
