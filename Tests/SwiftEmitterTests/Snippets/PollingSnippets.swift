import Testing

/// `x-polling`: `waitForX` and `<operation>AndWait`, and the warnings when the helpers cannot be made.
@Suite struct PollingSnippets {
    /// `POST /jobs` (`startJob`, polled by `getJob`) and `GET /jobs/{jobId}` (`getJob`) over a `Job`.
    /// Every part can be replaced; `polling` is added to `x-polling`, two levels in.
    static func jobs(
        polling: String = "",
        parameters: String = "{jobId: id}",
        successValues: String = "[done]",
        startResponses: String = """
        '202':
          description: Started.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Job'}
        """,
        pollErrors: String = "",
        startBody: String? = nil,
        state: String = "{$ref: '#/components/schemas/State'}",
        required: String = "[id, state]",
        eta: String = "{type: string, format: date-time}"
    ) -> SnippetSpec {
        func indent(_ text: String, _ spaces: Int) -> String {
            text.split(separator: "\n").map { String(repeating: " ", count: spaces) + $0 }.joined(separator: "\n")
        }
        var yaml = """
            paths:
              /jobs:
                post:
                  operationId: startJob
                  x-polling:
                    operationId: getJob
                    parameters: \(parameters)
                    statusField: state
                    successValues: \(successValues)
                    failureValues: [failed]

            """
        if !polling.isEmpty { yaml += indent(polling, 8) + "\n" }
        if let startBody { yaml += "      requestBody:\n" + indent(startBody, 8) + "\n" }
        yaml += "      responses:\n" + indent(startResponses, 8) + "\n"
        yaml += """
              /jobs/{jobId}:
                get:
                  operationId: getJob
                  parameters:
                    - {name: jobId, in: path, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: The job.
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Job'}

            """
        if !pollErrors.isEmpty { yaml += indent(pollErrors, 8) + "\n" }
        yaml += """
            components:
              schemas:
                State: {type: string, enum: [queued, done, failed]}
                Problem: {type: object, properties: {title: {type: string}}}
                Other: {type: object, properties: {code: {type: string}}}
                Job:
                  type: object
                  required: \(required)
                  properties:
                    id: {type: string}
                    state: \(state)
                    eta: \(eta)
            """
        return Snippet.root(yaml)
    }

    @Test func pollingGeneratesAWaitHelperAndAStartAndWaitHelper() {
        Self.jobs().expect(
            emitting: """
                /// Polls `getJob` until `state` is `done` or `failed`.
                ///
                /// Waits first until `estimatedCompletion` when it is given, then polls with backoff; stops at the overall timeout
                /// of `polling` or when the task is cancelled.
                ///
                /// - Returns: The last `getJob` result, whose status is terminal. A failed job is returned, not thrown: check
                ///   `state`.
                public func waitForJob(
                    jobID: String,
                    estimatedCompletion: Date? = nil,
                    polling: PollingOptions = PollingOptions()
                ) async throws(APIClientError<JSONValue>) -> Job {
                    try await core.poll(
                        until: estimatedCompletion,
                        options: polling,
                        fetch: { () async throws(APIClientError<JSONValue>) -> Job in try await self.getJob(jobID: jobID) },
                        isTerminal: { value in [.done, .failed].contains(value.state) }
                    )
                }

                /// Calls `startJob`, then waits as ``waitForJob(jobID:estimatedCompletion:polling:)`` does.
                public func startJobAndWait(
                    polling: PollingOptions = PollingOptions()
                ) async throws(APIClientError<JSONValue>) -> Job {
                    let started = try await startJob()
                    return try await waitForJob(jobID: started.id, polling: polling)
                }
                """, in: .client)
    }

    @Test func anOptionalStatusIsTerminalOnlyWhenPresent() {
        Self.jobs(required: "[id]").expect(
            emitting: """
                isTerminal: { value in value.state.map { [.done, .failed].contains($0) } ?? false }
                """, in: .client)
    }

