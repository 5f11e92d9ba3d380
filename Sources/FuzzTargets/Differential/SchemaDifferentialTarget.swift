import Foundation
@_spi(Contract) import GoldenClientPollingWebhooks
@_spi(Contract) import GoldenIndependentSpec
import GoldenModelIndex
import GoldenSchemaSuiteIndex
@_spi(Contract) import KallglotAPI
import OpenAPIModel
import SpecCore
import SpecRuntime

/// Generated validators against the model's own schema interpreter (`SchemaEvaluator`, the one
/// `spec-conformance` and the example checks use): one schema and one instance per input, and
/// the two must agree on whether the instance is valid. The schemas are every case group of the
/// JSON Schema suite golden (`Tests/Golden/json-schema-suite`, a holder per group), every body
/// of the generated Kallglot SDK and of the client goldens, and every named schema of the other
/// goldens (`GoldenModelIndex`). The first two bytes pick the schema; if the third has its high
/// bit set the rest is JSON text, otherwise the rest drives ``InstanceGenerator``.
enum SchemaDifferentialTarget {
    /// One schema, and what the generated code says of an instance of it.
    struct Subject: Sendable {
        var name: String
        var schema: JSONSchema
        var registry: SchemaRegistry
        /// `true` when the generated code decodes the instance and finds no violation.
        var generatedAccepts: @Sendable (JSONLiteral) -> (accepted: Bool, detail: String)
    }

    static let subjects: [Subject] = suiteSubjects + sdkSubjects + modelSubjects

    /// Every case group of the suite, through its holder (`{"value": instance}`).
    static let suiteSubjects: [Subject] = {
        let path = Repository.root.appendingPathComponent("Tests/Golden/json-schema-suite.yaml").path
        guard let document = SpecLoader.load(contentsOf: path).document else { return [] }
        return suiteGroups.keys.sorted().compactMap { key in
            guard let group = suiteGroups[key],
                let schema = document.schemaRegistry["#/components/schemas/" + group.holderSchema]
            else { return nil }
            let check = group.check
            return Subject(name: key, schema: schema, registry: document.schemaRegistry) { instance in
                let verdict = check(Data(instance.description.utf8))
                return (verdict.isValid, verdict.description)
            }
        }
    }()

    /// Every request, response and webhook body of the Kallglot SDK and of the client goldens,
    /// through their contract codecs.
    static let sdkSubjects: [Subject] =
        contractSubjects(
            spec: "spec/openapi.yaml", operations: KallglotAnalysisClient.contractOperations,
            events: KallglotAnalysisWebhooks.contractEvents)
        + contractSubjects(
            spec: "Tests/Golden/client-polling-webhooks.yaml", operations: JobsClient.contractOperations,
            events: JobsWebhooks.contractEvents)
        + contractSubjects(spec: "Tests/Golden/independent-3.0-spec.yaml", operations: CallInsightsClient.contractOperations, events: [:])

    /// Every named schema of the goldens without a client, through its generated type.
    static let modelSubjects: [Subject] = {
        var subjects: [Subject] = []
        var documents: [String: OpenAPIDocument] = [:]
        for key in goldenModelCodecs.keys.sorted() {
            guard let codec = goldenModelCodecs[key], let hash = key.firstIndex(of: "#") else { continue }
            let golden = String(key[..<hash])
            if documents[golden] == nil {
                documents[golden] = SpecLoader.load(contentsOf: Repository.root.appendingPathComponent("Tests/Golden/\(golden).yaml").path).document
            }
            guard let document = documents[golden], let schema = document.schemaRegistry[String(key[hash...])] else { continue }
            subjects.append(subject(key, schema: schema, registry: document.schemaRegistry, codec: codec))
        }
        return subjects
    }()

    static func contractSubjects(spec: String, operations: [ContractOperation], events: [String: BodyCodec]) -> [Subject] {
        guard let document = SpecLoader.load(contentsOf: Repository.root.appendingPathComponent(spec).path).document else { return [] }
        var subjects: [Subject] = []
        func add(_ name: String, _ schema: Schema?, _ codec: BodyCodec?) {
            guard let schema, let codec else { return }
            subjects.append(subject("\(spec) \(name)", schema: schema.json, registry: document.schemaRegistry, codec: codec))
        }
        let contracts = Dictionary(operations.map { ($0.operationID, $0) }, uniquingKeysWith: { a, _ in a })
        for operation in document.operations {
            guard let contract = contracts[operation.operationID] else { continue }
            add("\(operation.operationID) request", operation.requestBody?.schema, contract.requestBody)
            for response in operation.responses {
                add("\(operation.operationID) \(response.statusText)", response.schema, contract.responseBodies[response.statusKey])
            }
        }
        for webhook in document.webhooks {
            add("webhook \(webhook.name)", webhook.body, events[webhook.name])
        }
        return subjects
    }

    private static func subject(_ name: String, schema: JSONSchema, registry: SchemaRegistry, codec: BodyCodec) -> Subject {
        Subject(name: name, schema: schema, registry: registry) { instance in
            let result = codec.roundTrip(Data(instance.description.utf8))
            return (result.decoded && result.violations.isEmpty, result.violations.map(\.description).description)
        }
    }

    static func run(_ input: Data) throws(FuzzFinding) {
        guard !subjects.isEmpty else { throw FuzzFinding("the golden specs do not load; run from a checkout of the repository") }
        let bytes = [UInt8](input)
        guard bytes.count >= 3 else { return }
        let subject = subjects[(Int(bytes[0]) << 8 | Int(bytes[1])) % subjects.count]
        let instance: JSONLiteral
        if bytes[2] & 0x80 != 0 {
            guard let text = String(validating: bytes[3...], as: UTF8.self), let parsed = try? JSONParser().parse(text) else { return }
            instance = parsed
        } else {
            var generator = InstanceGenerator(registry: subject.registry, choices: ChoiceStream(Array(bytes[3...])))
            instance = generator.instance(for: subject.schema)
        }
        // JSON Schema integers are unbounded; generated code holds them as Int, which refuses a
        // whole number beyond ±2^63 on decode (README, "Generated code"): not compared.
        if Self.holdsWholeNumberBeyondInt(instance) { return }
        let interpreted = SchemaEvaluator(registry: subject.registry).isValid(instance, against: subject.schema)
        let generated = subject.generatedAccepts(instance)
        if interpreted != generated.accepted {
            throw FuzzFinding(
                "\(subject.name): the schema interpreter says \(interpreted ? "valid" : "invalid"), "
                    + "the generated code says \(generated.detail), for \(instance.description.prefix(300))")
        }
    }

    static func holdsWholeNumberBeyondInt(_ value: JSONLiteral) -> Bool {
        switch value {
        case .number(let number): number.rounded() == number && abs(number) >= 9.2e18
        case .array(let items): items.contains(where: holdsWholeNumberBeyondInt)
        case .object(let members): members.contains { holdsWholeNumberBeyondInt($0.value) }
        default: false
        }
    }
}
