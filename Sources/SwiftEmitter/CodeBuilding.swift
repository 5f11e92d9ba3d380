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
}
