import Foundation
import KallglotAPI
import SpecRuntime

/// Throughput of the generated models on one large analysis result: decode, decode + validate,
/// encode, beside Foundation's `JSONSerialization` parsing the same bytes.
enum RuntimeBench {
    /// A complete analysis whose results have `segments` entries of each list (about 5 MB at 20,000).
    static func largeAnalysis(segments: Int) -> Data {
        var json = "{\"id\": \"ana_01HDEF456789012\", \"object\": \"analysis\", \"session_id\": \"sess_01HXYZ123456789\", \"status\": \"complete\","
        json += "\"analyses\": [\"sentiment\", \"topics\", \"summary\", \"action_items\", \"quality\", \"compliance\"], \"language\": \"en\","
        json +=
            "\"created_at\": \"2026-03-26T11:10:00Z\", \"completed_at\": \"2026-03-26T11:12:00.250Z\", \"results\": {\"sentiment\": {\"overall_score\": 0.42, \"overall_label\": \"positive\", \"segments\": ["
        json += (0..<segments).map { index in
            "{\"start_seconds\": \(index), \"end_seconds\": \(index + 1), \"speaker\": \"\(index % 2 == 0 ? "agent" : "customer")\", \"score\": \(Double(index % 200) / 100 - 1), \"label\": \"neutral\"}"
        }.joined(separator: ",")
        json += "], \"trend\": ["
        json += (0..<segments).map { "{\"offset_seconds\": \($0), \"score\": \(Double($0 % 200) / 100 - 1)}" }.joined(separator: ",")
        json += "], \"key_moments\": ["
        json += (0..<segments / 10).map {
            "{\"offset_seconds\": \($0), \"kind\": \"positive_peak\", \"score\": 0.9, \"excerpt\": \"Thank you, that solves it for me and for my team.\"}"
        }.joined(separator: ",")
        json += "]}, \"topics\": {\"topics\": ["
        json += (0..<segments / 10).map { "{\"name\": \"topic \($0)\", \"relevance\": 0.5, \"mentions\": \($0)}" }.joined(separator: ",")
        json += "], \"keywords\": [\"refund\"]}, \"summary\": {\"overview\": \"A call.\", \"key_points\": [\"One\"], \"outcome\": \"Resolved.\"},"
        json += "\"action_items\": {\"items\": ["
        json += (0..<segments / 10).map {
            "{\"description\": \"Follow up \($0)\", \"assigned_to\": \"agent\", \"due_date\": \"2026-03-27\", \"priority\": \"high\"}"
        }.joined(separator: ",")
        json +=
            "]}, \"quality\": {\"talk_time_ratio\": {\"agent\": 0.45, \"customer\": 0.5}, \"interruption_count\": 2, \"hold_time_seconds\": 35, \"average_response_latency_ms\": 820, \"overall_score\": 87.5},"
        json +=
            "\"compliance\": {\"required_phrases\": [{\"phrase\": \"recorded\", \"used\": true}], \"prohibited_phrases\": [], \"disclosures\": [], \"disclosure_completion\": 1, \"overall_score\": 92}}}"
        return Data(json.utf8)
    }

    static func run(runs: Int) throws {
        let data = largeAnalysis(segments: 20_000)
        let megabytes = Double(data.count) / 1_048_576
        var foundation: [Double] = []
        var decode: [Double] = []
        var decodeValidate: [Double] = []
        var encode: [Double] = []
        var violations = 0
        for _ in 0..<runs {
            foundation.append(try Measure.seconds { _ = try JSONSerialization.jsonObject(with: data) })
            decode.append(try Measure.seconds { _ = try JSONDecoder().decode(Analysis.self, from: data) })
            decodeValidate.append(
                try Measure.seconds {
                    let analysis = try JSONDecoder().decode(Analysis.self, from: data)
                    violations = analysis.violations().count
                })
            let analysis = try JSONDecoder().decode(Analysis.self, from: data)
            encode.append(try Measure.seconds { _ = try JSONCoding.makeEncoder().encode(analysis) })
        }
        guard violations == 0 else { throw BenchError("the benchmark body has \(violations) violations") }
        print("")
        print(String(format: "generated models on a %.1f MB analysis result (MB/s, median of %d):", megabytes, runs))
        for (name, times) in [("JSONSerialization parse", foundation), ("decode", decode), ("decode + validate", decodeValidate), ("encode", encode)] {
            print(String(format: "  %-24@ %7.1f", name as NSString, megabytes / Measure.median(times)))
        }
        print(String(format: "  decode + validate runs at %.0f%% of decode alone", 100 * Measure.median(decode) / Measure.median(decodeValidate)))
    }
}
