import Foundation
import SpecRuntime

/// What the generated code says of one instance.
public enum SuiteVerdict: Sendable, CustomStringConvertible {
    case valid
    /// Decoding refused it (the Swift type cannot hold it).
    case undecodable(String)
    /// Decoded, with violations.
    case violations([String])

    public var isValid: Bool { if case .valid = self { true } else { false } }

    public var description: String {
        switch self {
        case .valid: "valid"
        case .undecodable(let reason): "not decodable: \(reason)"
        case .violations(let found): "violations \(found)"
        }
    }
}

/// One case group of the suite: the component schema of its holder (`{"value": instance}`) and
/// the check of an encoded holder by the generated code.
public struct SuiteGroup: Sendable {
    public var holderSchema: String
    public var check: @Sendable (Data) -> SuiteVerdict

    public init(_ holderSchema: String, check: @escaping @Sendable (Data) -> SuiteVerdict) {
        self.holderSchema = holderSchema
        self.check = check
    }
}

/// `{"value": instance}` decoded into `Holder` and validated.
public func verdict<Holder: Decodable & Validatable>(_: Holder.Type, _ data: Data) -> SuiteVerdict {
    do {
        let found = try JSONDecoder().decode(Holder.self, from: data).violations()
        return found.isEmpty ? .valid : .violations(found.map(\.description))
    } catch {
        return .undecodable("\(error)")
    }
}
