import Foundation
import HTTPTypes
import SpecCore

/// A security scheme of the spec, as generated operations name the ones they accept.
public struct SecurityScheme: Sendable, Hashable {
    /// How the credential travels.
    public enum Kind: Sendable, Hashable {
        /// An API key in a header, query parameter or cookie named `name`.
        case apiKey(name: String, in: ParameterLocation)
        /// `Authorization: Basic …` from a user name and password.
        case basic
        /// `Authorization: Bearer …`: HTTP bearer, and OAuth 2 / OpenID Connect access tokens.
        case bearer
    }

    /// The scheme's name under `securitySchemes`, the key of its ``Credential`` in ``ClientConfiguration/credentials``.
    public var name: String
    public var kind: Kind

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }
}

/// What the caller authenticates with for one security scheme. Never printed.
public enum Credential: Sendable {
    /// An API key, or a bearer token that does not change.
    case secret(APIKey)
    /// A user name and password (`basic`).
    case basic(username: String, password: APIKey)
    /// A bearer token fetched for each call, such as an OAuth 2 access token from a store that refreshes it.
    case tokenProvider(@Sendable () async throws -> APIKey)
}

extension APIClient {
    /// Applies the credentials of the first of `operation.security`'s alternatives the
    /// configuration has every credential for; an alternative that needs none (`{}`) is used
    /// when no other can be. Throws ``APIClientError/missingCredentials(_:)`` when none can.
    func authenticate<Envelope>(_ operation: inout OperationRequest<Envelope>) async throws(APIClientError<Envelope>) {
        guard !operation.security.isEmpty else { return }
        for alternative in operation.security where !alternative.isEmpty {
            let credentials = alternative.compactMap(credential)
            guard credentials.count == alternative.count else { continue }
            for (scheme, credential) in zip(alternative, credentials) {
                try await apply(credential, for: scheme, to: &operation)
            }
            return
        }
        if operation.security.contains(where: \.isEmpty) { return }
        throw .missingCredentials(operation.security.map { $0.map(\.name) })
    }

    private func credential(for scheme: SecurityScheme) -> Credential? {
        // `apiKey` of the configuration is the bearer token of a spec with one bearer scheme.
        configuration.credentials[scheme.name] ?? (scheme.kind == .bearer ? configuration.apiKey.map(Credential.secret) : nil)
    }

    private func apply<Envelope>(
        _ credential: Credential, for scheme: SecurityScheme,
        to operation: inout OperationRequest<Envelope>
    ) async throws(APIClientError<Envelope>) {
        let secret: String
        switch credential {
        case .secret(let key): secret = key.value
        case .basic(let username, let password): secret = Data("\(username):\(password.value)".utf8).base64EncodedString()
        case .tokenProvider(let provider):
            do {
                secret = try await provider().value
            } catch {
                throw .transport("the token provider of '\(scheme.name)' failed")
            }
        }
        switch scheme.kind {
        case .bearer: operation.headerFields[.authorization] = "Bearer " + secret
        case .basic: operation.headerFields[.authorization] = "Basic " + secret
        case .apiKey(let name, .query): operation.addSecretQueryItem(name, secret)
        case .apiKey(let name, .cookie): try operation.addCookie(name, secret)
        case .apiKey(let name, _): operation.setHeader(name, secret)
        }
    }
}
