import Foundation

/// The data files under `Inputs/`, and the files of the repository this test target is in.
enum InputFiles {
    /// The path of the test input `name`; `nil` when it is missing from the bundle.
    static func path(_ name: String) -> String? {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Inputs")?.path
    }

    /// The repository's root folder, found from this file's own path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The text of a file of the repository, by its path from the root; `nil` when unreadable.
    static func repositoryFile(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: repositoryRoot.appendingPathComponent(path).path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