    @Test func aPlainStringStatusIsComparedAsText() {
        Self.jobs(state: "{type: string}").expect(
            emitting: """
                isTerminal: { value in ["done", "failed"].contains(value.state) }
                """, in: .client)
    }

    @Test func aTerminalValueTheEnumDoesNotListIsComparedByRawValue() {
        Self.jobs(successValues: "[done, gone]").expect(
            emitting: """
                isTerminal: { value in ["done", "gone", "failed"].contains(value.state.rawValue) }
                """, in: .client)
    }

    @Test func theEstimatedCompletionOfTheStartResponseIsWhereTheWaitBegins() {
        Self.jobs(polling: "estimatedCompletionField: eta").expect(
            emitting: """
                let started = try await startJob()
                return try await waitForJob(jobID: started.id, estimatedCompletion: started.eta, polling: polling)
                """, in: .client)
    }

    @Test func theStartArgumentsAndBodyArePassedOn() {
        Self.jobs(
            startBody: """
                required: true
                content:
                  application/json:
                    schema: {type: object, properties: {name: {type: string}}}
                """
        ).expect(
            emitting: """
                public func startJobAndWait(
                    body: StartJobRequest,
                    polling: PollingOptions = PollingOptions()
                ) async throws(APIClientError<JSONValue>) -> Job {
                    let started = try await startJob(body: body)
                """, in: .client)
    }

    /// `startJob(body:)` takes `StartJobRequest? = nil`; `startJobAndWait` demands one.
    @Test func anOptionalStartBodyStaysOptionalInTheStartAndWaitHelper() {
        let spec = Self.jobs(
            startBody: """
                content:
                  application/json:
                    schema: {type: object, properties: {name: {type: string}}}
                """)
        spec.expect(
            emitting: """
                body: StartJobRequest? = nil,
                """, in: .client)
    }

    // MARK: Warnings

