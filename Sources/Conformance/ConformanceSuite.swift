import Foundation
import HTTPTypes
import OpenAPIModel
import SpecCore
import SpecRuntime
import YAMLReader

/// One check that did not pass, reported on one line: fixture, exchange, check, what is wrong.
public struct ConformanceFailure: Hashable, Sendable, CustomStringConvertible {
    public var fixture: String
    /// `entry 0 (POST /v1/sessions/sess_1/analysis → 202)`, or the file when it could not be read.
    public var exchange: String
    public var check: String
    public var message: String

    public var description: String { "\(fixture): \(exchange): \(check): \(message)" }
}

/// The result of one exchange of one fixture: a test case.
public struct ConformanceCase: Sendable, CustomStringConvertible {
    public var fixture: String
    public var exchange: String
    /// The checks that ran, by name, in order.
    public var checks: [String]
    public var failures: [ConformanceFailure]

    public var passed: Bool { failures.isEmpty }
    public var description: String { "\(fixture): \(exchange)" }
}

/// Spec-driven contract tests over recorded exchanges: every HAR entry is checked against the
/// spec (with ``SchemaValidator``) and against the generated code (through its contract table),
/// in the manner of Schemathesis and Dredd.
public struct ConformanceSuite: Sendable {
    public let document: OpenAPIDocument
    public let operations: [String: ContractOperation]
    public let webhookEvents: [String: BodyCodec]
    public let webhookSecret: WebhookSecret?

    public init(document: OpenAPIDocument, operations: [ContractOperation], webhookEvents: [String: BodyCodec], webhookSecret: WebhookSecret?) {
        self.document = document
        self.operations = Dictionary(operations.map { ($0.operationID, $0) }, uniquingKeysWith: { first, _ in first })
        self.webhookEvents = webhookEvents
        self.webhookSecret = webhookSecret
    }

    /// Every `.har` file under `folder`, sorted, as paths relative to it.
    public static func fixtureFiles(under folder: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".har") { files.append(path) }
        }
        return files.sorted()
    }

    /// Checks every exchange of one file. A file that cannot be read is one failing case that
    /// names the file and the problem; it does not stop the other files.
    public func check(fileAt path: String, named name: String) async -> [ConformanceCase] {
        guard let data = FileManager.default.contents(atPath: path) else {
            return [failedFile(name, "cannot read the file")]
        }
        return await check(contents: data, named: name)
    }

    /// Checks every exchange of a recording already in memory; `name` is used in reports.
    public func check(contents data: Data, named name: String) async -> [ConformanceCase] {
        let entries: [HAREntry]
        do {
            entries = try HARArchive.entries(in: data)
        } catch {
            return [failedFile(name, "not a valid HAR file: \(error.description)")]
        }
        if entries.isEmpty { return [failedFile(name, "the HAR file has no entries")] }
        var cases: [ConformanceCase] = []
        for entry in entries {
            cases.append(await check(entry, fixture: name))
        }
        return cases
    }

    private func failedFile(_ name: String, _ message: String) -> ConformanceCase {
        ConformanceCase(
            fixture: name, exchange: "file", checks: ["readable HAR"],
            failures: [ConformanceFailure(fixture: name, exchange: "file", check: "readable HAR", message: message)])
    }

    func check(_ entry: HAREntry, fixture: String) async -> ConformanceCase {
        var run = CaseRun(fixture: fixture, entry: entry)
        if entry.webhook != nil {
            WebhookChecks(suite: self).run(&run)
        } else {
            await ExchangeChecks(suite: self).run(&run)
        }
        return run.result
    }
}

/// The state of one case while its checks run.
struct CaseRun {
    let fixture: String
    let entry: HAREntry
    var checks: [String] = []
    var failures: [ConformanceFailure] = []
    /// Violations found, for comparison with a negative entry's expectations.
    var violations: Set<HAREntry.ExpectedViolation> = []

    var exchange: String {
        let path = URL(string: entry.request.url)?.path ?? entry.request.url
        return "entry \(entry.index) (\(entry.webhook.map { "webhook \($0)" } ?? "\(entry.request.method) \(path)") → \(entry.response.status))"
    }

    var isNegative: Bool { !entry.expectedViolations.isEmpty }

    /// Runs a named check; `body` returns the problems found (none: passed). For a negative
    /// entry, violations are collected instead of failing, and compared at the end.
    mutating func check(_ name: String, _ problems: [String]) {
        checks.append(name)
        guard !isNegative else { return }
        for problem in problems {
            failures.append(ConformanceFailure(fixture: fixture, exchange: exchange, check: name, message: problem))
        }
    }

    mutating func record(_ location: String, _ violations: [Violation]) {
        for violation in violations {
            self.violations.insert(HAREntry.ExpectedViolation(location: location, pointer: violation.pointer.description, keyword: violation.keyword))
        }
    }

    mutating func record(_ location: String, _ violations: [SchemaViolation]) {
        for violation in violations {
            self.violations.insert(HAREntry.ExpectedViolation(location: location, pointer: violation.pointer, keyword: violation.keyword))
        }
    }

    var result: ConformanceCase {
        var failures = self.failures
        var checks = self.checks
        if isNegative {
            checks.append("reports exactly the stated violations")
            let expected = Set(entry.expectedViolations)
            if violations != expected {
                let missing = expected.subtracting(violations).map(\.description).sorted()
                let extra = violations.subtracting(expected).map(\.description).sorted()
                var parts: [String] = []
                if !missing.isEmpty { parts.append("not reported: \(missing.joined(separator: "; "))") }
                if !extra.isEmpty { parts.append("reported but not stated: \(extra.joined(separator: "; "))") }
                failures.append(
                    ConformanceFailure(
                        fixture: fixture, exchange: exchange, check: "reports exactly the stated violations", message: parts.joined(separator: "; ")))
            }
        }
        return ConformanceCase(fixture: fixture, exchange: exchange, checks: checks, failures: failures)
    }
}

/// JSON text to a ``JSONLiteral`` (through the YAML reader: JSON is YAML), or `nil` when it is not JSON.
func jsonLiteral(_ text: String) -> JSONLiteral? {
    (try? YAMLParser().parse(text, file: "body")).map(JSONLiteral.init)
}
