/// The second synthetic shape, unlike ``SyntheticSpec`` in each way the generator's cost could
/// depend on: every string quoted, block YAML only, long multi-line descriptions, objects nested
/// four deep inline, twelve parameters per operation (path, query, header, cookie; arrays and
/// enums among them), tagged and untagged unions, and an enum per schema. N schemas, N operations.
enum WideSyntheticSpec {
    static let prose =
        "This description is long on purpose, as real specs' are: it explains what the value means, "
        + "when it is present, how it relates to the others, and what a client should do with it. "
        + "It runs over several lines, with `code`, *emphasis* and a [link](https://example.com)."

    static func yaml(count: Int) -> String {
        var out = YAMLLines()
        out.add(0, #"openapi: "3.1.0""#)
        out.add(0, "info:")
        out.add(1, #"title: "Wide synthetic \#(count)""#)
        out.add(1, #"version: "1.0""#)
        out.add(1, "description: |")
        out.add(2, prose)
        out.add(0, "servers:")
        out.add(1, #"- url: "https://{region}.api.example.com/v1""#)
        out.add(2, "variables:")
        out.add(3, "region:")
        out.add(4, #"default: "eu""#)
        out.add(4, "enum:")
        out.add(5, #"- "eu""#)
        out.add(5, #"- "us""#)
        out.add(0, "paths:")
        for index in 0..<count { operation(index, into: &out) }
        out.add(0, "components:")
        out.add(1, "schemas:")
        for index in 0..<count { schemas(index, into: &out) }
        return out.text
    }

    private static func operation(_ index: Int, into out: inout YAMLLines) {
        out.add(1, #""/v1/records\#(index)/{id}":"#)
        out.add(2, "put:")
        out.add(3, #"operationId: "replaceRecord\#(index)""#)
        out.add(3, #"summary: "Replaces record kind \#(index).""#)
        out.add(3, "description: |")
        out.add(4, prose)
        out.add(3, "parameters:")
        out.add(4, #"- name: "id""#)
        out.add(5, #"in: "path""#)
        out.add(5, "required: true")
        out.add(5, #"description: "The record's identifier.""#)
        out.add(5, "schema:")
        out.add(6, #"type: "string""#)
        out.add(6, #"pattern: "^rec_[a-z0-9]+$""#)
        for query in 0..<6 {
            out.add(4, #"- name: "filter_\#(query)""#)
            out.add(5, #"in: "query""#)
            out.add(5, #"description: "\#(prose)""#)
            out.add(5, "schema:")
            out.add(6, #"type: "array""#)
            out.add(6, "items:")
            out.add(7, #"type: "string""#)
            out.add(7, "enum:")
            for value in ["first", "second", "third"] { out.add(8, #"- "\#(value)""#) }
        }
        for header in 0..<3 {
            out.add(4, #"- name: "X-Option-\#(header)""#)
            out.add(5, #"in: "header""#)
            out.add(5, "schema:")
            out.add(6, #"type: "integer""#)
            out.add(6, "minimum: 0")
            out.add(6, "maximum: 1000")
        }
        out.add(4, #"- name: "session""#)
        out.add(5, #"in: "cookie""#)
        out.add(5, "schema:")
        out.add(6, #"type: "string""#)
        out.add(4, #"- name: "page""#)
        out.add(5, #"in: "query""#)
        out.add(5, #"style: "deepObject""#)
        out.add(5, "explode: true")
        out.add(5, "schema:")
        out.add(6, #"type: "object""#)
        out.add(6, "properties:")
        out.add(7, "size:")
        out.add(8, #"type: "integer""#)
        out.add(7, "after:")
        out.add(8, #"type: "string""#)
        out.add(3, "requestBody:")
        out.add(4, "required: true")
        out.add(4, "content:")
        out.add(5, "application/json:")
        out.add(6, "schema:")
        out.add(7, ##"$ref: "#/components/schemas/Record\##(index)""##)
        out.add(3, "responses:")
        out.add(4, #""200":"#)
        out.add(5, #"description: "The record.""#)
        out.add(5, "content:")
        out.add(6, "application/json:")
        out.add(7, "schema:")
        out.add(8, ##"$ref: "#/components/schemas/Record\##(index)""##)
        out.add(4, #""422":"#)
        out.add(5, #"description: "Invalid.""#)
        out.add(5, "content:")
        out.add(6, "application/json:")
        out.add(7, "schema:")
        out.add(8, "oneOf:")
        out.add(9, ##"- $ref: "#/components/schemas/Record\##(index)""##)
        out.add(9, #"- type: "string""#)
    }

    private static func schemas(_ index: Int, into out: inout YAMLLines) {
        let name = "Record\(index)"
        out.add(2, "\(name)Status:")
        out.add(3, #"type: "string""#)
        out.add(3, #"description: "The status of a record.""#)
        out.add(3, "enum:")
        for value in ["draft", "active", "archived", "deleted", "pending-review"] { out.add(4, #"- "\#(value)""#) }
        for (variant, field) in [("Card", "number"), ("Bank", "iban")] {
            out.add(2, "\(name)\(variant):")
            out.add(3, #"type: "object""#)
            out.add(3, "required:")
            out.add(4, #"- "kind""#)
            out.add(4, #"- "\#(field)""#)
            out.add(3, "properties:")
            out.add(4, "kind:")
            out.add(5, #"type: "string""#)
            out.add(5, #"const: "\#(variant.lowercased())""#)
            out.add(4, "\(field):")
            out.add(5, #"type: "string""#)
            out.add(5, "minLength: 4")
        }
        out.add(2, "\(name):")
        out.add(3, #"type: "object""#)
        out.add(3, "description: |")
        out.add(4, prose)
        out.add(3, "required:")
        out.add(4, #"- "id""#)
        out.add(4, #"- "status""#)
        out.add(3, "properties:")
        out.add(4, "id:")
        out.add(5, #"type: "string""#)
        out.add(5, #"description: "\#(prose)""#)
        out.add(4, "status:")
        out.add(5, ##"$ref: "#/components/schemas/\##(name)Status""##)
        out.add(4, "payment:")
        out.add(5, "oneOf:")
        out.add(6, ##"- $ref: "#/components/schemas/\##(name)Card""##)
        out.add(6, ##"- $ref: "#/components/schemas/\##(name)Bank""##)
        out.add(5, "discriminator:")
        out.add(6, #"propertyName: "kind""#)
        out.add(6, "mapping:")
        out.add(7, ##"card: "#/components/schemas/\##(name)Card""##)
        out.add(7, ##"bank: "#/components/schemas/\##(name)Bank""##)
        out.add(4, "amount:")
        out.add(5, "anyOf:")
        out.add(6, #"- type: "integer""#)
        out.add(6, #"- type: "string""#)
        out.add(7, #"pattern: "^[0-9]+$""#)
        if index > 0 {
            out.add(4, "previous:")
            out.add(5, ##"$ref: "#/components/schemas/Record\##(index - 1)""##)
        }
        out.add(4, "detail:")
        out.add(5, #"type: "object""#)
        out.add(5, #"description: "\#(prose)""#)
        out.add(5, "properties:")
        var depth = 6
        for level in 1...3 {
            out.add(depth, "level\(level):")
            out.add(depth + 1, #"type: "object""#)
            out.add(depth + 1, "properties:")
            depth += 2
        }
        out.add(depth, "note:")
        out.add(depth + 1, #"type: "string""#)
        out.add(depth + 1, "maxLength: 500")
        out.add(depth, "tags:")
        out.add(depth + 1, #"type: "array""#)
        out.add(depth + 1, "uniqueItems: true")
        out.add(depth + 1, "items:")
        out.add(depth + 2, #"type: "string""#)
        out.add(depth + 2, "enum:")
        for value in ["red", "green", "blue"] { out.add(depth + 3, #"- "\#(value)""#) }
    }
}

/// Block YAML written line by line at explicit depths (two spaces each).
struct YAMLLines {
    private(set) var text = ""

    mutating func add(_ depth: Int, _ line: String) {
        text += String(repeating: "  ", count: depth) + line + "\n"
    }
}
