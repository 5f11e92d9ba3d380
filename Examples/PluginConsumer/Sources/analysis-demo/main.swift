import AnalysisSDK
import Foundation
import PetsSDK
import SpecRuntime

// Builds a client from generated code and checks a request locally; no network is used.
let client = AnalysisClient(
    configuration: ClientConfiguration(
        baseURL: AnalysisClient.defaultServerURL,
        apiKey: APIKey(ProcessInfo.processInfo.environment["KALLGLOT_API_KEY"] ?? "sk_test_placeholder")))
let request = CreateAnalysisRequest(analyses: [.sentiment, .summary])
print("request is valid: \(request.violations().isEmpty); \(type(of: client)) for \(AnalysisClient.defaultServerURL)")

// A model of the multi-file spec: `tag`'s maxLength comes from schemas/tag.yaml.
let pet = try JSONDecoder().decode(Pet.self, from: Data(#"{"name": "Rex", "tag": "far-too-long-a-tag"}"#.utf8))
print("pet violations: \(pet.violations().map(\.description))")
