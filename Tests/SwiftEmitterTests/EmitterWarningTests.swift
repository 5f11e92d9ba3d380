import OpenAPIModel
import SwiftEmitter
import Testing

/// Each place where the emitter changes or leaves out something the spec says reports it, at the
/// spec's line and column, instead of degrading silently.
@Suite struct EmitterWarningTests {
    /// The emitter's warnings for a spec, as `line:column: message`.
    func warnings(_ yaml: String, options: EmitterOptions = EmitterOptions()) throws -> [String] {
        let result = SpecLoader.load(text: yaml, file: "w.yaml")
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        let document = try #require(result.document)
        return SwiftFileEmitter.emit(document, options: options).diagnostics.map { diagnostic in
            (diagnostic.location.map { "\($0.line):\($0.column): " } ?? "") + diagnostic.message
        }
    }

    static let header = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\n"

    @Test func namesThatCollideAreDisambiguatedAndReported() throws {
        let found = try warnings(
            Self.header + """
                paths: {}
                components:
                  schemas:
                    analysis_result: {type: object, properties: {a: {type: string}}}
                    AnalysisResult: {type: object, properties: {b: {type: string}}}
                """)
        #expect(
            found == [
                "7:21: schema 'AnalysisResult' and schema 'analysis_result' both become 'AnalysisResult' in the module's top-level "
                    + "types; schema 'AnalysisResult' is named 'AnalysisResult2' (rename one, or set nameOverrides in spec-codegen.yaml)"
            ])
    }

    @Test func webhooksWithoutASignatureSchemeAreReportedAndTakeNoSignature() throws {
        let yaml =
            Self.header + """
                paths: {}
                webhooks:
                  ping:
                    post:
                      requestBody:
                        content:
                          application/json:
                            schema: {type: object, properties: {id: {type: string}}}
                      responses: {'200': {description: OK}}
                """
        let found = try warnings(yaml)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("10:21: the spec has webhooks but no x-webhook-signature") == true, "\(found)")
        let document = try #require(SpecLoader.load(text: yaml, file: "w.yaml").document)
        let webhooks = try #require(SwiftFileEmitter.emit(document).files.first { $0.name == "Webhooks.swift" })
        #expect(webhooks.contents.contains("public func ping(body: Data) throws -> PingEvent {"))
        #expect(!webhooks.contents.contains("signatureHeader"))
    }

    @Test func aDefaultWithoutASwiftLiteralIsReported() throws {
        let found = try warnings(
            Self.header + """
                paths: {}
                components:
                  schemas:
                    Box:
                      type: object
                      properties:
                        tags: {type: array, items: {type: string}, default: [a]}
                """)
        #expect(
            found == [
                "9:15: the default of '#/components/schemas/Box/properties/tags' has no Swift literal for [String]; "
                    + "neither the initializer nor decoding applies it"
            ])
    }

    @Test func aNameOverrideThatNamesNothingIsReported() throws {
        let found = try warnings(
            Self.header + """
                paths: {}
                components:
                  schemas:
                    Box: {type: object, properties: {a: {type: string}}}
                """, options: EmitterOptions(nameOverrides: ["#/components/schemas/Bx": "Crate", "#/components/schemas/Box": "Crate"]))
        #expect(
            found == [
                "nameOverrides: '#/components/schemas/Bx' is neither the pointer of a generated type nor an operationId of w.yaml; "
                    + "it is not used"
            ])
    }

    @Test func errorResponsesWithDifferentSchemasAreReported() throws {
        let found = try warnings(
            Self.header + """
                paths:
                  /a:
                    get:
                      operationId: getA
                      responses:
                        '204': {description: OK}
                        '400': {description: Bad, content: {application/json: {schema: {type: object, properties: {a: {type: string}}}}}}
                        '500': {description: Bad, content: {application/json: {schema: {type: object, properties: {b: {type: string}}}}}}
                """)
        #expect(
            found == [
                "6:7: the error responses of 'getA' (400, 500) have 2 different schemas; its errors are typed as JSONValue, "
                    + "not as one error type"
            ])
    }
}
