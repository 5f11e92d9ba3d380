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
}
