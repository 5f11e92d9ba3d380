import Foundation
import KallglotAPI
import SpecRuntime

/// Does refusing a webhook signature take longer the more of its leading bytes are right? It must
/// not, or an attacker could find a valid signature byte by byte by timing refusals.
///
///     codegen-bench webhook-timing <matching-bytes> [iterations]          verify, for callgrind
///     codegen-bench webhook-timing-control <matching-bytes> [iterations]  an early-exit compare, for callgrind
///     codegen-bench webhook-timing-wall [rounds]                          wall clock, median per K, ratios
///
/// Each presented signature is the expected one with its first K of 32 bytes right and every byte
/// after them XORed with 0x11, which keeps each hex digit a digit and each letter a letter: the
/// header's length and the work of decoding it are the same for every K, so only the comparison
/// could tell them apart. `scripts/webhook-timing.sh` counts instructions of `verify` with
/// callgrind (deterministic, unlike time on a shared machine) for K = 0, 16, 31; the control
/// is the same inputs through a comparison that stops at the first difference, to show that the
/// measurement does see a leak when there is one.
enum WebhookTimingBench {
    static let secret = "whsec_test_kallglot_fixture_secret"

    /// The recorded delivery, signed with ``secret``: raw body, timestamp and the signature bytes
    /// the verifier expects (read from the fixture, so the bench needs no HMAC of its own).
    struct Delivery {
        var body: Data
        var timestamp: Int64
        var expected: [UInt8]
    }

    static func recorded(root: String) throws -> Delivery {
        let path = root + "/spec/fixtures/webhooks/analysis-complete.har"
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let log = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["log"] as? [String: Any]
        let request = ((log?["entries"] as? [[String: Any]])?.first)?["request"] as? [String: Any]
        let headers = request?["headers"] as? [[String: String]] ?? []
        guard let body = ((request?["postData"] as? [String: Any])?["text"] as? String).map({ Data($0.utf8) }),
            let header = headers.first(where: { $0["name"]?.lowercased() == "kallglot-signature" })?["value"]
        else {
            throw BenchError("\(path): no request body or Kallglot-Signature header (run from the package root)")
        }
        var timestamp: Int64?
        var signature: [UInt8] = []
        for field in header.split(separator: ",") {
            let parts = field.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if parts[0] == "t" { timestamp = Int64(parts[1]) }
            if parts[0] == "v1" {
                let digits = Array(parts[1].utf8)
                signature = stride(from: 0, to: digits.count - 1, by: 2).compactMap { UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16) }
            }
        }
        guard let timestamp, signature.count == 32 else { throw BenchError("\(path): unexpected signature header \(header)") }
        return Delivery(body: body, timestamp: timestamp, expected: signature)
    }

    /// The expected signature with bytes `matching...` changed.
    static func presented(_ delivery: Delivery, matching: Int) -> [UInt8] {
        var bytes = delivery.expected
        for index in matching..<bytes.count { bytes[index] ^= 0x11 }
        return bytes
    }

    static func header(_ delivery: Delivery, matching: Int) -> String {
        "t=\(delivery.timestamp),v1=" + presented(delivery, matching: matching).map { String(format: "%02x", $0) }.joined()
    }

    static func verifier(_ delivery: Delivery) -> WebhookVerifier {
        let now = Date(timeIntervalSince1970: Double(delivery.timestamp))
        return KallglotAnalysisWebhooks(secret: WebhookSecret(secret), now: { now }).verifier
    }

    /// Verifies `iterations` times; returns how many were refused for their signature.
    @inline(never)
    static func verifyMany(_ verifier: WebhookVerifier, body: Data, header: String, iterations: Int) -> Int {
        var refused = 0
        for _ in 0..<iterations {
            do {
                try verifier.verify(body: body, signatureHeader: header)
            } catch .noMatchingSignature {
                refused += 1
            } catch {
                return -1
            }
        }
        return refused
    }

    /// Calls of ``earlyExitEqual(_:_:)``: a side effect, so that the optimizer cannot hoist the
    /// loop-invariant call out of ``earlyExitMany(_:_:iterations:)`` and run it once.
    nonisolated(unsafe) static var controlCalls = 0

    /// What not to do: stops at the first differing byte.
    @inline(never)
    static func earlyExitEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        controlCalls += 1
        guard lhs.count == rhs.count else { return false }
        for index in lhs.indices where lhs[index] != rhs[index] { return false }
        return true
    }

    @inline(never)
    static func earlyExitMany(_ presented: [UInt8], _ expected: [UInt8], iterations: Int) -> Int {
        var refused = 0
        for _ in 0..<iterations where !earlyExitEqual(presented, expected) { refused += 1 }
        return refused
    }

    /// Child mode for callgrind: one K, printed so the script can check every delivery was refused.
    static func runOne(arguments: [String], root: String, control: Bool) throws {
        guard arguments.count >= 2, let matching = Int(arguments[1]), (0...31).contains(matching) else {
            throw BenchError("usage: codegen-bench \(arguments.first ?? "webhook-timing") <matching-bytes 0...31> [iterations]")
        }
        let iterations = arguments.count > 2 ? Int(arguments[2]) ?? 10_000 : 10_000
        let delivery = try recorded(root: root)
        let refused =
            control
            ? earlyExitMany(presented(delivery, matching: matching), delivery.expected, iterations: iterations)
            : verifyMany(verifier(delivery), body: delivery.body, header: header(delivery, matching: matching), iterations: iterations)
        guard refused == iterations else { throw BenchError("expected \(iterations) refusals, got \(refused)") }
        print("matching=\(matching) iterations=\(iterations) refused=\(refused)")
    }

    /// Wall clock: rounds of batches, the K values interleaved within each round so that drift on
    /// a shared machine falls on all of them alike; median nanoseconds per verify and the ratio to K = 0.
    static func runWall(arguments: [String], root: String) throws {
        let rounds = arguments.count > 1 ? Int(arguments[1]) ?? 201 : 201
        let batch = 2000
        let ks = [0, 16, 31]
        let delivery = try recorded(root: root)
        let verifier = verifier(delivery)
        let headers = ks.map { header(delivery, matching: $0) }
        let controls = ks.map { presented(delivery, matching: $0) }
        var verifyTimes = Array(repeating: [Double](), count: ks.count)
        var controlTimes = Array(repeating: [Double](), count: ks.count)
        var sink = 0
        for round in 0..<rounds {
            for offset in ks.indices {
                let index = (offset + round) % ks.count
                verifyTimes[index].append(
                    Measure.seconds { sink &+= verifyMany(verifier, body: delivery.body, header: headers[index], iterations: batch) } / Double(batch))
                controlTimes[index].append(
                    Measure.seconds { sink &+= earlyExitMany(controls[index], delivery.expected, iterations: batch * 100) } / Double(batch * 100))
            }
        }
        print("webhook signature refusal, wall clock: median of \(rounds) batches (\(batch) verifies, \(batch * 100) control compares each); sink \(sink % 7)")
        print("   K  verify ns  ratio to K=0   early-exit compare ns  ratio to K=0")
        let verify0 = Measure.median(verifyTimes[0])
        let control0 = Measure.median(controlTimes[0])
        for (index, k) in ks.enumerated() {
            let verify = Measure.median(verifyTimes[index])
            let control = Measure.median(controlTimes[index])
            print(String(format: "%4d %10.1f %13.3f %23.2f %13.3f", k, verify * 1e9, verify / verify0, control * 1e9, control / control0))
        }
    }
}
