import SpecDiagnostics
import YAMLReader

/// Builds the whole ``OpenAPIDocument`` from the root node: info, servers, components, paths,
/// webhooks and the `x-` extensions the generator understands.
struct DocumentBuilder {
    let context: BuildContext
    var schemas: SchemaBuilder { SchemaBuilder(context: context) }

    static let rootKeys: Set<String> = [
        "swagger", "openapi", "info", "servers", "paths", "webhooks", "components", "security", "tags", "externalDocs", "jsonSchemaDialect",
    ]
    static let componentKeys: Set<String> = ["schemas", "parameters", "responses", "requestBodies", "headers", "securitySchemes", "examples", "pathItems"]
    static let pathItemKeys: Set<String> = Set(HTTPMethod.allCases.map(\.rawValue)).union(["summary", "description", "parameters", "servers"])
    static let operationKeys: Set<String> = [
        "operationId", "summary", "description", "parameters", "requestBody", "responses", "deprecated", "tags", "security", "externalDocs", "servers",
    ]
    /// `allowEmptyValue` is honoured as it stands: an empty string is sent as `name=`.
    static let parameterKeys: Set<String> = [
        "name", "in", "required", "description", "deprecated", "schema", "example", "examples", "style", "explode", "allowEmptyValue", "allowReserved",
        "content",
    ]

    func build() -> OpenAPIDocument? {
        let root = context.root
        guard let entries = context.mapping(root, "the document") else { return nil }
        context.rejectUnknownKeys(entries, known: Self.rootKeys, in: "the document")
        let version = context.string(root["openapi"], "openapi")
        if let version {
            if version.hasPrefix("3.0") {
                context.isOpenAPI30 = true
            } else if !version.hasPrefix("3.1") {
                context.error("OpenAPI \(version) is not supported (3.0 and 3.1 are)", at: root["openapi"]!)
            }
        } else if root["openapi"] == nil {
            context.error(
                root["swagger"] != nil ? "Swagger 2.0 is not supported; convert the spec to OpenAPI 3.1" : "not an OpenAPI document: 'openapi' is missing",
                at: root)
        }
        let info = root["info"]
        if info == nil { context.error("'info' is missing", at: root) }
        if let components = root["components"], let componentEntries = context.mapping(components, "components") {
            context.rejectUnknownKeys(componentEntries, known: Self.componentKeys, in: "components", notGenerated: BuildContext.notGenerated)
        }

        var named: [NamedSchema] = []
        for entry in root["components"]?["schemas"]?.mapping ?? [] {
            guard let name = context.string(entry.key, "a schema name") else { continue }
            // Registered whether or not the emitter can model it: examples and traffic are still checked against it.
            context.schemaRegistry[SchemaBuilder.componentPrefix + SchemaBuilder.escape(name)] = JSONSchemaBuilder(context: context).schema(entry.value)
            guard let schema = schemas.namedSchema(name) else { continue }
            named.append(NamedSchema(name: name, schema: schema))
        }

        var operations: [Operation] = []
        for pathItem in root["paths"]?.mapping ?? [] {
            for method in pathItem.value.mapping ?? [] where method.key.string.flatMap(HTTPMethod.init(rawValue:)) != nil {
                if let declared = method.value["operationId"]?.string { context.claimedOperationIDs.insert(declared) }
            }
        }
        if let paths = root["paths"], let pathEntries = context.mapping(paths, "paths") {
            for pathEntry in pathEntries {
                guard let path = context.string(pathEntry.key, "a path") else { continue }
                if !path.hasPrefix("/") { context.error("path '\(path)' must start with '/'", at: pathEntry.key) }
                operations += buildPathItem(path, pathEntry.value)
            }
        }

        var webhooks: [Webhook] = []
        if let webhooksNode = root["webhooks"], let webhookEntries = context.mapping(webhooksNode, "webhooks") {
            for entry in webhookEntries {
                guard let name = context.string(entry.key, "a webhook name") else { continue }
                if let webhook = buildWebhook(name, entry.value) { webhooks.append(webhook) }
            }
        }

        var document = OpenAPIDocument(
            file: context.file,
            title: context.string(info?["title"], "info.title") ?? "API",
            version: context.string(info?["version"], "info.version") ?? "",
            description: context.string(info?["description"], "info.description"),
            servers: servers(root["servers"]),
            schemas: named, operations: operations, webhooks: webhooks,
            webhookSignature: root["x-webhook-signature"].flatMap(buildWebhookSignature))
        document.securitySchemes = securitySchemes()
        document.security = securityRequirements(root["security"]) ?? []
        JSONSchemaBuilder(context: context).registerReferencedSchemas()
        document.schemaRegistry = context.schemaRegistry
        return document
    }