    @Test func anEstimatedCompletionFieldThatIsNotADateTimeIsIgnoredWithAWarning() {
        let spec = Self.jobs(polling: "estimatedCompletionField: eta", eta: "{type: string}")
        #expect(
            spec.warnings() == [
                "4:7: x-polling of 'startJob': estimatedCompletionField 'eta' is not a date-time property of the 'startJob' "
                    + "response; the wait starts polling at once"
            ])
        spec.expect(
            emitting: """
                return try await waitForJob(jobID: started.id, polling: polling)
                """, in: .client)
    }

    @Test func aStartOperationThatReturnsNoObjectGetsNoHelpersAndAWarning() {
        let spec = Self.jobs(startResponses: "'204': {description: Started.}")
        #expect(
            spec.warnings() == [
                "4:7: x-polling of 'startJob': 'startJob' does not return an object on success; no wait helpers are generated"
            ])
        spec.expect(notEmitting: "waitForJob", in: .client)
        spec.expect(notEmitting: "AndWait", in: .client)
    }

    @Test func aPollParameterWithoutItsFieldInTheStartResponseGetsNoHelpersAndAWarning() {
        let spec = Self.jobs(parameters: "{jobId: job_id}")
        #expect(
            spec.warnings() == [
                "4:7: x-polling of 'startJob': the 'startJob' response has no field for the poll parameter 'jobId'; "
                    + "no wait helpers are generated"
            ])
        spec.expect(notEmitting: "AndWait", in: .client)
    }

    @Test func differentErrorTypesOfStartAndPollAreReported() {
        let spec = Self.jobs(
            startResponses: """
                '202':
                  description: Started.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Job'}
                default:
                  description: Error.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Problem'}
                """,
            pollErrors: """
                '404':
                  description: Gone.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Other'}
                """)
        #expect(
            spec.warnings() == [
                "4:7: x-polling of 'startJob': 'startJob' and 'getJob' have different error types; "
                    + "'waitForJob' is generated, 'startJobAndWait' is not"
            ])
        spec.expect(notEmitting: "startJobAndWait(", in: .client)
        spec.expect(emitting: "public func waitForJob(", in: .client)
    }

    /// `startJob` throws `APIClientError<Problem>` and `waitForJob` `APIClientError<Other>`; both are
    /// called with a plain `try` inside a function that `throws(APIClientError<JSONValue>)`, which does not compile.
    @Test func withDifferentErrorTypesTheStartAndWaitHelperConvertsTheErrors() {
        let spec = Self.jobs(
            startResponses: """
                '202':
                  description: Started.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Job'}
                default:
                  description: Error.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Problem'}
                """,
            pollErrors: """
                '404':
                  description: Gone.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Other'}
                """)
        spec.expect(notEmitting: "let started = try await startJob()", in: .client)
    }

    /// The model checks the poll operation itself: it must return an object holding the status
    /// field. So the emitter's own warnings for those cases are never reached.
    @Test func aPollOperationWithoutAnObjectOrStatusFieldIsRejectedByTheModel() {
        let spec = Snippet.root(
            """
            paths:
              /jobs:
                post:
                  operationId: startJob
                  x-polling: {operationId: getJob, parameters: {}, statusField: phase, successValues: [done]}
                  responses: {'204': {description: Started.}}
              /job:
                get:
                  operationId: getJob
                  responses:
                    '200':
                      description: The job.
                      content:
                        application/json:
                          schema: {type: object, properties: {state: {type: string}}}
              /other:
                post:
                  operationId: startOther
                  x-polling: {operationId: getList, parameters: {}, statusField: state, successValues: [done]}
                  responses: {'204': {description: Started.}}
              /list:
                get:
                  operationId: getList
                  responses:
                    '200':
                      description: A list.
                      content:
                        application/json:
                          schema: {type: array, items: {type: string}}
            """)
        #expect(
            spec.loaderDiagnostics() == [
                "4:7: error: x-polling status field 'phase' is not a property of the 'getJob' response",
                "23:7: error: x-polling operation 'getList' must return a JSON object on success",
            ])
    }

    /// The model resolves the alias and accepts the poll operation; the emitter looks for a struct
    /// named `JobAlias`, finds a typealias, and leaves the helpers out.
    @Test func aPollOperationReturningAnAliasOfAnObjectGetsHelpers() {
        let spec = Snippet.root(
            """
            paths:
              /jobs:
                post:
                  operationId: startJob
                  x-polling: {operationId: getJob, parameters: {jobId: id}, statusField: state, successValues: [done]}
                  responses:
                    '202':
                      description: Started.
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Job'}
              /jobs/{jobId}:
                get:
                  operationId: getJob
                  parameters:
                    - {name: jobId, in: path, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: The job.
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/JobAlias'}
            components:
              schemas:
                Job: {type: object, required: [id, state], properties: {id: {type: string}, state: {type: string}}}
                JobAlias: {$ref: '#/components/schemas/Job'}
            """)
        #expect(spec.warnings() == [])
        spec.expect(
            emitting: """
                /// Calls `startJob`, then waits as ``waitForJobAlias(jobID:estimatedCompletion:polling:)`` does.
                """, in: .client)
    }

    /// The wait helper passes only the path parameters x-polling maps; a required query parameter
    /// of the poll operation is left out of the call, which does not compile.
    @Test func aRequiredQueryParameterOfThePollOperationIsPassedOn() {
        let spec = Snippet.root(
            """
            paths:
              /jobs:
                post:
                  operationId: startJob
                  x-polling: {operationId: getJob, parameters: {jobId: id}, statusField: state, successValues: [done]}
                  responses:
                    '202':
                      description: Started.
                      content: {application/json: {schema: {$ref: '#/components/schemas/Job'}}}
              /jobs/{jobId}:
                get:
                  operationId: getJob
                  parameters:
                    - {name: jobId, in: path, required: true, schema: {type: string}}
                    - {name: view, in: query, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: The job.
                      content: {application/json: {schema: {$ref: '#/components/schemas/Job'}}}
            components:
              schemas:
                Job: {type: object, required: [id, state], properties: {id: {type: string}, state: {type: string}}}
            """)
        spec.expect(notEmitting: "try await self.getJob(jobID: jobID) }", in: .client)
    }
}
