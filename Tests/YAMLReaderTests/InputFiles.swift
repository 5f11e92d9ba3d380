import Foundation

/// The data files under `Inputs/`, addressed by name.
enum InputFiles {
    static func path(_ name: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Inputs") else {
            fatalError("missing test input \(name)")
        }
        return url.path
    }
}
