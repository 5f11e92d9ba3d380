import OpenAPIModel
import Testing

/// A config `filter` keeps the operations it names and the named schemas they reach.
@Suite struct OperationFilterTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: T, version: "1"}
        paths:
          /pets:
            get:
              operationId: listPets
              tags: [pets]
              responses: {'200': {description: Pets., content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}}}}}
          /stores:
            get:
              operationId: listStores
              responses: {'200': {description: Stores., content: {application/json: {schema: {$ref: '#/components/schemas/Store'}}}}}
        components:
          schemas:
            Pet: {type: object, properties: {owner: {$ref: '#/components/schemas/Owner'}}}
            Owner: {type: object, properties: {name: {type: string}}}
            Store: {type: object, properties: {id: {type: string}}}
        """

    @Test(arguments: [
        OperationFilter(tags: ["pets"]), OperationFilter(operationIDs: ["listPets"]), OperationFilter(paths: ["/pets"]),
    ])
    func anOperationIsSelectedByTagOperationIDOrPathAndTheSchemasItReachesFollow(filter: OperationFilter) throws {
        let document = try #require(SpecLoader.load(text: Self.spec, file: "spec.yaml").document)
        let filtered = document.filtered(by: filter)
        #expect(filtered.operations.map(\.operationID) == ["listPets"])
        #expect(filtered.schemas.map(\.name) == ["Pet", "Owner"])
    }

    @Test func anEmptyFilterKeepsEverything() throws {
        let document = try #require(SpecLoader.load(text: Self.spec, file: "spec.yaml").document)
        #expect(document.filtered(by: OperationFilter()) == document)
    }
}