    private func buildPathItem(_ path: String, _ node: YAMLNode) -> [Operation] {
        guard let entries = context.mapping(node, "a path item") else { return [] }
        if let reference = node["$ref"] {
            context.error("'$ref' on a path item is not supported", at: reference)
            return []
        }
        context.rejectUnknownKeys(entries, known: Self.pathItemKeys, in: "a path item")
        let shared = buildParameters(node["parameters"], pointer: "#/paths/\(SchemaBuilder.escape(path))/parameters")
        let pathServers = servers(node["servers"])
        var operations: [Operation] = []
        for entry in entries {
            guard let key = entry.key.string, let method = HTTPMethod(rawValue: key) else { continue }
            if var operation = buildOperation(method, path: path, entry.value, shared: shared) {
                if operation.servers.isEmpty { operation.servers = pathServers }
                operations.append(operation)
            }
        }
        return operations
    }

    private func buildOperation(_ method: HTTPMethod, path: String, _ node: YAMLNode, shared: [Parameter]) -> Operation? {
        guard let entries = context.mapping(node, "an operation") else { return nil }
        context.rejectUnknownKeys(entries, known: Self.operationKeys, in: "an operation", notGenerated: BuildContext.notGenerated)
        let operationID: String
        if let declared = context.string(node["operationId"], "operationId") {
            operationID = declared
        } else {
            operationID = context.claimSynthesizedOperationID(Self.synthesizedOperationID(method, path: path))
            context.warning(
                "operation \(method.rawValue.uppercased()) \(path) has no 'operationId'; it is named '\(operationID)' "
                    + "from its method and path", at: node)
        }
        var parameters = shared
        for parameter in buildParameters(node["parameters"], pointer: "#/paths/\(SchemaBuilder.escape(path))/\(method.rawValue)/parameters") {
            parameters.removeAll { $0.name == parameter.name && $0.location == parameter.location }
            parameters.append(parameter)
        }
        var requestBody: RequestBody?
        if let bodyNode = node["requestBody"], let resolved = context.dereference(bodyNode, expectedPrefix: "#/components/requestBodies/") {
            if let entries = context.mapping(resolved, "a request body") {
                context.rejectUnknownKeys(entries, known: ["description", "content", "required"], in: "a request body")
            }
            if let content = chosenContent(
                ofContent: resolved["content"], at: resolved, pointer: "#/paths/\(SchemaBuilder.escape(path))/\(method.rawValue)/requestBody",
                callerChoosesFormat: true)
            {
                requestBody = RequestBody(
                    isRequired: context.bool(resolved["required"], "required") ?? false,
                    description: context.string(resolved["description"], "description"), content: content,
                    mediaTypes: declaredMediaTypes(ofContent: resolved["content"]))
            }
        }
        var responses: [Response] = []
        if let responsesNode = node["responses"], let responseEntries = context.mapping(responsesNode, "responses") {
            for entry in responseEntries {
                guard let key = context.string(entry.key, "a response status") else { continue }
                var status: Int?
                var statusClass: Int?
                if key == "default" {
                    status = nil
                } else if let code = Int(key), (100...599).contains(code) {
                    status = code
                } else if key.count == 3, let digit = key.first?.wholeNumberValue, (1...5).contains(digit), key.dropFirst().uppercased() == "XX" {
                    statusClass = digit
                } else {
                    context.error("response status '\(key)' is not supported (use a code such as 404, a range such as 4XX, or 'default')", at: entry.key)
                    continue
                }
                let pointer = "#/paths/\(SchemaBuilder.escape(path))/\(method.rawValue)/responses/\(key)"
                if var response = buildResponse(status, entry.value, pointer: pointer) {
                    response.statusClass = statusClass
                    responses.append(response)
                }
            }
        } else {
            context.warning("operation '\(operationID)' documents no 'responses': every status it answers is reported as undocumented", at: node)
        }
        var operation = Operation(
            operationID: operationID, method: method, path: path,
            summary: context.string(node["summary"], "summary"),
            description: context.string(node["description"], "description"),
            isDeprecated: context.bool(node["deprecated"], "deprecated") ?? false,
            parameters: parameters, requestBody: requestBody, responses: responses,
            polling: node["x-polling"].flatMap(buildPolling), servers: servers(node["servers"]), security: securityRequirements(node["security"]),
            location: node.location)
        operation.tags = (node["tags"]?.sequence ?? []).compactMap(\.string)
        return operation
    }

