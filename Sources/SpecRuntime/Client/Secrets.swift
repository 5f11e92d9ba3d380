/// What a ``Secret`` is for; its name is all a secret shows of itself (`APIKey(redacted)`).
public protocol SecretRole: Sendable {
    static var name: String { get }
}

/// An API key sent to the server.
public enum APIKeyRole: SecretRole {
    public static let name = "APIKey"
}

/// A webhook endpoint's signing secret.
public enum WebhookSecretRole: SecretRole {
    public static let name = "WebhookSecret"
}

/// A secret whose `description`, `debugDescription` and reflection never show it, so that it
/// cannot leak into logs, errors, dumps or crash reports by accident. The role keeps kinds of
/// secret apart in the type system (an API key cannot be passed where a webhook secret goes).
public struct Secret<Role: SecretRole>: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable, ExpressibleByStringLiteral
{
    /// The secret itself; read it only to put it on the wire or into a MAC.
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public init(stringLiteral value: String) {
        self.value = value
    }

    public var description: String { "\(Role.name)(redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

/// An API key; redacted in every description.
public typealias APIKey = Secret<APIKeyRole>

/// A webhook signing secret; redacted in every description.
public typealias WebhookSecret = Secret<WebhookSecretRole>
