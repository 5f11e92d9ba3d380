import SpecCore
import SpecDiagnostics
import YAMLReader

// Not all of Foundation where FoundationEssentials exists: loading Foundation and ICU would cost each run ~8 ms.
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Multi-file specs: every `$ref` to another file (`schemas/droplet.yaml`,
/// `../shared/errors.yaml#/components/responses/NotFound`) is brought into the root document, so
/// that the stages after it see one document with local references only. A schema from another
/// file becomes a named schema of `components/schemas` (named after the fragment's last token,
/// or the file's name; `_2`… when taken), so that recursion stays finite and its type has a
/// name; anything else (a path item, an operation, a parameter, a response…) is inlined where it
/// is referenced. Inside another file, `#/…` means that file. Diagnostics keep each node's own
/// file and position. A cycle of inlined references, a missing file or fragment, and a remote
/// (`http…`) reference are errors at the `$ref`.
struct ExternalReferences {
    /// Where a node stands, which decides what a `$ref` there refers to.
    indirect enum Position {
        case document, pathItems, pathItem, operation, parameters, parameter, requestBody, responses, response,
            content, mediaType, headers, header, schema, schemaMap, schemaList, components
        case componentMap(Position)
        case other
    }

    let rootFile: String
    let read: (String) throws(DiagnosticError) -> YAMLNode
    private(set) var diagnostics: [Diagnostic] = []
    /// Every file read besides the root, in the order first read.
    private(set) var files: [String] = []
    private var cache: [String: YAMLNode] = [:]
    private var hoisted: [String: String] = [:]
    private var hoistedEntries: [YAMLMappingEntry] = []
    private var takenNames: Set<String> = []
    private var inlining: [String] = []

    init(rootFile: String, read: @escaping (String) throws(DiagnosticError) -> YAMLNode) {
        self.rootFile = rootFile
        self.read = read
    }

    /// The root with every external reference brought in; the root itself when it has none.
    mutating func bundle(_ root: YAMLNode) -> YAMLNode {
        // Most specs are one file: a scan that copies nothing finds that out.
        guard Self.hasExternalReference(root) else { return root }
        cache[rootFile] = root
        // The named schemas first, `components/schemas` itself possibly in another file: an entry
        // that is a reference to another file is that file's schema under the entry's name, so
        // every other reference to the same file names it.
        var named = root["components"]?["schemas"]
        if let node = named, let reference = node["$ref"]?.string, isExternal(reference, in: node.location.file) {
            let (file, fragment) = split(reference, from: node)
            named = target(file: file, fragment: fragment, at: node)
        }
        for entry in named?.mapping ?? [] {
            guard let name = entry.key.string else { continue }
            takenNames.insert(name)
            if let reference = entry.value["$ref"]?.string, isExternal(reference, in: entry.value.location.file), !reference.contains("://") {
                let (file, fragment) = split(reference, from: entry.value)
                if file != rootFile { hoisted[file + "#" + fragment] = hoisted[file + "#" + fragment] ?? name }
            }
        }
        var result = walk(root, at: .document)
        guard !hoistedEntries.isEmpty else { return result }
        result = Self.setting(["components", "schemas"], in: result, appending: hoistedEntries)
        return result
    }

    private mutating func walk(_ node: YAMLNode, at position: Position) -> YAMLNode {
        switch node.content {
        case .scalar:
            return node
        case .sequence(let items):
            let itemPosition: Position =
                switch position {
                case .parameters: .parameter
                case .schemaList: .schema
                default: .other
                }
            var result = node
            result.content = .sequence(items.map { walk($0, at: itemPosition) })
            return result
        case .mapping(let entries):
            if let reference = node["$ref"]?.string, isExternal(reference, in: node.location.file) {
                return resolve(reference, from: node, entries: entries, at: position)
            }
            var result = node
            result.content = .mapping(
                entries.map { entry in
                    // A named schema that is another file's schema holds that schema itself.
                    if case .componentMap(.schema) = position, let name = entry.key.string,
                        let reference = entry.value["$ref"]?.string, isExternal(reference, in: entry.value.location.file)
                    {
                        let (file, fragment) = split(reference, from: entry.value)
                        if hoisted[file + "#" + fragment] == name {
                            // A file that cannot be read is reported once, here; the entry is left empty.
                            guard let target = target(file: file, fragment: fragment, at: entry.value["$ref"] ?? entry.value) else {
                                return YAMLMappingEntry(key: entry.key, value: Self.empty(like: entry.value))
                            }
                            return YAMLMappingEntry(key: entry.key, value: walk(target, at: .schema))
                        }
                    }
                    return YAMLMappingEntry(key: entry.key, value: walk(entry.value, at: Self.child(of: position, key: entry.key.string ?? "")))
                })
            return result
        }
    }

    private static func hasExternalReference(_ node: YAMLNode) -> Bool {
        switch node.content {
        case .scalar: return false
        case .sequence(let items): return items.contains(where: hasExternalReference)
        case .mapping(let entries):
            for entry in entries {
                if entry.key.scalar?.text == "$ref", let reference = entry.value.string, !reference.hasPrefix("#") { return true }
                if hasExternalReference(entry.value) { return true }
            }
            return false
        }
    }

    /// The file (resolved against the file `node` is in) and the fragment of a reference.
    private func split(_ reference: String, from node: YAMLNode) -> (file: String, fragment: String) {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let file = parts[0].isEmpty ? node.location.file : Self.path(parts[0], relativeTo: node.location.file)
        return (file, parts.count > 1 ? parts[1] : "")
    }

    private func isExternal(_ reference: String, in file: String) -> Bool {
        !reference.hasPrefix("#") || file != rootFile
    }

    private mutating func resolve(_ reference: String, from node: YAMLNode, entries: [YAMLMappingEntry], at position: Position) -> YAMLNode {
        let at = node["$ref"] ?? node
        if reference.contains("://") {
            diagnostics.append(.error("remote reference '\(reference)' is not supported (references to files are)", at: at.location))
            return Self.empty(like: node)
        }
        let (file, fragment) = split(reference, from: node)
        // Back in the root file: a plain local reference.
        if file == rootFile, !fragment.isEmpty {
            return Self.replacingReference(in: node, with: "#" + fragment)
        }
        let key = file + "#" + fragment
        guard let target = target(file: file, fragment: fragment, at: at) else { return Self.empty(like: node) }
        if case .schema = position {
            if let name = hoisted[key] { return Self.replacingReference(in: node, with: SchemaBuilder.componentPrefix + SchemaBuilder.escape(name)) }
            let name = claimName(fragment: fragment, file: file)
            hoisted[key] = name
            let body = walk(target, at: .schema)
            hoistedEntries.append(
                YAMLMappingEntry(
                    key: YAMLNode(.scalar(YAMLScalar(text: name, style: .plain, value: .string(name))), location: target.location),
                    value: body))
            return Self.replacingReference(in: node, with: SchemaBuilder.componentPrefix + SchemaBuilder.escape(name))
        }
        guard !inlining.contains(key) else {
            diagnostics.append(.error("reference cycle through '\(reference)'", at: at.location))
            return Self.empty(like: node)
        }
        inlining.append(key)
        defer { inlining.removeLast() }
        var inlined = walk(target, at: position)
        // Keys beside `$ref` (a path item's `summary`, say) stay, over the target's.
        let siblings = entries.filter { $0.key.string != "$ref" }
        if !siblings.isEmpty, case .mapping(let targetEntries) = inlined.content {
            let names = Set(siblings.compactMap(\.key.string))
            inlined.content = .mapping(
                targetEntries.filter { !names.contains($0.key.string ?? "") }
                    + siblings.map { entry in
                        YAMLMappingEntry(key: entry.key, value: walk(entry.value, at: Self.child(of: position, key: entry.key.string ?? "")))
                    })
        }
        return inlined
    }

    private mutating func target(file: String, fragment: String, at node: YAMLNode) -> YAMLNode? {
        let document: YAMLNode
        if let cached = cache[file] {
            document = cached
        } else {
            do {
                document = try read(file)
            } catch {
                diagnostics.append(
                    .error("cannot read '\(file)', which a '$ref' names: \(error.diagnostics.first?.message ?? "unreadable")", at: node.location))
                return nil
            }
            cache[file] = document
            files.append(file)
        }
        var current: YAMLNode? = document
        for token in fragment.split(separator: "/", omittingEmptySubsequences: true) {
            let name = PercentDecoding.decodedPointerToken(token)
            if let index = Int(name), let items = current?.sequence {
                current = index < items.count ? items[index] : nil
            } else {
                current = current?[name]
            }
        }
        if current == nil { diagnostics.append(.error("'\(fragment)' does not exist in '\(file)'", at: node.location)) }
        return current
    }

    private mutating func claimName(fragment: String, file: String) -> String {
        let stem =
            fragment.split(separator: "/").last.map(String.init)
            ?? String((file.split(separator: "/").last ?? "Schema").split(separator: ".").first ?? "Schema")
        var name = stem
        var suffix = 2
        while takenNames.contains(name) {
            name = "\(stem)_\(suffix)"
            suffix += 1
        }
        takenNames.insert(name)
        return name
    }

    /// What a `$ref` in the member `key` of a node at `position` refers to.
    static func child(of position: Position, key: String) -> Position {
        switch position {
        case .document:
            switch key {
            case "paths", "webhooks": .pathItems
            case "components": .components
            default: .other
            }
        case .pathItems: .pathItem
        case .pathItem:
            key == "parameters" ? .parameters : (HTTPMethod(rawValue: key) != nil ? .operation : .other)
        case .operation:
            switch key {
            case "parameters": .parameters
            case "requestBody": .requestBody
            case "responses": .responses
            default: .other
            }
        case .parameter, .header:
            key == "schema" ? .schema : (key == "content" ? .content : .other)
        case .requestBody, .response:
            key == "content" ? .content : (key == "headers" ? .headers : .other)
        case .responses: .response
        case .headers: .header
        case .content: .mediaType
        case .mediaType: key == "schema" ? .schema : .other
        case .schema:
            switch key {
            case "properties", "patternProperties", "$defs", "definitions", "dependentSchemas": .schemaMap
            case "allOf", "anyOf", "oneOf", "prefixItems": .schemaList
            case "items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames",
                "unevaluatedItems", "unevaluatedProperties", "contentSchema", "additionalItems":
                .schema
            default: .other
            }
        case .schemaMap: .schema
        case .components:
            switch key {
            case "schemas": .componentMap(.schema)
            case "parameters": .componentMap(.parameter)
            case "responses": .componentMap(.response)
            case "requestBodies": .componentMap(.requestBody)
            case "headers": .componentMap(.header)
            case "pathItems": .componentMap(.pathItem)
            default: .other
            }
        case .componentMap(let element): element
        case .parameters, .schemaList, .other: .other
        }
    }

    /// `relative` against the folder of `file`, with `.` and `..` resolved.
    static func path(_ relative: String, relativeTo file: String) -> String {
        let decoded = PercentDecoding.decoded(relative) ?? relative
        var components: [String] = decoded.hasPrefix("/") ? [] : file.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        for part in decoded.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            switch part {
            case ".", "": continue
            case "..":
                if let last = components.last, last != "..", !last.isEmpty { components.removeLast() } else { components.append("..") }
            default: components.append(part)
            }
        }
        let joined = components.joined(separator: "/")
        return decoded.hasPrefix("/") ? "/" + joined : joined
    }

    private static func replacingReference(in node: YAMLNode, with reference: String) -> YAMLNode {
        guard case .mapping(var entries) = node.content, let index = entries.firstIndex(where: { $0.key.string == "$ref" }) else { return node }
        var value = entries[index].value
        value.content = .scalar(YAMLScalar(text: reference, style: .plain, value: .string(reference)))
        entries[index].value = value
        var result = node
        result.content = .mapping(entries)
        return result
    }

    private static func empty(like node: YAMLNode) -> YAMLNode {
        YAMLNode(.mapping([]), location: node.location)
    }

    /// `node` with `entries` added to the mapping at `path` (created when absent).
    private static func setting(_ path: [String], in node: YAMLNode, appending entries: [YAMLMappingEntry]) -> YAMLNode {
        guard case .mapping(var members) = node.content else { return node }
        guard let first = path.first else {
            var result = node
            result.content = .mapping(members + entries)
            return result
        }
        if let index = members.firstIndex(where: { $0.key.string == first }) {
            members[index].value = setting(Array(path.dropFirst()), in: members[index].value, appending: entries)
        } else {
            let key = YAMLNode(.scalar(YAMLScalar(text: first, style: .plain, value: .string(first))), location: node.location)
            members.append(
                YAMLMappingEntry(key: key, value: setting(Array(path.dropFirst()), in: YAMLNode(.mapping([]), location: node.location), appending: entries)))
        }
        var result = node
        result.content = .mapping(members)
        return result
    }
}
