import SpecCore
import SpecDiagnostics

/// A checked OpenAPI document of the supported subset: what the emitter reads, and nothing of the
/// YAML it came from beyond locations.
public struct OpenAPIDocument: Hashable, Sendable {
    public var file: String
    public var title: String
    public var version: String
    public var description: String?
    public var servers: [Server]
    /// `#/components/schemas`, in document order.
    public var schemas: [NamedSchema] {
        didSet { schemaIndex = Self.index(schemas) }
    }
    /// Positions in ``schemas`` by name, so that resolving a reference does not scan the list.
    private var schemaIndex: [String: Int]
    /// Every operation, in document order (path, then method as written).
    public var operations: [Operation]
    /// OpenAPI 3.1 `webhooks`, in document order.
    public var webhooks: [Webhook]
    /// Whether the API authenticates with an HTTP bearer token.
    public var usesBearerAuth: Bool { securitySchemes.contains { $0.kind == .bearer } }
    /// The security schemes the client can apply, in document order.
    public var securitySchemes: [SecurityScheme] = []
    /// The document's `security`: what every operation without its own requires.
    public var security: SecurityRequirements = []
    /// `x-webhook-signature` at the root: how deliveries are signed.
    public var webhookSignature: WebhookSignature?
    /// The JSON Schema of every named schema and of every other target of a `$ref`, by the
    /// reference (`#/components/schemas/Analysis`): what ``Schema/json`` refers to.
    public var schemaRegistry = SchemaRegistry()

    public init(
        file: String, title: String, version: String, description: String?, servers: [Server],
        schemas: [NamedSchema], operations: [Operation], webhooks: [Webhook],
        webhookSignature: WebhookSignature?
    ) {
        self.file = file
        self.title = title
        self.version = version
        self.description = description
        self.servers = servers
        self.schemas = schemas
        self.schemaIndex = Self.index(schemas)
        self.operations = operations
        self.webhooks = webhooks
        self.webhookSignature = webhookSignature
    }

    /// The named schema with key `name` in `#/components/schemas`.
    public func schema(named name: String) -> NamedSchema? {
        schemaIndex[name].map { schemas[$0] }
    }

    private static func index(_ schemas: [NamedSchema]) -> [String: Int] {
        Dictionary(schemas.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    /// The schema a reference points to, following chains of references.
    public func resolved(_ schema: Schema) -> Schema {
        var current = schema
        var seen: Set<String> = []
        while case .reference(let name) = current.kind, seen.insert(name).inserted, let target = self.schema(named: name) {
            current = target.schema
        }
        return current
    }
}

/// A schema under `#/components/schemas`, with the Swift type name it gets.
public struct NamedSchema: Hashable, Sendable {
    public var name: String
    public var schema: Schema

    public init(name: String, schema: Schema) {
        self.name = name
        self.schema = schema
    }
}

public enum HTTPMethod: String, Hashable, Sendable, CaseIterable {
    case get, put, post, delete, options, head, patch, trace

    /// Whether repeating the request has no further effect (RFC 9110 §9.2.2).
    public var isIdempotent: Bool {
        switch self {
        case .post, .patch: false
        default: true
        }
    }
}

/// One operation of a path.
public struct Operation: Hashable, Sendable {
    public var operationID: String
    public var method: HTTPMethod
    /// The path template (`/v1/sessions/{id}/analysis`).
    public var path: String
    public var summary: String?
    public var description: String?
    public var isDeprecated: Bool
    public var parameters: [Parameter]
    public var requestBody: RequestBody?
    public var responses: [Response]
    public var polling: Polling?
    /// The operation's `tags`, which a config `filter` can select by.
    public var tags: [String] = []
    /// The operation's own `security`, `nil` when the document's applies.
    public var security: SecurityRequirements?
    /// The operation's own `servers` (its own, else its path item's), variables filled with
    /// their defaults; empty when the document's servers apply.
    public var servers: [Server] = []
    public var location: SourceLocation

    public init(
        operationID: String, method: HTTPMethod, path: String, summary: String?, description: String?,
        isDeprecated: Bool, parameters: [Parameter], requestBody: RequestBody?, responses: [Response],
        polling: Polling?, servers: [Server] = [], security: SecurityRequirements? = nil, location: SourceLocation
    ) {
        self.servers = servers
        self.security = security
        self.operationID = operationID
        self.method = method
        self.path = path
        self.summary = summary
        self.description = description
        self.isDeprecated = isDeprecated
        self.parameters = parameters
        self.requestBody = requestBody
        self.responses = responses
        self.polling = polling
        self.location = location
    }
}

public struct Parameter: Hashable, Sendable {
    public typealias Location = ParameterLocation

    public var name: String
    public var location: Location
    public var isRequired: Bool
    public var description: String?
    public var isDeprecated: Bool
    public var schema: Schema
    /// `x-idempotency-key: true`: the header that makes a non-idempotent request safe to retry.
    public var isIdempotencyKey: Bool
    /// `style`, or its default for the location (`form` in query and cookie, `simple` elsewhere).
    public var style: String = "simple"
    /// `explode`, or its default (`true` for the `form` style only).
    public var explode = false
    /// Whether the value is sent as JSON text (`content: {application/json: …}` instead of `schema`).
    public var isJSONContent = false
    public var sourceLocation: SourceLocation

    /// Whether the value is sent as OpenAPI's default for its location says (`form` exploded in
    /// the query and cookie, `simple` in the path and headers), not as JSON text.
    public var hasDefaultSerialization: Bool {
        !isJSONContent && style == (location == .query || location == .cookie ? "form" : "simple") && explode == (style == "form")
    }

    public init(
        name: String, location: Location, isRequired: Bool, description: String?, isDeprecated: Bool,
        schema: Schema, isIdempotencyKey: Bool, sourceLocation: SourceLocation
    ) {
        self.name = name
        self.location = location
        self.isRequired = isRequired
        self.description = description
        self.isDeprecated = isDeprecated
        self.schema = schema
        self.isIdempotencyKey = isIdempotencyKey
        self.sourceLocation = sourceLocation
    }
}

public struct RequestBody: Hashable, Sendable {
    public var isRequired: Bool
    public var description: String?
    /// The content the body is generated for (``BodyEncoding`` ranks the declared ones).
    public var content: BodyContent
    /// Every key of the body's `content`, in document order, as written.
    public var mediaTypes: [DeclaredMediaType]

    /// The schema of ``content``.
    public var schema: Schema { content.schema }

    public init(isRequired: Bool, description: String?, content: BodyContent, mediaTypes: [DeclaredMediaType]) {
        self.isRequired = isRequired
        self.description = description
        self.content = content
        self.mediaTypes = mediaTypes
    }
}

/// A key of a `content` map as the spec writes it (`application/json`, `application/*`,
/// `text/plain; charset=utf-8`), and where it is written.
public struct DeclaredMediaType: Hashable, Sendable {
    public var name: String
    public var location: SourceLocation

    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }
}

/// A documented response of an operation.
public struct Response: Hashable, Sendable {
    /// `200`, or `nil` for `default` and for a range.
    public var statusCode: Int?
    /// The first digit of a range (`4` for `4XX`), `nil` for a code or `default`.
    public var statusClass: Int?
    public var description: String?
    /// The content the body is generated for, `nil` for a response without a body.
    public var content: BodyContent?
    public var headers: [Header]
    /// Every key of the response's `content`, in document order, as written; empty for a
    /// response that declares no content (and so no body).
    public var mediaTypes: [DeclaredMediaType]

