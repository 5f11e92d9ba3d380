import Foundation
import Testing
import YAMLReader

/// The reader reads what the project feeds it: the spec and every recorded fixture (JSON).
@Suite struct ProjectFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var inputs: [String] {
        var files = ["spec/openapi.yaml"]
        let fixtures = root.appendingPathComponent("spec/fixtures").path
        let enumerator = FileManager.default.enumerator(atPath: fixtures)
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".har") { files.append("spec/fixtures/" + path) }
        }
        return files.sorted()
    }

    @Test(arguments: inputs)
    func projectFileReads(path: String) throws {
        let node = try YAMLParser().read(contentsOf: Self.root.appendingPathComponent(path).path)
        #expect(node.mapping?.isEmpty == false)
    }
}