    /// The entries of a `servers` list with their variables. An entry whose URL uses a variable that `variables` does
    /// not define is left out with a warning: no value could fill it.
    private func servers(_ node: YAMLNode?) -> [Server] {
        guard let node else { return [] }
        guard let items = node.sequence else {
            context.error("'servers' must be a sequence", at: node)
            return []
        }
        return items.compactMap { item in
            if let entries = item.mapping { context.rejectUnknownKeys(entries, known: ["url", "description", "variables"], in: "a server") }
            guard let template = context.string(item["url"], "servers[].url") else { return nil }
            let placeholders = Set(Server.segments(of: template).compactMap { if case .variable(let name) = $0 { name } else { nil } })
            var variables: [ServerVariable] = []
            for entry in item["variables"]?.mapping ?? [] {
                guard let name = entry.key.string else { continue }
                if let keys = entry.value.mapping { context.rejectUnknownKeys(keys, known: ["default", "enum", "description"], in: "a server variable") }
                guard let value = context.string(entry.value["default"], "a server variable's default") else {
                    context.error("server variable '\(name)' needs a 'default'", at: entry.value)
                    continue
                }
                var allowed: [String]?
                if let list = entry.value["enum"] {
                    allowed = (list.sequence ?? []).compactMap { context.string($0, "a server variable's enum value") }
                    if list.sequence == nil || allowed?.isEmpty == true {
                        context.error("the 'enum' of server variable '\(name)' must be a non-empty sequence of strings", at: list)
                        allowed = nil
                    } else if allowed?.contains(value) == false {
                        context.error("the default '\(value)' of server variable '\(name)' is not one of its 'enum' values", at: entry.value)
                    }
                }
                if !placeholders.contains(name) {
                    context.warning("server variable '\(name)' does not appear in the URL '\(template)'; it has no effect", at: entry.key)
                    continue
                }
                variables.append(
                    ServerVariable(
                        name: name, defaultValue: value, allowedValues: allowed,
                        description: entry.value["description"].flatMap { context.string($0, "a server variable's description") }))
            }
            let server = Server(
                urlTemplate: template, description: item["description"].flatMap { context.string($0, "a server's description") },
                variables: variables, location: item.location)
            let undefined = placeholders.subtracting(variables.map(\.name)).sorted()
            if !undefined.isEmpty {
                context.warning(
                    "server URL '\(server.defaultURL)' uses a variable that 'variables' does not define ("
                        + undefined.map { "'\($0)'" }.joined(separator: ", ") + "); it is not used (requests go to the configured base URL)",
                    at: item["url"] ?? item)
                return nil
            }
            return server
        }
    }

