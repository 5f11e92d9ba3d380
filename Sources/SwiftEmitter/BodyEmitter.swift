import OpenAPIModel
import SpecCore
import SwiftSource

/// How a body of each ``BodyEncoding`` is sent and read by a generated method: JSON through
/// `Codable`, text as a `String`, binary as `Data`, and form and multipart bodies field by field
/// from their struct's members, as the media type's `encoding` says.
struct BodyEmitter {
    let context: EmissionContext

    /// The statements that put `body` (of `type`) on `request`; `contentType` is the argument
    /// that picks a text or binary body's media type, when the method has one.
    func setBody(_ content: BodyContent, type: SwiftType, on request: Expr, contentType: Expr?) -> [Statement] {
        let body = Expr.id("body")
        let sent = contentType ?? .string(sentType(content))
        switch content.encoding {
        case .json:
            // A vendor JSON type (`application/vnd.api+json`) is sent as itself, not as plain JSON.
            let isPlain = MediaTypeText.essence(of: content.mediaType) == "application/json"
            return [.expression(request.dot("setJSONBody").call([Argument(body)] + (isPlain ? [] : [Argument("contentType", sent)])).tried)]
        case .text:
            return [.expression(request.dot("setTextBody").call([Argument(body), Argument("contentType", sent)]))]
        case .binary:
            return [.expression(request.dot("setBinaryBody").call([Argument(body), Argument("contentType", sent)]))]
        case .formURLEncoded:
            return fields(of: type, builder: "FormBody", local: "form") { name, wireName, value in
                fieldArguments(name, value: value, encoding: wireName.flatMap { content.partEncodings[$0] })
            } + [.expression(request.dot("setFormBody").call(.id("form")).tried)]
        case .multipart:
            return fields(of: type, builder: "MultipartBody", local: "multipart") { name, wireName, value in
                [Argument(name), Argument(value)]
                    + (wireName.flatMap { content.partEncodings[$0]?.contentType }.map { [Argument("contentType", .string($0))] } ?? [])
            } + [.expression(request.dot("setMultipartBody").call(.id("multipart")).tried)]
        }
    }

    /// `var form = FormBody()`, one `append` per member of the body's struct (in schema order),
    /// then its other members in name order.
    /// `arguments(name, wireName, value)` builds one `append`'s arguments; `wireName` is `nil` for
    /// an additional member (no `encoding` entry names it).
    private func fields(
        of type: SwiftType, builder: String, local: String,
        arguments: (Expr, String?, Expr) -> [Argument]
    ) -> [Statement] {
        let target = Expr.id(local)
        var statements: [Statement] = [.var(local, nil, Expr.id(builder).call())]
        guard let plan = context.plan.structPlan(for: type) else {
            // A body held as JSONValue (a schema only its evaluation describes): its members, by name.
            if type == .jsonValue { statements.append(.expression(target.dot("appendMembers").call(("of", .id("body"))))) }
            return statements
        }
        for property in plan.properties {
            statements.append(
                .expression(
                    target.dot("append").call(
                        arguments(.string(property.wireName), property.wireName, property.access(on: .id("body"))))))
        }
        if plan.additionalValueType != nil {
            statements.append(
                .for(
                    pattern: .tuple([.binding("name"), .binding("value")]),
                    sequence: Expr.id("body").dot("additionalProperties").dot("sorted").call(("by", .raw("{ $0.key < $1.key }"))), condition: nil,
                    body: [.expression(target.dot("append").call(arguments(.id("name"), nil, .id("value"))))]))
        }
        return statements
    }

    /// `"name", body.name` with the `style` and `explode` of its `encoding` entry where they are not the defaults.
    private func fieldArguments(_ name: Expr, value: Expr, encoding: PartEncoding?) -> [Argument] {
        var result = [Argument(name), Argument(value)]
        let style = encoding?.style ?? "form"
        if style != "form" { result.append(Argument("style", .member(nil, style))) }
        // `explode` changes only the form style (delimited styles join, deepObject nests).
        if style == "form", encoding?.explode == false { result.append(Argument("explode", .bool(false))) }
        return result
    }

    /// The `Content-Type` a body of this content is sent with: the media type as declared, or
    /// `application/octet-stream` (`text/plain` for text, `application/json` for JSON) for a wildcard.
    func sentType(_ content: BodyContent) -> String {
        guard content.mediaType.contains("*") else { return content.mediaType }
        switch content.encoding {
        case .text: return "text/plain"
        case .json: return "application/json"
        default: return "application/octet-stream"
        }
    }

    /// The `Accept` a method sends for a success body other than plain `application/json` (a
    /// vendor JSON type, text, bytes): the response's declared media types (the runtime sends
    /// `application/json` otherwise).
    func accept(_ response: Response) -> String? {
        guard response.content != nil,
            response.mediaTypes.contains(where: { MediaTypeText.essence(of: $0.name) != "application/json" })
        else { return nil }
        return response.mediaTypes.map(\.name).joined(separator: ", ")
    }

    /// The expression that reads a non-JSON success body: `String` or `Data`; `nil` for JSON.
    func readBody(_ content: BodyContent, check: Expr?) -> Expr? {
        let core = Expr.selfMember("core")
        switch content.encoding {
        case .text:
            return core.dot("decodeText").call([Argument("from", .id("response"))] + (check.map { [Argument("checkedBy", $0)] } ?? [])).tried
        case .binary:
            return core.dot("successData").call(("from", .id("response")))
        case .json, .formURLEncoded, .multipart:
            return nil
        }
    }

    /// How contract replay reads a recorded request's body of this content.
    func replayedBody(_ content: BodyContent, type: SwiftType) -> Expr {
        let recorded = Expr.id("recorded")
        switch content.encoding {
        case .json: return recorded.dot("jsonBody").call(.metatype(type)).tried
        case .text: return recorded.dot("textBody").call().tried
        case .binary: return recorded.dot("dataBody").call().tried
        case .formURLEncoded, .multipart:
            return recorded.dot("unreplayableBody").call([Argument(.string(content.mediaType)), Argument("as", .metatype(type))]).tried
        }
    }
}
