import CodegenConfig
import Testing

/// Each bad key and each bad value gives exactly one diagnostic, at the key or value it is
/// about, saying what was expected and what was found.
@Suite struct BadValueTests {
    @Test(arguments: [
        ("acessLevel: public\n", "c.yaml:1:1: error: unknown config key 'acessLevel'; did you mean 'accessLevel'? (\(knownKeys))"),
        ("clientname: A\n", "c.yaml:1:1: error: unknown config key 'clientname'; did you mean 'clientName'? (\(knownKeys))"),
        ("warningAsErrors: true\n", "c.yaml:1:1: error: unknown config key 'warningAsErrors'; did you mean 'warningsAsErrors'? (\(knownKeys))"),
        ("limit:\n  maxDepth: 3\n", "c.yaml:1:1: error: unknown config key 'limit'; did you mean 'limits'? (\(knownKeys))"),
        ("output: Generated\n", "c.yaml:1:1: error: unknown config key 'output' (\(knownKeys))"),
        ("maxDepth: 12\n", "c.yaml:1:1: error: unknown config key 'maxDepth'; 'maxDepth' is a limit, it goes under 'limits' (\(knownKeys))"),
        ("clientName: A\n7: x\n", "c.yaml:2:1: error: unknown config key '7' (\(knownKeys))"),
        ("limits:\n  maxDepht: 12\n", "c.yaml:2:3: error: unknown limit 'maxDepht'; did you mean 'maxDepth'? (\(knownLimits))"),
        ("limits:\n  depth: 12\n", "c.yaml:2:3: error: unknown limit 'depth' (\(knownLimits))"),
    ])
    func unknownKeyIsReportedAtTheKeyListingTheKnownOnes(text: String, expected: String) {
        #expect(configDiagnostics(text) == [expected])
    }

    @Test(arguments: [
        ("accessLevel: private\n", "c.yaml:1:14: error: 'accessLevel' must be one of public, internal, package; found 'private'"),
        ("accessLevel: Public\n", "c.yaml:1:14: error: 'accessLevel' must be one of public, internal, package; found 'Public'"),
        ("accessLevel: 3\n", "c.yaml:1:14: error: 'accessLevel' must be one of public, internal, package; found 3"),
        ("accessLevel: [public]\n", "c.yaml:1:14: error: 'accessLevel' must be one of public, internal, package; found a sequence"),
        ("accessLevel:\n", "c.yaml:1:13: error: 'accessLevel' must be one of public, internal, package; found nothing (null)"),
    ])
    func accessLevelOutsideTheThreeIsReportedListingThem(text: String, expected: String) {
        #expect(configDiagnostics(text) == [expected])
    }

    @Test(arguments: [
        ("clientName: my-client\n", "c.yaml:1:13: error: 'clientName' must be a Swift identifier: 'my-client' contains '-'"),
        ("clientName: 9Lives\n", "c.yaml:1:13: error: 'clientName' must be a Swift identifier: '9Lives' starts with a digit"),
        ("clientName: class\n", "c.yaml:1:13: error: 'clientName' must be a Swift identifier: 'class' is a Swift keyword"),
        ("clientName: \"\"\n", "c.yaml:1:13: error: 'clientName' must be a Swift identifier: the name is empty"),
        ("clientName: \"`Client`\"\n", "c.yaml:1:13: error: 'clientName' must be a Swift identifier: '`Client`' starts with '`'"),
        ("clientName: $client\n", "c.yaml:1:13: error: 'clientName' must be a Swift identifier: '$client' starts with '$'"),
        ("clientName: 12\n", "c.yaml:1:13: error: 'clientName' must be a string, a Swift identifier; found 12"),
        ("clientName: true\n", "c.yaml:1:13: error: 'clientName' must be a string, a Swift identifier; found true"),
    ])
    func clientNameThatIsNotASwiftIdentifierIsReportedWithWhy(text: String, expected: String) {
        #expect(configDiagnostics(text) == [expected])
    }