    /// The name of an operation without `operationId`: its method and its path's segments, a
    /// template `{name}` read as `by_name` (`GET /users/{id}/repos` → `get_users_by_id_repos`).
    static func synthesizedOperationID(_ method: HTTPMethod, path: String) -> String {
        var words = [method.rawValue]
        for segment in path.split(separator: "/") where !segment.isEmpty {
            if segment.hasPrefix("{"), segment.hasSuffix("}") {
                words += ["by", String(segment.dropFirst().dropLast())]
            } else {
                words.append(String(segment))
            }
        }
        return words.joined(separator: "_")
    }

    /// The parameters of a list at `pointer`; each schema's pointer is where it is written (the
    /// list's item, or the `components/parameters` entry it references).
    func buildParameters(_ node: YAMLNode?, pointer: String) -> [Parameter] {
        guard let node else { return [] }
        guard let items = node.sequence else {
            context.error("'parameters' must be a sequence", at: node)
            return []
        }
        return items.enumerated().compactMap { index, item in
            let itemPointer = item["$ref"]?.string ?? "\(pointer)/\(index)"
            guard let resolved = context.dereference(item, expectedPrefix: "#/components/parameters/"),
                let entries = context.mapping(resolved, "a parameter")
            else { return nil }
            context.rejectUnknownKeys(entries, known: Self.parameterKeys, in: "a parameter")
            guard let name = context.string(resolved["name"], "a parameter name"),
                let place = context.string(resolved["in"], "a parameter's 'in'")
            else {
                context.error("a parameter needs 'name' and 'in'", at: resolved)
                return nil
            }
            guard let location = Parameter.Location(rawValue: place) else {
                context.error("parameters in '\(place)' are not supported (path, query, header and cookie are)", at: resolved["in"]!)
                return nil
            }
            let defaultStyle = location == .query || location == .cookie ? "form" : "simple"
            let style = context.string(resolved["style"], "style") ?? defaultStyle
            let styles: [String] =
                switch location {
                case .query: ["form", "spaceDelimited", "pipeDelimited", "deepObject"]
                case .path: ["simple", "label", "matrix"]
                case .header, .cookie: [defaultStyle]
                }
            if !styles.contains(style) {
                let listed = styles.count == 1 ? styles[0] + " is" : styles.dropLast().joined(separator: ", ") + " and " + (styles.last ?? "") + " are"
                context.error(
                    "parameter style '\(style)' is not supported in \(place) (\(listed))",
                    at: resolved["style"] ?? resolved)
            }
            var isJSONContent = false
            var schemaNode = resolved["schema"]
            if schemaNode == nil, let content = resolved["content"]?.mapping, content.count == 1, let media = content.first,
                let mediaType = media.key.string
            {
                if BodyEncoding.of(mediaType: mediaType, binarySchema: false) == .json {
                    isJSONContent = true
                    schemaNode = media.value["schema"]
                } else {
                    context.error("parameter '\(name)' is sent as '\(mediaType)', which is not supported (application/json is)", at: media.key)
                    return nil
                }
            }
            guard let schemaNode else {
                context.error("parameter '\(name)' needs a 'schema', or a 'content' of one JSON media type with a schema", at: resolved)
                return nil
            }
            if context.bool(resolved["allowReserved"], "allowReserved") == true {
                context.warning(
                    "'allowReserved' of parameter '\(name)' is not honoured: reserved characters are sent percent-encoded", at: resolved["allowReserved"]!)
            }
            let isRequired = context.bool(resolved["required"], "required") ?? false
            if location == .path && !isRequired {
                context.error("path parameter '\(name)' must have 'required: true'", at: resolved)
            }
            var parameter = Parameter(
                name: name, location: location, isRequired: isRequired || location == .path,
                description: context.string(resolved["description"], "description"),
                isDeprecated: context.bool(resolved["deprecated"], "deprecated") ?? false,
                schema: schemas.build(schemaNode, pointer: itemPointer + (isJSONContent ? "/content/application~1json/schema" : "/schema")),
                isIdempotencyKey: context.bool(resolved["x-idempotency-key"], "x-idempotency-key") ?? false,
                sourceLocation: resolved.location)
            parameter.style = style
            parameter.explode = context.bool(resolved["explode"], "explode") ?? (style == "form")
            parameter.isJSONContent = isJSONContent
            return parameter
        }
    }

