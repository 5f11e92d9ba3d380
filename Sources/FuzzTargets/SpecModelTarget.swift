import Foundation
import OpenAPIModel
import SpecDiagnostics
import SwiftEmitter
import YAMLReader

/// Any spec text gives a document or diagnostics with real locations; a document without errors
/// can always be emitted, and its files are never empty.
enum SpecModelTarget {
    static func run(_ input: Data) throws(FuzzFinding) {
        let bytes = [UInt8](input)
        let root: YAMLNode
        do {
            root = try YAMLParser().parse(bytes, file: "fuzz.yaml")
        } catch {
            return
        }
        let result = SpecLoader.load(root, file: "fuzz.yaml")
        let extent = InputExtent(bytes)
        for diagnostic in result.diagnostics {
            if let location = diagnostic.location {
                try extent.check(location, what: "diagnostic '\(diagnostic.message)'")
            }
        }
        if result.document == nil, !result.hasErrors {
            throw FuzzFinding("no document and no error")
        }
        guard let document = result.document, !result.hasErrors else { return }
        let files = SwiftFileEmitter.emit(document).files
        let names = files.map(\.name)
        if names.filter({ !SwiftFileEmitter.isPartName($0) }) != SwiftFileEmitter.fileNames {
            throw FuzzFinding("emitted \(names), not \(SwiftFileEmitter.fileNames) and their parts")
        }
        if let empty = files.first(where: { $0.contents.isEmpty }) {
            throw FuzzFinding("\(empty.name) is empty")
        }
    }
}
