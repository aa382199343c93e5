import CICU

/// Text encoded in a legacy encoding (`GB18030`, `Big5`, `UTF-16LE`, …) through ICU, to build test
/// fixtures and benchmark inputs. Nil when ICU does not know the name.
public enum LegacyEncoding {
    public static func encode(_ text: String, as encoding: String) -> [UInt8]? {
        let units = Array(text.utf16)
        var out = [UInt8](repeating: 0, count: units.count * 4 + 16)
        let n = cicu_encode(encoding, units, Int32(units.count), &out, Int32(out.count))
        guard n >= 0, Int(n) <= out.count else { return nil }
        return Array(out[0..<Int(n)])
    }
}
