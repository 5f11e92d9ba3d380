import Foundation
import SpecRuntime
import Testing

@testable import SwiftEmitter

/// Generated code and the runtime name one contract version, so that drift is a compile error.
@Suite struct GeneratorVersionTests {
    @Test func theGeneratorAndTheRuntimeAreOneRelease() {
        #expect(GeneratorVersion.release == SpecRuntimeVersion.release)
    }

    @Test func everyModelsFileNamesTheRuntimeContractItWasGeneratedFor() {
        Snippet.schemas("Thing: {type: string}").expect(
            emitting: """
                private typealias GeneratedForSpecRuntime = SpecRuntimeCompatibility.RequiresVersion\(GeneratorVersion.runtimeContract)
                """)
    }

    @Test func theDefaultUserAgentNamesTheToolAndItsRelease() throws {
        let configuration = ClientConfiguration(baseURL: try #require(URL(string: "https://example.com")))
        #expect(configuration.userAgent == "spec-codegen-swift/\(SpecRuntimeVersion.release)")
    }
}
