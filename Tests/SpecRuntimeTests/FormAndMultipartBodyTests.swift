import Foundation
import Testing

@_spi(Generated) @testable import SpecRuntime

/// The runtime's form and multipart builders on their own: escaping, absent members, and values
/// that cannot be sent.
@Suite struct FormAndMultipartBodyTests {
    @Test func formFieldsArePercentEncodedAsTheWHATWGSerializerDoes() {
        var form = FormBody()
        form.append("q", "a b&c=d/é*-._~")
        #expect(String(decoding: form.encoded, as: UTF8.self) == "q=a+b%26c%3Dd%2F%C3%A9*-._%7E")
    }

    @Test func anAbsentOptionalMemberSendsNoFieldOrPart() {
        var form = FormBody()
        form.append("a", String?.none)
        form.append("b", 1)
        #expect(form.fields.map(\.name) == ["b"])
        var multipart = MultipartBody(boundary: "B")
        multipart.append("file", FilePart?.none)
        multipart.append("note", String?.none)
        #expect(multipart.parts.isEmpty)
        #expect(String(decoding: multipart.encoded, as: UTF8.self) == "--B--\r\n")
    }

    @Test func aValueThatCannotBeEncodedIsARequestValidationErrorNotADroppedField() {
        var form = FormBody()
        form.append("ratio", Double.nan)
        var request = OperationRequest<JSONValue>(operationID: "op", method: .post, pathTemplate: "/")
        #expect(throws: APIClientError<JSONValue>.self) { try request.setFormBody(form) }
        #expect(request.body == nil)
    }

    @Test func aFormBodyHeldAsJSONValueMustBeAnObject() {
        var form = FormBody()
        form.appendMembers(of: .array([.integer(1)]))
        var request = OperationRequest<JSONValue>(operationID: "op", method: .post, pathTemplate: "/")
        #expect(throws: APIClientError<JSONValue>.self) { try request.setFormBody(form) }
        var members = FormBody()
        members.appendMembers(of: .object(["b": .bool(true), "a": .array([.string("x"), .string("y")])]))
        #expect(members.fields.map { "\($0.name)=\($0.value)" } == ["a=x", "a=y", "b=true"])
    }

    @Test func quotesAndLineBreaksInPartNamesAreEscapedSoTheyCannotForgeHeaders() {
        var multipart = MultipartBody(boundary: "B")
        multipart.append("evil\"\r\nX-Injected: 1", "v")
        let text = String(decoding: multipart.encoded, as: UTF8.self)
        #expect(text.contains(#"name="evil%22%0D%0AX-Injected: 1""#))
        #expect(!text.contains("\r\nX-Injected"))
    }

    @Test func aCredentialInTheQueryOrACookieIsNotPrintedWithTheRequest() throws {
        var request = OperationRequest<JSONValue>(operationID: "op", method: .get, pathTemplate: "/x")
        request.addQueryItem("page", "2")
        request.addSecretQueryItem("api_key", "qk_s3cret")
        try request.addCookie("sid", "ck_s3cret")
        #expect(!request.description.contains("s3cret"))
        #expect(request.description.contains("page=2&api_key=[redacted]"))
        #expect(request.pathAndQuery == "/x?page=2&api_key=qk_s3cret")
    }
}
