import OpenAPIModel

/// Emits `Webhooks.swift`: verification and typed decoding of webhook deliveries.
struct WebhookEmitter {
    let context: EmissionContext

    func emit() -> String {
        context.fileHeader(imports: ["Foundation", "SpecRuntime"])
    }
}
