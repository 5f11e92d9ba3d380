/// Writes a deterministic OpenAPI 3.1 document of `count` schemas and `count` operations in the
/// generator's subset: objects of eight mixed properties (patterns, bounds, enums, date-times,
/// arrays of references, nested references), GET with path and query parameters, POST with JSON
/// bodies, and error responses.
enum SyntheticSpec {
    static func yaml(count: Int) -> String {
        var out = """
            openapi: 3.1.0
            info:
              title: Synthetic \(count)
              version: "1.0"
            servers:
              - url: https://api.example.com
            paths:

            """
        for index in 0..<count {
            let name = "Item\(index)"
            out += """
                  /v1/items\(index)/{id}:
                    get:
                      operationId: getItem\(index)
                      description: Reads one \(name).
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string, pattern: '^it_[a-z0-9]+$'}}
                        - {name: limit, in: query, required: false, schema: {type: integer, minimum: 1, maximum: 100}}
                        - {name: cursor, in: query, required: false, schema: {type: string}}
                      responses:
                        '200':
                          description: The item.
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/\(name)'}
                        '404':
                          description: Not found.
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Error'}
                  /v1/items\(index):
                    post:
                      operationId: createItem\(index)
                      description: Creates one \(name).
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema: {$ref: '#/components/schemas/\(name)'}
                      responses:
                        '201':
                          description: Created.
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/\(name)'}
                        '400':
                          description: Invalid.
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Error'}

                """
        }
        out += """
            components:
              schemas:
                Error:
                  type: object
                  description: An error.
                  required: [code, message]
                  properties:
                    code: {type: string, description: Machine-readable code.}
                    message: {type: string, description: Human-readable message.}

            """
        for index in 0..<count {
            let previous = index == 0 ? "Error" : "Item\(index - 1)"
            out += """
                    Item\(index):
                      type: object
                      description: Synthetic schema \(index).
                      required: [id, name, created_at, kind]
                      properties:
                        id: {type: string, pattern: '^it_[a-z0-9]+$', description: Identifier.}
                        name: {type: string, minLength: 1, maxLength: 200, description: Display name.}
                        score: {type: number, minimum: -1, maximum: 1, description: A score.}
                        count: {type: integer, format: int64, minimum: 0, description: A count.}
                        kind: {type: string, enum: [alpha, beta, gamma], description: The kind.}
                        created_at: {type: string, format: date-time, description: Creation time.}
                        related: {type: array, items: {$ref: '#/components/schemas/\(previous)'}, maxItems: 50, description: Related items.}
                        parent: {$ref: '#/components/schemas/\(previous)', description: The parent.}

                """
        }
        return out
    }
}
