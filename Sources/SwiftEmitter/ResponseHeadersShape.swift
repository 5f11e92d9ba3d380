import OpenAPIModel
import SwiftSource

/// The typed headers of an operation whose success responses document `headers`: the struct
/// nested in the client that holds them, and the `…WithHeaders` method that returns them.
///
/// Rules (documented in the README):
/// - Every header of every success status is a member, once (names compare case-insensitively);
///   `Content-Type` is left out, as OpenAPI says.
/// - Members are optional, required ones too: a response that lacks a required header, or whose
///   value is not of the schema's type, still gives its body; response validation reports it.
/// - A member is named from the header without a leading `X-` (RFC 6648): `X-Request-ID` → `requestID`.
/// - Strings, numbers, booleans, `date-time` (`Date`), `date` (`CalendarDate`) and arrays of them
///   (the `simple` style) are typed; any other schema is held as its text, with a warning.
struct ResponseHeadersShape: Sendable {
    struct Member: Sendable {
        var header: Header
        var property: String
        var type: SwiftType
        /// The header's schema with references followed, when its keywords can be checked on `type`.
        var checkedSchema: Schema?
    }

    /// The struct's name, nested in the client (`CreateAnalysisResponseHeaders`).
    let typeName: String
    /// The method that returns the body with the headers (`createAnalysisWithHeaders`).
    let methodName: String
    let members: [Member]

    /// `nil` when no success response of `operation` documents a header.
    init?(
        operation: OpenAPIModel.Operation, typeName: String, methodName: String, document: OpenAPIDocument,
        diagnostics: DiagnosticSink
    ) {
        var headers: [Header] = []
        let successes = operation.responses.filter(\.isSuccess)
        for response in successes {
            for header in response.headers where Self.isDocumented(header) {
                if let index = headers.firstIndex(where: { $0.name.lowercased() == header.name.lowercased() }) {
                    headers[index].isRequired = headers[index].isRequired && header.isRequired
                } else {
                    headers.append(header)
                }
            }
        }
        // A header is required only where every success response requires it.
        for index in headers.indices where headers[index].isRequired {
            let name = headers[index].name.lowercased()
            headers[index].isRequired = successes.allSatisfy { $0.headers.contains { $0.name.lowercased() == name && $0.isRequired } }
        }
        guard !headers.isEmpty else { return nil }
        self.typeName = typeName
        self.methodName = methodName
        var names = NameScope("the headers of '\(operation.operationID)'")
        names.reserve(["validate"], by: "the headers' validation method")
        members = headers.map { header in
            let property = names.claim(
                Self.propertyName(header.name), for: "header '\(header.name)'",
                at: header.schema.location, diagnostics: diagnostics)
            let resolved = document.resolved(header.schema)
            if let type = Self.type(of: resolved, document: document) {
                var checked = resolved
                if case .array(var array) = resolved.kind {
                    array.items = document.resolved(array.items)
                    checked.kind = .array(array)
                }
                return Member(header: header, property: property, type: type, checkedSchema: checked)
            }
            diagnostics.warning(
                "header '\(header.name)' of '\(operation.operationID)' has a schema that is not a string, number, boolean or array "
                    + "of them; it is held as its text (String) and its keywords are not checked",
                at: header.schema.location)
            return Member(header: header, property: property, type: .string, checkedSchema: nil)
        }
    }

    /// Whether a documented success header gets a member: all but `Content-Type`, which OpenAPI says to ignore.
    static func isDocumented(_ header: Header) -> Bool {
        header.name.lowercased() != "content-type"
    }

    /// Whether any success response of `operation` documents a header that gets a member.
    static func documentsHeaders(_ operation: OpenAPIModel.Operation) -> Bool {
        operation.responses.contains { $0.isSuccess && $0.headers.contains(where: isDocumented) }
    }

    /// `X-RateLimit-Remaining` → `rateLimitRemaining`; `Location` → `location`.
    static func propertyName(_ header: String) -> String {
        var name = Substring(header)
        if name.lowercased().hasPrefix("x-"), name.count > 2 { name = name.dropFirst(2) }
        return Namer.memberName(String(name))
    }

    /// The Swift type a header of `schema` (resolved) is read as, or `nil` when it has none.
    private static func type(of schema: Schema, document: OpenAPIDocument) -> SwiftType? {
        switch schema.kind {
        case .string(let string):
            switch string.format {
            case .dateTime?: return .date
            case .date?: return .named(["CalendarDate"])
            default: return .string
            }
        case .integer(let numeric): return numeric.format == "int32" ? .int32 : .int
        case .number(let numeric): return numeric.format == "float" ? .float : .double
        case .boolean: return .bool
        case .array(let array):
            let items = document.resolved(array.items)
            if case .array = items.kind { return nil }
            return type(of: items, document: document).map(SwiftType.array)
        case .object, .union, .choice, .any, .reference: return nil
        }
    }
}
