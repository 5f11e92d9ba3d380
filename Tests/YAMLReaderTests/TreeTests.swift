import Testing
import YAMLReader

@Suite struct TreeTests {
    @Test func everyNodeKnowsItsLineAndColumn() throws {
        let root = try YAMLParser().parse("openapi: 3.1.0\ninfo:\n  title: API\n  tags: [a, b]\n", file: "spec.yaml")
        let info = try #require(root.entry(forKey: "info"))
        #expect(info.key.location.description == "spec.yaml:2:1")
        #expect(info.value.location.description == "spec.yaml:3:3")
        #expect(info.value["title"]?.location.description == "spec.yaml:3:10")
        #expect(info.value["tags"]?.sequence?.map(\.location.column) == [10, 13])
    }

    @Test func mappingsKeepDocumentOrder() throws {
        let root = try YAMLParser().parse("zeta: 1\nalpha: 2\nmid: 3\n")
        #expect(root.mapping?.compactMap(\.key.string) == ["zeta", "alpha", "mid"])
    }

    @Test func aliasesRepeatTheAnchoredNodeAtTheAliasLocation() throws {
        let root = try YAMLParser().read(contentsOf: InputFiles.path("anchors.yaml"))
        #expect(root["name"] == root["defaults"])
        #expect(root["name"]?.location.line == 4)
    }

    @Test func mergeKeysMergeWithExplicitKeysWinning() throws {
        let root = try YAMLParser().read(contentsOf: InputFiles.path("anchors.yaml"))
        let merged = try #require(root["merged"])
        #expect(merged.mapping?.compactMap(\.key.string) == ["maxLength", "type"])
        #expect(merged["maxLength"]?.scalar?.value == .int(128))
        let list = try #require(root["merged_list"])
        #expect(list.mapping?.compactMap(\.key.string) == ["minLength", "type", "maxLength"])
    }

    @Test func jsonDocumentsReadWithTabsAndTypedValues() throws {
        let root = try YAMLParser().read(contentsOf: InputFiles.path("spec.json"))
        #expect(root["info"]?["title"]?.string == "JSON spec")
        #expect(root["x-numbers"]?.sequence?.compactMap { $0.scalar?.value } == [.int(1), .float(2.5), .float(-300), .bool(true), .null, .string("no")])
    }

    @Test func equalityIgnoresLocation() throws {
        let a = try YAMLParser().parse("x: [1, 2]", file: "a.yaml")
        let b = try YAMLParser().parse("\n\n   x:    [1,    2]", file: "b.yaml")
        #expect(a == b)
    }
}