    private func buildResponse(_ status: Int?, _ node: YAMLNode, pointer: String) -> Response? {
        guard let resolved = context.dereference(node, expectedPrefix: "#/components/responses/"),
            let entries = context.mapping(resolved, "a response")
        else { return nil }
        context.rejectUnknownKeys(entries, known: ["description", "content", "headers"], in: "a response", notGenerated: BuildContext.notGenerated)
        var headers: [Header] = []
        if let headersNode = resolved["headers"], let headerEntries = context.mapping(headersNode, "headers") {
            for entry in headerEntries {
                guard let name = context.string(entry.key, "a header name"),
                    let header = context.dereference(entry.value, expectedPrefix: "#/components/headers/")
                else { continue }
                if let headerEntries = header.mapping {
                    context.rejectUnknownKeys(
                        headerEntries, known: ["description", "required", "schema", "deprecated", "example", "examples", "style", "explode"], in: "a header")
                }
                // `simple` is the only style a header has (and the default); `explode` changes only objects, held as text.
                if let style = header["style"], style.string != "simple" {
                    context.error("header style '\(style.string ?? "")' is not supported (headers use 'simple')", at: style)
                }
                guard let schemaNode = header["schema"] else {
                    context.error("header '\(name)' needs a 'schema'", at: header)
                    continue
                }
                headers.append(
                    Header(
                        name: name, isRequired: context.bool(header["required"], "required") ?? false,
                        description: context.string(header["description"], "description"),
                        schema: schemas.build(schemaNode, pointer: pointer + "/headers/\(SchemaBuilder.escape(name))/schema")))
            }
        }
        var content = resolved["content"] == nil ? nil : chosenContent(ofContent: resolved["content"], at: resolved, pointer: pointer)
        if let chosen = content, chosen.encoding == .formURLEncoded || chosen.encoding == .multipart {
            // Read as it came rather than refused: the spec stays usable, and the caller parses it.
            let isForm = chosen.encoding == .formURLEncoded
            context.append(
                .warning(
                    "a '\(chosen.mediaType)' response is not decoded into its schema's type: it is read as its "
                        + (isForm ? "text (a String)" : "bytes (Data)"), at: chosen.schema.location))
            content = BodyContent(
                mediaType: chosen.mediaType, encoding: isForm ? .text : .binary,
                schema: Schema(kind: .string(StringSchema()), pointer: chosen.schema.pointer, location: chosen.schema.location))
        }
        return Response(
            statusCode: status, description: context.string(resolved["description"], "description"), content: content, headers: headers,
            mediaTypes: declaredMediaTypes(ofContent: resolved["content"]))
    }

    /// The keys of a `content` map as written, supported or not (``chosenContent(ofContent:at:pointer:)``
    /// reports the unsupported ones); none when there is no map.
    private func declaredMediaTypes(ofContent content: YAMLNode?) -> [DeclaredMediaType] {
        (content?.mapping ?? []).compactMap { entry in
            entry.key.string.map { DeclaredMediaType(name: $0, location: entry.key.location) }
        }
    }

