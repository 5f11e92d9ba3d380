import Testing

/// The snippet helper itself: how fragments are wrapped, compared and located.
@Suite struct SnippetHelperTests {
    @Test func aFragmentMatchesWholeLinesAtAnyOneIndentation() {
        let file = "struct A {\n    var x: Int\n\n    var y: Int\n}\n"
        Snippet.expect(file, named: "A.swift", contains: "var x: Int\n\nvar y: Int", sourceLocation: #_sourceLocation)
        withKnownIssue("a partial line does not match") {
            Snippet.expect(file, named: "A.swift", contains: "var x: In", sourceLocation: #_sourceLocation)
        }
        withKnownIssue("lines at different indentations do not match") {
            Snippet.expect(file, named: "A.swift", contains: "struct A {\nvar x: Int", sourceLocation: #_sourceLocation)
        }
    }

    @Test func aFragmentsCommonIndentationIsIgnored() {
        #expect(Snippet.dedented("\n    a\n\n      b\n    ") == ["a", "", "  b"])
    }

    @Test func diagnosticsAreLocatedInTheFragment() {
        let spec = Snippet.paths("/a:\n  get: {}\n", schemas: "A: {type: string}\n")
        #expect(spec.fragmentPosition(line: 5, column: 5) == "2:3")
        #expect(spec.fragmentPosition(line: 8, column: 8) == "1:4")
        #expect(spec.fragmentPosition(line: 1, column: 1) == "document 1:1")
    }

    @Test func aSpecWithErrorsFailsWithTheLoadersDiagnostics() {
        let spec = Snippet.schemas(
            """
            Broken: {type: wrong}
            """)
        #expect(spec.loaderDiagnostics() == ["1:16: error: unknown type 'wrong'"])
        withKnownIssue("the spec does not load") {
            spec.expect(emitting: "anything")
        }
    }
}
