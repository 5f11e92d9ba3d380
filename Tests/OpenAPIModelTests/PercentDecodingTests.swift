import Foundation
import SpecCore
import Testing

/// `$ref` paths and pointer tokens are percent-decoded without Foundation, as Foundation would.
@Suite struct PercentDecodingTests {
    @Test(arguments: [
        "schemas/pet.yaml", "a%20b", "%7Bid%7D", "caf%C3%A9", "%41%42c", "100%", "%zz", "%C3", "%e2%82%ac", "", "no%2",
    ])
    func decodesAsFoundationDoes(text: String) {
        #expect(PercentDecoding.decoded(text) == text.removingPercentEncoding)
    }
}