    @Test(arguments: [
        (
            "nameOverrides: [Analysis]\n",
            "c.yaml:1:16: error: 'nameOverrides' must be a mapping from a schema's JSON Pointer (such as '#/components/schemas/Analysis') or an operationId to a Swift name; found a sequence"
        ),
        (
            "nameOverrides: Analysis\n",
            "c.yaml:1:16: error: 'nameOverrides' must be a mapping from a schema's JSON Pointer (such as '#/components/schemas/Analysis') or an operationId to a Swift name; found 'Analysis'"
        ),
        (
            "nameOverrides:\n  1: One\n",
            "c.yaml:2:3: error: a key of 'nameOverrides' must be a schema's JSON Pointer or an operationId, a non-empty string; found 1"
        ),
        (
            "nameOverrides:\n  \"\": One\n",
            "c.yaml:2:3: error: a key of 'nameOverrides' must be a schema's JSON Pointer or an operationId, a non-empty string; found ''"
        ),
        ("nameOverrides:\n  createAnalysis: 42\n", "c.yaml:2:19: error: the override of 'createAnalysis' must be a string, a Swift identifier; found 42"),
        (
            "nameOverrides:\n  createAnalysis: {name: start}\n",
            "c.yaml:2:19: error: the override of 'createAnalysis' must be a string, a Swift identifier; found a mapping"
        ),
        (
            "nameOverrides:\n  createAnalysis: start.analysis\n",
            "c.yaml:2:19: error: the override of 'createAnalysis' must be a Swift identifier: 'start.analysis' contains '.'"
        ),
        (
            "nameOverrides:\n  \"#/components/schemas/Analysis\": struct\n",
            "c.yaml:2:36: error: the override of '#/components/schemas/Analysis' must be a Swift identifier: 'struct' is a Swift keyword"
        ),
    ])
    func nameOverridesThatAreNotAMappingOfSwiftNamesAreReported(text: String, expected: String) {
        #expect(configDiagnostics(text) == [expected])
    }

    @Test(arguments: [
        (
            "warningsAsErrors: yes\n",
            "c.yaml:1:19: error: 'warningsAsErrors' must be true or false; found 'yes' (YAML 1.2 reads yes, no, on and off as strings)"
        ),
        ("warningsAsErrors: \"true\"\n", "c.yaml:1:19: error: 'warningsAsErrors' must be true or false; found 'true'"),
        ("warningsAsErrors: 1\n", "c.yaml:1:19: error: 'warningsAsErrors' must be true or false; found 1"),
    ])
    func warningsAsErrorsThatIsNotABooleanIsReported(text: String, expected: String) {
        #expect(configDiagnostics(text) == [expected])
    }

    @Test(arguments: [
        ("limits: 5\n", "c.yaml:1:9: error: 'limits' must be a mapping of limits to positive integers (\(knownLimits)); found 5"),
        ("limits:\n  maxDepth: 0\n", "c.yaml:2:13: error: limit 'maxDepth' must be a positive integer; found 0"),
        ("limits:\n  maxNodes: -3\n", "c.yaml:2:13: error: limit 'maxNodes' must be a positive integer; found -3"),
        ("limits:\n  maxAllOfDepth: 2.5\n", "c.yaml:2:18: error: limit 'maxAllOfDepth' must be a positive integer; found 2.5"),
        ("limits:\n  maxInputBytes: lots\n", "c.yaml:2:18: error: limit 'maxInputBytes' must be a positive integer; found 'lots'"),
        (
            "limits:\n  maxScalarBytes: 99999999999999999999\n",
            "c.yaml:2:19: error: limit 'maxScalarBytes' must be a positive integer; found 99999999999999999999"
        ),
    ])
    func limitThatIsNotAPositiveIntegerIsReported(text: String, expected: String) {
        #expect(configDiagnostics(text) == [expected])
    }

    @Test(arguments: ["AnalysisClient", "_Client", "Client2", "Größe", "APIClient_v2"])
    func swiftIdentifierIsAcceptedAsAName(name: String) throws {
        let configuration = try GeneratorConfiguration.parse("clientName: \(name)\nnameOverrides:\n  op: \(name)\n")
        #expect(configuration.clientName == name)
        #expect(configuration.nameOverrides == ["op": name])
    }

    @Test func laterMistakesAreReportedAfterAnEarlierOne() {
        #expect(
            configDiagnostics("accessLevel: open\nclientName: a b\n") == [
                "c.yaml:1:14: error: 'accessLevel' must be one of public, internal, package; found 'open'",
                "c.yaml:2:13: error: 'clientName' must be a Swift identifier: 'a b' contains a space",
            ])
    }
}
