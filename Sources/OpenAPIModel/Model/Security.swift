import SpecCore
import SpecDiagnostics

/// A `components/securitySchemes` entry the client applies.
public struct SecurityScheme: Hashable, Sendable {
    /// How the credential travels.
    public enum Kind: Hashable, Sendable {
        /// `type: apiKey`: the key as a header, query parameter or cookie named `name`.
        case apiKey(name: String, location: ParameterLocation)
        /// `type: http, scheme: basic`: `Authorization: Basic base64(user:password)`.
        case basic
        /// `type: http, scheme: bearer`, and `oauth2` / `openIdConnect`, whose access tokens are
        /// bearer tokens: `Authorization: Bearer <token>`.
        case bearer
    }

    /// The scheme's key under `securitySchemes`, which `security` requirements name.
    public var name: String
    public var kind: Kind
    public var description: String?
    public var location: SourceLocation

    public init(name: String, kind: Kind, description: String?, location: SourceLocation) {
        self.name = name
        self.kind = kind
        self.description = description
        self.location = location
    }
}

/// A `security` list: alternatives, each a set of schemes that must all be applied. An empty
/// alternative (`- {}`) means the operation may be called without credentials.
public typealias SecurityRequirements = [[String]]
