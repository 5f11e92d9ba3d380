import OpenAPIModel
import SwiftSource

/// Shorthands the emitters build code with.
extension Expr {
    /// `self.name`.
    static func selfMember(_ name: String) -> Expr { .member(.selfValue, name) }

    /// `name`.
    static func id(_ name: String) -> Expr { .identifier(name) }

    /// `try self`.
    var tried: Expr { .try(self) }

    /// `self(label: value, …)` from pairs, `nil` labels unlabelled.
    func call(_ arguments: (String?, Expr)...) -> Expr {
        .call(self, arguments.map { Argument($0.0, $0.1) }, trailingClosure: nil)
    }
}

extension SwiftType {
    static var jsonValue: SwiftType { .named(["JSONValue"]) }
    /// The runtime's file type: a binary string's bytes with a file name and content type.
    static var filePart: SwiftType { .named(["FilePart"]) }
}

/// Doc comments from spec prose, with the `Remark: Generated from` pointer.
enum Docs {
    static func from(_ text: String?, remark: String? = nil) -> DocComment? {
        let base = DocComment(text)
        guard let remark else { return base }
        let line = "- Remark: Generated from `\(remark)`."
        return base?.adding([line]) ?? DocComment(lines: [line])
    }

    static func lines(_ text: String) -> DocComment? { DocComment(text) }

    /// `@available(*, deprecated)` when the spec says so.
    static func attributes(deprecated: Bool) -> [String] {
        deprecated ? ["@available(*, deprecated)"] : []
    }

    /// `@available(*, deprecated)` for a type generated from `schema` when the spec deprecates it
    /// as a component schema. A type from an inline schema is reached only through the member that
    /// holds it (a property, a case), which carries the deprecation; marking the type too would make
    /// the generated code's own uses of it (the member's storage, its coding, its validation) warn.
    static func typeAttributes(for schema: Schema) -> [String] {
        let prefix = "#/components/schemas/"
        let isComponent = schema.pointer.hasPrefix(prefix) && !schema.pointer.dropFirst(prefix.count).contains("/")
        return attributes(deprecated: schema.isDeprecated && isComponent)
    }
}
