/// The `~0`/`~1` escaping of one JSON Pointer token (RFC 6901), with a fast path for the common
/// token that needs none (the stdlib's generic `replacing` is slow enough to show in profiles).
public enum PointerToken {
    /// `a/b~c` → `a~1b~0c`.
    public static func escaped(_ token: some StringProtocol) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return String(token) }
        return String(token).replacing("~", with: "~0").replacing("/", with: "~1")
    }

    /// `a~1b~0c` → `a/b~c`.
    public static func unescaped(_ token: some StringProtocol) -> String {
        guard token.utf8.contains(UInt8(ascii: "~")) else { return String(token) }
        return String(token).replacing("~1", with: "/").replacing("~0", with: "~")
    }
}
