import Testing

/// `oneOf`/`anyOf` with a `discriminator`: a Swift enum with a case per branch.
@Suite struct UnionSnippets {
    static let branches = """
        Started:
          type: object
          required: [type, id]
          properties:
            type: {const: job.started}
            id: {type: string}
        Finished:
          type: object
          required: [type, result]
          properties:
            type: {const: job.finished}
            result: {type: string}
        """

    @Test func aDiscriminatedOneOfIsAnEnumWithAssociatedValues() {
        Snippet.schemas(
            Self.branches + """

                Event:
                  oneOf:
                    - $ref: '#/components/schemas/Started'
                    - $ref: '#/components/schemas/Finished'
                  discriminator:
                    propertyName: type
                    mapping:
                      job.started: '#/components/schemas/Started'
                      job.finished: '#/components/schemas/Finished'
                """
        ).expect(
            emitting: """
                /// - Remark: Generated from `#/components/schemas/Event`.
                public nonisolated enum Event: Codable, Hashable, Sendable {
                    /// `type` is `job.started`.
                    case jobStarted(Started)
                    /// `type` is `job.finished`.
                    case jobFinished(Finished)

                    private enum DiscriminatorKey: String, CodingKey {
                        case discriminator = "type"
                    }

                    /// The discriminator value of this case.
                    public var discriminator: String {
                        switch self {
                        case .jobStarted: "job.started"
                        case .jobFinished: "job.finished"
                        }
                    }

                    public init(from decoder: any Decoder) throws {
                        let container = try decoder.container(keyedBy: DiscriminatorKey.self)
                        let value = try container.decode(String.self, forKey: .discriminator)
                        switch value {
                        case "job.started": self = .jobStarted(try Started(from: decoder))
                        case "job.finished": self = .jobFinished(try Finished(from: decoder))
                        default:
                            throw DecodingError.dataCorruptedError(
                                forKey: .discriminator,
                                in: container,
                                debugDescription: "'" + value + "' is not one of job.started, job.finished"
                            )
                        }
                    }

                    public func encode(to encoder: any Encoder) throws {
                        switch self {
                        case .jobStarted(let value): try value.encode(to: encoder)
                        case .jobFinished(let value): try value.encode(to: encoder)
                        }
                    }
                }
                """)
    }

    @Test func withoutAMappingTheSchemaNamesAreTheValues() {
        Snippet.schemas(
            """
            Cat:
              type: object
              properties:
                kind: {type: string}
            Dog:
              type: object
              properties:
                kind: {type: string}
            Pet:
              oneOf:
                - $ref: '#/components/schemas/Cat'
                - $ref: '#/components/schemas/Dog'
              discriminator: {propertyName: kind}
            """
        ).expect(
            emitting: """
                /// `kind` is `Cat`.
                case cat(Cat)
                /// `kind` is `Dog`.
                case dog(Dog)
                """,
            """
            case "Cat": self = .cat(try Cat(from: decoder))
            """)
    }

    @Test func aDiscriminatedAnyOfIsAnEnumToo() {
        Snippet.schemas(
            Self.branches + """

                Event:
                  anyOf:
                    - $ref: '#/components/schemas/Started'
                    - $ref: '#/components/schemas/Finished'
                  discriminator:
                    propertyName: type
                    mapping:
                      job.started: '#/components/schemas/Started'
                      job.finished: '#/components/schemas/Finished'
                """
        ).expect(
            emitting: """
                public nonisolated enum Event: Codable, Hashable, Sendable {
                    /// `type` is `job.started`.
                    case jobStarted(Started)
                """)
    }

    /// A union holds its branches by value, so it counts as a level: a property whose union
    /// holds models is boxed.
    @Test func aUnionPropertyOfModelsIsBoxed() {
        Snippet.schemas(
            Self.branches + """

                Event:
                  oneOf:
                    - $ref: '#/components/schemas/Started'
                    - $ref: '#/components/schemas/Finished'
                  discriminator: {propertyName: type}
                Delivery:
                  type: object
                  required: [event]
                  properties:
                    event: {$ref: '#/components/schemas/Event'}
                """
        ).expect(
            emitting: """
                private var _event: Indirect<Event>
                """)
    }

    @Test func aUnionValidatesTheCaseItHolds() {
        Snippet.schemas(
            Self.branches + """

                Event:
                  oneOf:
                    - $ref: '#/components/schemas/Started'
                    - $ref: '#/components/schemas/Finished'
                  discriminator: {propertyName: type}
                """
        ).expect(
            emitting: """
                nonisolated extension Event: Validatable {
                    public func validate(in context: inout ValidationContext) {
                        switch self {
                        case .started(let value): value.validate(in: &context)
                        case .finished(let value): value.validate(in: &context)
                        }
                    }
                }
                """, in: .validators)
    }

    /// Draft 2019-09's self-recursion idiom is a reference to the schema itself, with a warning.
    @Test func theRecursiveAnchorIdiomIsAReferenceToTheNamedSchemaItself() {
        let spec = Snippet.schemas(
            """
            Comparison: {type: object, required: [type], properties: {type: {type: string}}}
            Compound:
              $recursiveAnchor: true
              type: object
              required: [type, filters]
              properties:
                type: {type: string}
                filters:
                  type: array
                  items:
                    oneOf: [{$ref: '#/components/schemas/Comparison'}, {$recursiveRef: '#'}]
                    discriminator: {propertyName: type}
            """)
        spec.expect(
            emitting: """
                /// `type` is `Compound`.
                case compound(Compound)
                """, in: .models)
        #expect(
            spec.loaderDiagnostics().contains {
                $0.hasSuffix(##"'$recursiveAnchor' with '$recursiveRef: "#"' is read as a reference to 'Compound' itself (1 use)"##)
            })
    }
}
