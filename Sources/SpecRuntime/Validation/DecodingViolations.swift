/// Turns a `DecodingError` into the violation it stands for, so that a body that does not even
/// decode is reported like one that breaks a constraint: a missing member is `required` at its
/// parent, a wrong JSON type is `type`, a malformed date is `format`.
extension Violation {
    public init(_ error: DecodingError) {
        func pointer(_ path: [any CodingKey]) -> JSONPointer {
            JSONPointer(path.map { key in key.intValue.map(JSONPointer.Token.index) ?? .key(key.stringValue) })
        }
        switch error {
        case .keyNotFound(let key, let context):
            self.init(pointer: pointer(context.codingPath), keyword: "required", limit: key.stringValue, actual: "absent")
        case .typeMismatch(let type, let context):
            self.init(pointer: pointer(context.codingPath), keyword: "type", limit: String(describing: type), actual: context.debugDescription)
        case .valueNotFound(let type, let context):
            self.init(pointer: pointer(context.codingPath), keyword: "type", limit: String(describing: type), actual: "null")
        case .dataCorrupted(let context):
            self.init(pointer: pointer(context.codingPath), keyword: "format", limit: "valid value", actual: context.debugDescription)
        @unknown default:
            self.init(pointer: .root, keyword: "type", limit: "decodable", actual: String(describing: error))
        }
    }
}
