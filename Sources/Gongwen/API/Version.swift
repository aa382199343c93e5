/// The version of Gongwen, one constant for the library, `gongwen --version` and (later) the
/// records it writes.
public enum GongwenVersion {
    public static let current = "0.9.0"
}