    /// The content a body is generated for: of the media types a `content` map declares, the
    /// first of the best ``BodyEncoding`` (JSON, then text, binary, form, multipart). Another
    /// media type of the same encoding and schema is an alias of it (binary `image/png` beside
    /// `image/jpeg`); any other is named in a warning, since only one is generated, except that
    /// with `callerChoosesFormat` (a request body) another structured encoding of the same schema
    /// is one the caller may send it in (``BodyContent/otherFormats``). A media type no encoding
    /// covers is an error.
    private func chosenContent(
        ofContent content: YAMLNode?, at owner: YAMLNode, pointer: String,
        callerChoosesFormat: Bool = false
    ) -> BodyContent? {
        guard let content else {
            context.error("'content' is missing", at: owner)
            return nil
        }
        guard let entries = context.mapping(content, "content") else { return nil }
        var candidates: [(content: BodyContent, key: YAMLNode)] = []
        for entry in entries {
            guard let mediaType = entry.key.string else { continue }
            guard mediaType.contains("/") else {
                context.warning("'\(mediaType)' under 'content' is not a media type; it is ignored", at: entry.key)
                continue
            }
            if let media = entry.value.mapping {
                context.rejectUnknownKeys(media, known: ["schema", "example", "examples", "encoding"], in: "a media type")
            }
            let schemaNode = entry.value["schema"]
            guard let encoding = BodyEncoding.of(mediaType: mediaType, binarySchema: schemaNode.map(Self.isBinaryString) ?? true) else {
                context.error(
                    "media type '\(mediaType)' is not supported (JSON, text, binary, application/x-www-form-urlencoded "
                        + "and multipart/form-data are)", at: entry.key)
                continue
            }
            if BodyEncoding.isXML(mediaType) {
                context.warning("'\(mediaType)' is not parsed as XML: the body is held as its text", at: entry.key)
            }
            let schemaPointer = pointer + "/content/\(SchemaBuilder.escape(mediaType))/schema"
            var built: Schema
            if let schemaNode {
                built = schemas.build(schemaNode, pointer: schemaPointer)
            } else if encoding == .json {
                built = Schema(kind: .any, pointer: schemaPointer, location: entry.value.location)
            } else {
                built = Schema(kind: .string(StringSchema()), pointer: schemaPointer, location: entry.value.location)
            }
            if let example = entry.value["example"] { built.addExample(example) }
            for example in entry.value["examples"]?.mapping ?? [] {
                if let value = example.value["value"] {
                    built.addExample(value)
                } else if example.value["$ref"] != nil,
                    let resolved = context.dereference(example.value, expectedPrefix: "#/components/examples/"),
                    let value = resolved["value"]
                {
                    built.addExample(value)
                }
            }
            let parts = partEncodings(entry.value["encoding"], of: encoding)
            candidates.append((BodyContent(mediaType: mediaType, encoding: encoding, schema: built, partEncodings: parts), entry.key))
        }
        guard var best = candidates.min(by: { $0.content.encoding.rank < $1.content.encoding.rank })?.content else { return nil }
        for other in candidates where other.content.mediaType != best.mediaType {
            if other.content.encoding == best.encoding, other.content.schema.json == best.schema.json {
                best.alternatives.append(other.content.mediaType)
            } else if callerChoosesFormat, other.content.encoding != best.encoding, other.content.encoding.isStructured, best.encoding.isStructured,
                other.content.schema.json == best.schema.json,
                !best.otherFormats.contains(where: { $0.encoding == other.content.encoding })
            {
                best.otherFormats.append(other.content)
            } else {
                context.warning("'\(other.content.mediaType)' is not generated: a body has one Swift type, and '\(best.mediaType)' is used", at: other.key)
            }
        }
        return best
    }

    /// Whether a schema node is `{type: string, format: binary}` (or 3.1's `contentMediaType`
    /// without `contentEncoding`): raw bytes, not text.
    static func isBinaryString(_ node: YAMLNode) -> Bool {
        guard node["type"]?.string == "string" else { return false }
        return node["format"]?.string == "binary" || (node["contentMediaType"] != nil && node["contentEncoding"] == nil)
    }

