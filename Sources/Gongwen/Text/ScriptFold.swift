import CICU

/// Folds text for comparing across documents: width (ICU NFKC: `ＡＢＣ` → `ABC`, `（` → `(`) and
/// script (ICU's Traditional-Simplified transliterator: `國家賠償法` → `国家赔偿法`). For keys,
/// not for the text itself (the tree keeps the source). Text of ASCII alone is returned as it is.
package enum ScriptFold {
    package static func fold(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard scalars.contains(where: { $0.value >= 0x80 }) else { return scalars }
        var units: [UInt16] = []
        units.reserveCapacity(scalars.count)
        for s in scalars { units.append(contentsOf: UTF16.encode(s)!) }
        guard let narrow = call(units, { src, n, dst, cap in cicu_nfkc(src, n, dst, cap) }),
              let simple = call(narrow, { src, n, dst, cap in cicu_trad_to_simp(src, n, dst, cap) }) else { return scalars }
        return Array(String(decoding: simple, as: UTF16.self).unicodeScalars)
    }

    /// Runs an ICU wrapper that reports the length it needs, growing the buffer until it fits.
    private static func call(_ units: [UInt16], _ f: (UnsafePointer<UInt16>?, Int32, UnsafeMutablePointer<UInt16>?, Int32) -> Int32) -> [UInt16]? {
        var cap = units.count * 2 + 16
        while true {
            var buf = [UInt16](repeating: 0, count: cap)
            let k = units.withUnsafeBufferPointer { src in
                buf.withUnsafeMutableBufferPointer { f(src.baseAddress, Int32(units.count), $0.baseAddress, Int32(cap)) }
            }
            if k < 0 { return nil }
            if Int(k) <= cap { return Array(buf[0..<Int(k)]) }
            cap = Int(k) + 16
        }
    }
}
