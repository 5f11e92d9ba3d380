import OpenAPIModel

/// Emits `Client.swift`: the async client, one method per operation.
struct ClientEmitter {
    let context: EmissionContext

    func emit() -> String {
        context.fileHeader(imports: ["Foundation", "SpecRuntime"])
    }
}
