import Foundation
import HTTPTypes
import OpenAPIModel
import SpecCore
import SpecRuntime

/// The checks of an API exchange: the request matches an operation and satisfies the spec, the
/// status is declared, each body is documented and labelled (`Content-Type`) with a media type
/// the spec declares for it, the body round-trips through the generated type and validates,
/// required headers are present, and the generated client makes the same request from the same
/// arguments. A body whose media type is not declared is not checked against a schema: the spec
/// gives none for it.
struct ExchangeChecks {
    let suite: ConformanceSuite

    func run(_ run: inout CaseRun) async {
        let entry = run.entry
        guard let url = URLComponents(string: entry.request.url) else {
            run.check("matches an operation", ["'\(entry.request.url)' is not a URL"])
            return
        }
        let path = url.percentEncodedPath
        guard let (operation, pathParameters) = match(method: entry.request.method, path: path) else {
            run.check("matches an operation", ["no operation of the spec is \(entry.request.method) \(path)"])
            return
        }
        run.check("matches an operation", [])
        let validator = SchemaValidator(document: suite.document)
        let headers = Dictionary(entry.request.headers.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        let query = (url.queryItems ?? []).map { (name: $0.name, value: $0.value ?? "") }

        if !entry.requestIsInvalidOnPurpose {
            var problems: [String] = []
            for parameter in operation.parameters {
                let raw: String?
                switch parameter.location {
                case .path: raw = pathParameters[parameter.name]
                case .header: raw = headers[parameter.name.lowercased()]
                case .query: raw = query.first { $0.name == parameter.name }?.value
                case .cookie: raw = Self.cookie(parameter.name, in: headers["cookie"])
                }
                guard let raw else {
                    if parameter.isRequired { problems.append("required \(parameter.location.rawValue) parameter '\(parameter.name)' is missing") }
                    continue
                }
                let found = validator.violations(of: literal(raw, for: parameter.schema), against: parameter.schema)
                run.record(
                    "request.\(parameter.location.rawValue)",
                    found.map { SchemaViolation(pointer: "/" + parameter.name, keyword: $0.keyword, message: $0.message) })
                problems += found.map { "\(parameter.location.rawValue) parameter '\(parameter.name)': \($0.keyword): \($0.message)" }
            }
            run.check("parameters satisfy the spec", problems)

            if let body = entry.request.body {
                if let requestBody = operation.requestBody {
                    let labelled =
                        body.isEmpty
                        || ContentTypeCheck(location: "request.header", name: "request Content-Type is declared")
                            .run(headers: entry.request.headers, declared: requestBody.mediaTypes, run: &run)
                    if labelled {
                        run.check(
                            "request body satisfies the spec",
                            bodyProblems(
                                body, schema: requestBody.schema, codec: suite.operations[operation.operationID]?.requestBody, location: "request.body",
                                run: &run))
                    }
                } else if !body.isEmpty {
                    run.record("request.body", [SchemaViolation(pointer: "", keyword: "undocumentedBody", message: "no request body is documented")])
                    run.check("request body satisfies the spec", ["\(operation.operationID) documents no request body"])
                }
            }
        }

        let status: Int? = entry.response.status
        let exact: Response? = operation.responses.first { $0.statusCode == status }
        let range: Response? = status.flatMap { code in operation.responses.first { $0.statusClass == code / 100 } }
        let fallback: Response? = operation.responses.first(where: \.isDefault)
        guard let declared = exact ?? range ?? fallback else {
            run.check("status is declared", ["\(entry.response.status) is not a documented status of \(operation.operationID)"])
            return
        }
        run.check("status is declared", [])
        if let body = entry.response.body {
            if declared.mediaTypes.isEmpty {
                run.record("response.body", [SchemaViolation(pointer: "", keyword: "undocumentedBody", message: "no response body is documented")])
                run.check("response body decodes, validates and round-trips", ["\(entry.response.status) of \(operation.operationID) documents no body"])
            } else if ContentTypeCheck(location: "response.header", name: "response Content-Type is declared")
                .run(headers: entry.response.headers, declared: declared.mediaTypes, run: &run)
            {
                let codec = suite.operations[operation.operationID]?.responseBodies[declared.statusKey]
                run.check(
                    "response body decodes, validates and round-trips",
                    bodyProblems(body, schema: declared.schema, codec: codec, location: "response.body", run: &run))
            }
        }
        let responseHeaders = Set(entry.response.headers.map { $0.name.lowercased() })
        run.check(
            "required response headers are present",
            declared.headers.filter { $0.isRequired && !responseHeaders.contains($0.name.lowercased()) }.map { "header '\($0.name)' is missing" })

        if !entry.requestIsInvalidOnPurpose && !run.isNegative, let contract = suite.operations[operation.operationID] {
            let problems = await ReplayCheck(entry: entry, operation: operation, headers: headers, query: query).run(contract)
            run.check("the generated client makes the same request", problems)
        }
    }

    /// Validates a body against the spec and round-trips it through the generated type.
    private func bodyProblems(_ text: String, schema: Schema?, codec: BodyCodec?, location: String, run: inout CaseRun) -> [String] {
        guard let schema else { return ["the spec documents no JSON body here"] }
        guard let original = jsonLiteral(text) else { return ["the body is not JSON"] }
        var problems: [String] = []
        let specViolations = SchemaValidator(document: suite.document).violations(of: original, against: schema)
        problems += specViolations.map { "spec: \($0)" }
        guard let codec else { return problems + ["the generated code has no type for this body"] }
        let result = codec.roundTrip(Data(text.utf8))
        run.record(location, result.violations)
        if !result.decoded {
            problems += result.violations.map { "does not decode as \(codec.typeName): \($0)" }
            return problems
        }
        problems += result.violations.map { "\(codec.typeName) validation: \($0)" }
        if let reencoded = result.reencoded.map({ String(decoding: $0, as: UTF8.self) }), let again = jsonLiteral(reencoded), again != original {
            problems.append("re-encoding \(codec.typeName) gives different JSON: \(reencoded.prefix(300))")
        }
        return problems
    }

    /// The operation whose method and path template match, with the path parameters' values.
    private func match(method: String, path: String) -> (OpenAPIModel.Operation, [String: String])? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for operation in suite.document.operations where operation.method.rawValue.uppercased() == method {
            let template = operation.path.split(separator: "/", omittingEmptySubsequences: false)
            guard template.count == segments.count else { continue }
            var values: [String: String] = [:]
            var matches = true
            for (part, segment) in zip(template, segments) {
                if part.hasPrefix("{"), part.hasSuffix("}") {
                    values[String(part.dropFirst().dropLast())] = String(segment).removingPercentEncoding ?? String(segment)
                } else if part != segment {
                    matches = false
                    break
                }
            }
            if matches { return (operation, values) }
        }
        return nil
    }

    /// A parameter's text as the JSON value its schema expects.
    private func literal(_ text: String, for schema: Schema) -> JSONLiteral {
        switch suite.document.resolved(schema).kind {
        case .integer: Int(text).map(JSONLiteral.integer) ?? .string(text)
        case .number: Double(text).map(JSONLiteral.number) ?? .string(text)
        case .boolean: text == "true" ? .bool(true) : text == "false" ? .bool(false) : .string(text)
        default: .string(text)
        }
    }

    /// The value of cookie `name` in a `Cookie` header (`a=1; b=2`).
    static func cookie(_ name: String, in header: String?) -> String? {
        for pair in (header ?? "").split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == name { return parts[1].removingPercentEncoding ?? parts[1] }
        }
        return nil
    }
}