    /// The schema of ``content``.
    public var schema: Schema? { content?.schema }

    public init(
        statusCode: Int?, statusClass: Int? = nil, description: String?, content: BodyContent?, headers: [Header],
        mediaTypes: [DeclaredMediaType]
    ) {
        self.statusCode = statusCode
        self.statusClass = statusClass
        self.description = description
        self.content = content
        self.headers = headers
        self.mediaTypes = mediaTypes
    }

    public var isSuccess: Bool { statusCode.map { (200..<300).contains($0) } ?? (statusClass == 2) }

    /// Whether this is the `default` response.
    public var isDefault: Bool { statusCode == nil && statusClass == nil }

    /// One number per documented response: the code; `1`…`5` for a range `1XX`…`5XX`; `0` for `default`.
    public var statusKey: Int { statusCode ?? statusClass ?? 0 }

    /// Whether an HTTP status is one this response documents (a range covers its hundred; `default`, none).
    public func covers(_ status: Int) -> Bool { statusCode == status || statusClass == status / 100 }

    /// The status as the spec writes it: `404`, `4XX` or `default`.
    public var statusText: String { statusCode.map(String.init) ?? statusClass.map { "\($0)XX" } ?? "default" }
}

public struct Header: Hashable, Sendable {
    public var name: String
    public var isRequired: Bool
    public var description: String?
    public var schema: Schema

    public init(name: String, isRequired: Bool, description: String?, schema: Schema) {
        self.name = name
        self.isRequired = isRequired
        self.description = description
        self.schema = schema
    }
}

/// A webhook of `webhooks`: what the API sends to the user's endpoint.
public struct Webhook: Hashable, Sendable {
    /// The key under `webhooks` (`analysis.complete`).
    public var name: String
    public var operationID: String?
    public var summary: String?
    public var description: String?
    public var headers: [Parameter]
    public var body: Schema
    /// Every key of the delivery body's `content`, in document order, as written.
    public var bodyMediaTypes: [DeclaredMediaType]

    public init(
        name: String, operationID: String?, summary: String?, description: String?, headers: [Parameter], body: Schema,
        bodyMediaTypes: [DeclaredMediaType]
    ) {
        self.name = name
        self.operationID = operationID
        self.summary = summary
        self.description = description
        self.headers = headers
        self.body = body
        self.bodyMediaTypes = bodyMediaTypes
    }
}