    /// The `encoding` map of a form or multipart media type.
    private func partEncodings(_ node: YAMLNode?, of encoding: BodyEncoding) -> [String: PartEncoding] {
        guard let node else { return [:] }
        guard encoding == .formURLEncoded || encoding == .multipart else {
            context.warning("'encoding' applies only to form and multipart bodies; it is ignored here", at: node)
            return [:]
        }
        var result: [String: PartEncoding] = [:]
        for entry in context.mapping(node, "encoding") ?? [] {
            guard let name = context.string(entry.key, "an encoding name"), let fields = context.mapping(entry.value, "an encoding") else { continue }
            context.rejectUnknownKeys(fields, known: ["contentType", "style", "explode", "allowReserved", "headers"], in: "an encoding")
            if let headers = entry.value["headers"] {
                context.warning("part headers of '\(name)' are not sent (only its Content-Type is)", at: headers)
            }
            if context.bool(entry.value["allowReserved"], "allowReserved") == true {
                context.warning("'allowReserved' of '\(name)' is not honoured: reserved characters are sent percent-encoded", at: entry.value["allowReserved"]!)
            }
            let style = context.string(entry.value["style"], "style")
            if let style, !["form", "deepObject", "spaceDelimited", "pipeDelimited"].contains(style) {
                context.error("encoding style '\(style)' is not supported (form, deepObject, spaceDelimited and pipeDelimited are)", at: entry.value["style"]!)
            }
            result[name] = PartEncoding(
                contentType: context.string(entry.value["contentType"], "contentType"), style: style,
                explode: context.bool(entry.value["explode"], "explode"))
        }
        return result
    }

    private func buildWebhook(_ name: String, _ node: YAMLNode) -> Webhook? {
        guard let entries = context.mapping(node, "a webhook") else { return nil }
        context.rejectUnknownKeys(entries, known: Self.pathItemKeys, in: "a webhook")
        guard let post = node["post"] else {
            context.error("webhook '\(name)' must describe a 'post' delivery", at: node)
            return nil
        }
        guard let operationEntries = context.mapping(post, "a webhook operation") else { return nil }
        context.rejectUnknownKeys(operationEntries, known: Self.operationKeys, in: "a webhook operation")
        let headers = buildParameters(post["parameters"], pointer: "#/webhooks/\(SchemaBuilder.escape(name))/post/parameters").filter { $0.location == .header }
        guard let bodyNode = post["requestBody"] else {
            context.warning("webhook '\(name)' describes no request body: it is not generated", at: post)
            return nil
        }
        guard let resolved = context.dereference(bodyNode, expectedPrefix: "#/components/requestBodies/"),
            let content = chosenContent(ofContent: resolved["content"], at: resolved, pointer: "#/webhooks/\(SchemaBuilder.escape(name))/post/requestBody"),
            content.encoding == .json
        else {
            context.error("webhook '\(name)' needs a JSON request body", at: post)
            return nil
        }
        let body = content.schema
        return Webhook(
            name: name, operationID: context.string(post["operationId"], "operationId"),
            summary: context.string(post["summary"], "summary"), description: context.string(post["description"], "description"),
            headers: headers, body: body, bodyMediaTypes: declaredMediaTypes(ofContent: resolved["content"]))
    }

    /// The schemes of `components/securitySchemes` the client applies; others are warnings.
    private func securitySchemes() -> [SecurityScheme] {
        var result: [SecurityScheme] = []
        for entry in context.root["components"]?["securitySchemes"]?.mapping ?? [] {
            guard let name = entry.key.string, let scheme = context.dereference(entry.value, expectedPrefix: "#/components/securitySchemes/") else { continue }
            let type = context.string(scheme["type"], "type") ?? ""
            let kind: SecurityScheme.Kind
            switch type {
            case "apiKey":
                guard let key = context.string(scheme["name"], "name"), let place = context.string(scheme["in"], "in"),
                    let location = Parameter.Location(rawValue: place), location != .path
                else {
                    context.error("apiKey scheme '\(name)' needs 'name' and 'in' (header, query or cookie)", at: scheme)
                    continue
                }
                kind = .apiKey(name: key, location: location)
            case "http":
                switch context.string(scheme["scheme"], "scheme")?.lowercased() {
                case "bearer": kind = .bearer
                case "basic": kind = .basic
                case let other:
                    context.warning(
                        "HTTP authentication scheme '\(other ?? "")' of '\(name)' is not supported; the client sends no credentials for it",
                        at: scheme["scheme"] ?? scheme)
                    continue
                }
            case "oauth2", "openIdConnect":
                kind = .bearer
            default:
                context.warning(
                    "security scheme type '\(type)' of '\(name)' is not supported; the client sends no credentials for it "
                        + "(mutual TLS is the transport's)", at: scheme["type"] ?? scheme)
                continue
            }
            result.append(SecurityScheme(name: name, kind: kind, description: context.string(scheme["description"], "description"), location: scheme.location))
        }
        return result
    }

