/// The version of Gongwen, written into every record (`gongwenVersion`) so that a reader knows
/// which release produced a file, and printed by `gongwen --version`.
public enum GongwenVersion {
    public static let current = "0.4.0"
}
