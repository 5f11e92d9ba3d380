import OpenAPIModel
import Testing

/// `servers`: a function per server, its variables as parameters at their defaults.
@Suite struct ServerSnippets {
    @Test func aVariableWithAnEnumIsANestedEnumAndTheURLIsNotOptional() {
        Snippet.root(
            """
            servers:
              - url: 'https://{region}.api.example.com'
                description: Regional.
                variables:
                  region: {default: eu, enum: [eu, us-east], description: Where requests go.}
            paths: {/ping: {get: {operationId: ping, responses: {'204': {description: Up.}}}}}
            """
        ).expect(
            emitting: """
                    public nonisolated enum Servers: Sendable {
                        /// Regional.
                        ///
                        /// `https://{region}.api.example.com`
                        ///
                        /// - Parameters:
                        ///   - region: Where requests go. Default `eu`.
                        public static func server1(region: Server1Region = .eu) -> URL {
                            // The generator parsed every URL this function can build.
                            return URL(string: "https://" + region.rawValue + ".api.example.com")!
                        }

                        /// The values of the server variable `region`.
                        public enum Server1Region: String, Sendable, CaseIterable {
                            case eu
                            case usEast = "us-east"
                        }
                    }
                """, in: .client)
    }

    @Test func aFreeFormVariableIsAStringAndTheURLIsOptional() {
        Snippet.root(
            """
            servers:
              - url: 'https://api.example.com/{basePath}'
                variables: {basePath: {default: v1}}
            paths: {/ping: {get: {operationId: ping, responses: {'204': {description: Up.}}}}}
            """
        ).expect(
            emitting: """
                        public static func server1(basePath: String = "v1") -> URL? {
                            return URL(string: "https://api.example.com/" + basePath)
                        }
                """, in: .client)
    }

    @Test func aServerVariableTheURLDoesNotUseIsReportedAndLeftOut() {
        let spec = Snippet.root(
            """
            servers:
              - url: 'https://api.example.com'
                variables: {region: {default: eu}}
            paths: {/ping: {get: {operationId: ping, responses: {'204': {description: Up.}}}}}
            """)
        #expect(spec.loaderDiagnostics() == ["3:17: warning: server variable 'region' does not appear in the URL 'https://api.example.com'; it has no effect"])
        spec.expect(emitting: "        public static func server1() -> URL {", in: .client)
    }

    @Test func aDefaultOutsideTheEnumIsAnError() {
        let spec = Snippet.root(
            """
            servers:
              - url: 'https://{region}.example.com'
                variables: {region: {default: mars, enum: [eu, us]}}
            paths: {/ping: {get: {operationId: ping, responses: {'204': {description: Up.}}}}}
            """)
        #expect(spec.loaderDiagnostics() == ["3:25: error: the default 'mars' of server variable 'region' is not one of its 'enum' values"])
    }

    @Test func aPlaceholderNoVariableDefinesIsReportedAndTheServerLeftOut() {
        let spec = Snippet.root(
            """
            servers:
              - url: 'https://{tenant}.example.com/{version}'
                variables: {version: {default: v1}}
            paths: {/ping: {get: {operationId: ping, responses: {'204': {description: Up.}}}}}
            """)
        #expect(
            spec.loaderDiagnostics() == [
                "2:10: warning: server URL 'https://{tenant}.example.com/v1' uses a variable that 'variables' does not define ('tenant'); "
                    + "it is not used (requests go to the configured base URL)"
            ])
        spec.expect(notEmitting: "defaultServerURL", in: .client)
        spec.expect(notEmitting: "enum Servers", in: .client)
    }

    @Test func aValueIsInsertedOnceNotRescannedForPlaceholders() {
        let server = Server(
            urlTemplate: "https://{a}.example.com/{b}",
            variables: [ServerVariable(name: "a", defaultValue: "x"), ServerVariable(name: "b", defaultValue: "y")])
        #expect(server.url(with: ["a": "{b}"]) == "https://{b}.example.com/y")
        #expect(server.segments == [.literal("https://"), .variable("a"), .literal(".example.com/"), .variable("b")])
    }
}
