import Testing

@testable import SwiftEmitter

/// The naming rules of ``Namer``: what every generated name is made from.
@Suite struct NamerTests {
    @Test(arguments: [
        ("session_id", "sessionID"), ("webhook_url", "webhookURL"), ("analysis.complete", "analysisComplete"),
        ("default", "default"), ("2xx_rate", "_2xxRate"), ("HTTPServer", "httpServer"), ("api_version", "apiVersion"),
        ("", "_empty"), ("ÜberStatus", "überStatus"),
    ])
    func memberNamesReadLikeHandWrittenSwift(wire: String, swift: String) {
        #expect(Namer.memberName(wire) == swift)
    }

    @Test(arguments: [
        ("analysis_result", "AnalysisResult"), ("api-key", "APIKey"), ("Type", "TypeValue"), ("String", "StringValue"),
        ("ValidationError", "ValidationErrorValue"),
        ("3d_model", "_3dModel"), ("", "Unnamed"), ("user.profile", "UserProfile"),
    ])
    func typeNamesReadLikeHandWrittenSwift(wire: String, swift: String) {
        #expect(Namer.typeName(wire) == swift)
    }

    @Test(arguments: [
        ("required_phrases", "RequiredPhrase"), ("analyses", "Analysis"), ("statuses", "Status"), ("indices", "Index"),
        ("aliases", "Alias"), ("key_moments", "KeyMoment"), ("categories", "Category"), ("addresses", "Address"),
        ("matches", "Match"), ("boxes", "Box"), ("responses", "Response"), ("cookies", "Cookie"), ("photos", "Photo"),
        ("children", "Child"), ("series", "Series"),
    ])
    func listElementsAreNamedInTheSingular(list: String, element: String) {
        #expect(Namer.singularTypeName(list) == element)
    }

    @Test(arguments: [("data", "DataItem"), ("status", "StatusItem"), ("trend", "TrendItem"), ("metadata", "MetadataItem")])
    func anUnknownWordIsKeptWholeNotTruncated(list: String, element: String) {
        #expect(Namer.singularTypeName(list) == element)
    }

    @Test func nameOverridesReplaceTheDerivedName() {
        let namer = Namer(nameOverrides: ["#/components/schemas/analysis_result": "Outcome", "createAnalysis": "startAnalysis"])
        #expect(namer.typeName("analysis_result", pointer: "#/components/schemas/analysis_result") == "Outcome")
        #expect(namer.typeName("other", pointer: "#/components/schemas/other") == "Other")
        #expect(namer.methodName(operationID: "createAnalysis") == "startAnalysis")
    }

    @Test func aTakenNameGetsTheFirstFreeSuffixCheckedAgainAfterSuffixing() {
        let sink = DiagnosticSink()
        var scope = NameScope("the test scope")
        #expect(scope.claim("Status", for: "a", at: nil, diagnostics: sink) == "Status")
        #expect(scope.claim("Status2", for: "b", at: nil, diagnostics: sink) == "Status2")
        #expect(scope.claim("Status", for: "c", at: nil, diagnostics: sink) == "Status3")
        #expect(sink.diagnostics.count == 1)
        #expect(sink.diagnostics.first?.message.contains("c and a both become 'Status'") == true)
    }
}
