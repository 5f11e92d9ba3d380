import OpenAPIModel

/// A Swift source file the emitter produced, named relative to the output folder.
public struct GeneratedFile: Hashable, Sendable {
    public var name: String
    public var contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}

/// What the caller may choose about the emitted code.
public struct EmitterOptions: Hashable, Sendable {
    /// `public` for a library others import, `internal` for code generated into an app target.
    public enum AccessLevel: String, Hashable, Sendable, CaseIterable {
        case `public`, `internal`, package
    }

    public var accessLevel: AccessLevel
    /// The name of the generated client type; derived from the spec's title when `nil`.
    public var clientName: String?

    public init(accessLevel: AccessLevel = .public, clientName: String? = nil) {
        self.accessLevel = accessLevel
        self.clientName = clientName
    }
}

/// Stage 3: a checked ``OpenAPIDocument`` to Swift source files.
public enum SwiftEmitter {
    /// The files every run writes, whatever the spec holds, so that a build plugin can declare its
    /// outputs before the spec is read.
    public static let fileNames = ["Models.swift", "Validators.swift", "Client.swift", "Webhooks.swift"]

    /// Emits every file of ``fileNames``, in that order. The output depends only on `document` and
    /// `options`: the same input gives byte-identical files.
    public static func emit(_ document: OpenAPIDocument, options: EmitterOptions = EmitterOptions()) -> [GeneratedFile] {
        let plan = TypePlan(document: document)
        let context = EmissionContext(document: document, options: options, plan: plan)
        return [
            GeneratedFile(name: "Models.swift", contents: ModelEmitter(context: context).emit()),
            GeneratedFile(name: "Validators.swift", contents: ValidatorEmitter(context: context).emit()),
            GeneratedFile(name: "Client.swift", contents: ClientEmitter(context: context).emit()),
            GeneratedFile(name: "Webhooks.swift", contents: WebhookEmitter(context: context).emit()),
        ]
    }
}
