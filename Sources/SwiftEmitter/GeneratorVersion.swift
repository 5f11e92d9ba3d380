/// The generator's release, and the version of the contract between the code it emits and
/// `SpecRuntime`: emitted code names `SpecRuntimeCompatibility.RequiresVersion<N>`, which a runtime
/// declares only for the contract versions it serves, so that code and runtime from releases that
/// do not fit fail to compile with that name in the error.
public enum GeneratorVersion {
    /// The release (`spec-codegen --version`; also in the runtime's default user agent).
    public static let release = "0.9.0"
    /// The contract version emitted code requires of `SpecRuntime`.
    public static let runtimeContract = 1
}
