import Foundation
@_spi(Contract) import KallglotAPI
import SpecRuntime

/// A response body through every generated model: decoding either fails with a violation or
/// succeeds; validation never traps; and what decodes re-encodes to JSON that decodes again to
/// the same JSON (encoding is a fixed point after one round trip).
enum ModelDecodingTarget {
    /// Every body type of the generated SDK, once each.
    static let codecs: [BodyCodec] = {
        var byName: [String: BodyCodec] = [:]
        for operation in KallglotAnalysisClient.contractOperations {
            for codec in [operation.requestBody].compactMap({ $0 }) + operation.responseBodies.values { byName[codec.typeName] = codec }
        }
        for codec in KallglotAnalysisWebhooks.contractEvents.values { byName[codec.typeName] = codec }
        return byName.keys.sorted().compactMap { byName[$0] }
    }()

    static func run(_ input: Data) throws(FuzzFinding) {
        for codec in codecs {
            let first = codec.roundTrip(input)
            if !first.decoded {
                if first.violations.isEmpty { throw FuzzFinding("\(codec.typeName): decoding failed without a violation") }
                continue
            }
            guard let encoded = first.reencoded else { throw FuzzFinding("\(codec.typeName): decoded but did not encode") }
            let second = codec.roundTrip(encoded)
            guard second.decoded, let reencoded = second.reencoded else {
                throw FuzzFinding("\(codec.typeName): its own encoding does not decode: \(second.violations)")
            }
            // The values in a violation may be spelled differently after encoding (`1e2`, `100`);
            // where and which constraint must not change. What only decoding sees (undeclared
            // members, null for an absent-only member) is not encoded, so it is gone after one trip.
            func isDecodingFinding(_ violation: Violation) -> Bool {
                violation.keyword == "additionalProperties" || (violation.keyword == "type" && violation.actual == "null")
            }
            let before = first.violations.filter { !isDecodingFinding($0) }.map { "\($0.pointer) \($0.keyword)" }
            let after = second.violations.map { "\($0.pointer) \($0.keyword)" }
            if let left = second.violations.first(where: isDecodingFinding) {
                throw FuzzFinding("\(codec.typeName): a decoding finding survived encoding: \(left)")
            }
            if before != after {
                throw FuzzFinding("\(codec.typeName): validation differs after a round trip: \(before) vs \(after)")
            }
            if !sameJSON(encoded, reencoded) {
                throw FuzzFinding(
                    "\(codec.typeName): encoding is not stable: \(String(decoding: encoded.prefix(200), as: UTF8.self)) vs \(String(decoding: reencoded.prefix(200), as: UTF8.self))"
                )
            }
        }
    }

    /// JSON equality that ignores key order.
    static func sameJSON(_ lhs: Data, _ rhs: Data) -> Bool {
        guard let left = try? JSONSerialization.jsonObject(with: lhs, options: .fragmentsAllowed) as? NSObject,
            let right = try? JSONSerialization.jsonObject(with: rhs, options: .fragmentsAllowed) as? NSObject
        else { return false }
        return left.isEqual(right)
    }
}