    /// A `security` list: each requirement's scheme names (scopes are the server's business).
    func securityRequirements(_ node: YAMLNode?) -> SecurityRequirements? {
        guard let node else { return nil }
        guard let items = node.sequence else {
            context.error("'security' must be a sequence of requirements", at: node)
            return nil
        }
        let declared = Set((context.root["components"]?["securitySchemes"]?.mapping ?? []).compactMap(\.key.string))
        return items.map { item in
            (item.mapping ?? []).compactMap { entry in
                guard let name = entry.key.string else { return nil }
                if !declared.contains(name) { context.error("security requirement names '\(name)', which 'securitySchemes' does not declare", at: entry.key) }
                return name
            }
        }
    }

    private func buildPolling(_ node: YAMLNode) -> Polling? {
        guard let entries = context.mapping(node, "x-polling") else { return nil }
        context.rejectUnknownKeys(
            entries, known: ["operationId", "parameters", "statusField", "successValues", "failureValues", "estimatedCompletionField"], in: "x-polling")
        guard let operationID = context.string(node["operationId"], "x-polling.operationId"),
            let statusField = context.string(node["statusField"], "x-polling.statusField")
        else {
            context.error("x-polling needs 'operationId' and 'statusField'", at: node)
            return nil
        }
        let parameters = (node["parameters"]?.mapping ?? []).compactMap { entry -> (String, String)? in
            guard let parameter = context.string(entry.key, "a parameter name"), let field = context.string(entry.value, "a response field") else { return nil }
            return (parameter, field)
        }
        let success = (node["successValues"]?.sequence ?? []).compactMap { context.string($0, "a status value") }
        let failure = (node["failureValues"]?.sequence ?? []).compactMap { context.string($0, "a status value") }
        if success.isEmpty { context.error("x-polling needs at least one 'successValues' entry", at: node) }
        return Polling(
            operationID: operationID, parameters: parameters, statusField: statusField, successValues: success,
            failureValues: failure, estimatedCompletionField: context.string(node["estimatedCompletionField"], "estimatedCompletionField"))
    }

    private func buildWebhookSignature(_ node: YAMLNode) -> WebhookSignature? {
        guard let entries = context.mapping(node, "x-webhook-signature") else { return nil }
        let keys = ["header", "algorithm", "encoding", "timestampKey", "signatureKey", "signedPayload", "toleranceSeconds"]
        context.rejectUnknownKeys(entries, known: Set(keys), in: "x-webhook-signature")
        let values = keys.dropLast().map { context.string(node[$0], "x-webhook-signature.\($0)") }
        guard values.allSatisfy({ $0 != nil }) else {
            context.error("x-webhook-signature needs \(keys.dropLast().joined(separator: ", "))", at: node)
            return nil
        }
        let algorithm = values[1]!
        let encoding = values[2]!
        let payload = values[5]!
        if algorithm != "hmac-sha256" { context.error("signature algorithm '\(algorithm)' is not supported (hmac-sha256 is)", at: node["algorithm"]!) }
        if encoding != "hex" && encoding != "base64" {
            context.error("signature encoding '\(encoding)' is not supported (hex and base64 are)", at: node["encoding"]!)
        }
        if !payload.contains("{body}") { context.error("signedPayload must contain '{body}'", at: node["signedPayload"]!) }
        return WebhookSignature(
            header: values[0]!, algorithm: algorithm, encoding: encoding, timestampKey: values[3]!,
            signatureKey: values[4]!, signedPayload: payload,
            toleranceSeconds: context.nonNegativeInt(node["toleranceSeconds"], "toleranceSeconds") ?? 300)
    }
}
