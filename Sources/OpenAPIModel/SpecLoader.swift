import SpecDiagnostics
import YAMLReader

/// The entry point of the model stage: a spec file or node tree in, a checked document and every
/// diagnostic out.
public enum SpecLoader {
    /// What loading a spec gives: the document when it could be built, and all findings.
    /// A document with error diagnostics must not be emitted.
    public struct Result: Sendable {
        public var document: OpenAPIDocument?
        public var diagnostics: [Diagnostic]

        public var hasErrors: Bool { diagnostics.containsErrors }
    }

    public static func load(contentsOf path: String, limits: ReaderLimits = .default, modelLimits: ModelLimits = .default) -> Result {
        loadWithFiles(contentsOf: path, limits: limits, modelLimits: modelLimits).result
    }

    /// ``load(contentsOf:limits:modelLimits:)``, and every other file the spec's `$ref`s read (a
    /// build plugin declares them as inputs).
    public static func loadWithFiles(
        contentsOf path: String, limits: ReaderLimits = .default,
        modelLimits: ModelLimits = .default
    ) -> (result: Result, files: [String]) {
        let parser = YAMLParser(limits: limits)
        let root: YAMLNode
        do {
            root = try parser.read(contentsOf: path)
        } catch {
            return (Result(document: nil, diagnostics: error.diagnostics), [])
        }
        var references = ExternalReferences(rootFile: path) { file throws(DiagnosticError) in try parser.read(contentsOf: file) }
        let bundled = references.bundle(root)
        var result = load(bundled, file: path, limits: modelLimits)
        if !references.diagnostics.isEmpty {
            result.diagnostics = (references.diagnostics + result.diagnostics).sortedForDisplay()
        }
        return (result, references.files)
    }

    public static func load(text: String, file: String) -> Result {
        do {
            return load(try YAMLParser().parse(text, file: file), file: file)
        } catch {
            return Result(document: nil, diagnostics: error.diagnostics)
        }
    }

    public static func load(_ root: YAMLNode, file: String, limits: ModelLimits = .default) -> Result {
        var rewriting: [Diagnostic] = []
        let root = RecursiveReferences.rewrite(root, diagnostics: &rewriting)
        let context = BuildContext(root: root, file: file, limits: limits)
        let document = DocumentBuilder(context: context).build()
        var diagnostics = rewriting + context.diagnostics
        if let document, !context.limitExceeded {
            var checks = DocumentChecks(document: document)
            diagnostics += checks.run()
        }
        return Result(document: document, diagnostics: diagnostics.sortedForDisplay())
    }
}
