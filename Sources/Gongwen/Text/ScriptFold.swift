import CICU

/// Folds text for comparing across documents: width (ICU NFKC: `ＡＢＣ` → `ABC`, `（` → `(`) and
/// script (ICU's Traditional-Simplified transliterator: `國家賠償法` → `国家赔偿法`). For keys,
/// not for the text itself (the tree keeps the source). ICU is called only when a scalar needs it:
/// a width form, or a Traditional character (one table, built once from the transliterator).
package enum ScriptFold {
    package static func fold(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var width = false, script = false
        let table = traditional
        for s in scalars {
            let v = s.value
            if (0xFF00...0xFFEF).contains(v) || v == 0x3000 || (0xF900...0xFAFF).contains(v) { width = true }
            if v < 0x10000 && table[Int(v)] != 0 { script = true }
            if v >= 0x20000 { script = true }
        }
        guard width || script else { return scalars }
        var units: [UInt16] = []
        units.reserveCapacity(scalars.count)
        for s in scalars { units.append(contentsOf: UTF16.encode(s)!) }
        if width { guard let u = call(units, { cicu_nfkc($0, $1, $2, $3) }) else { return scalars }; units = u }
        if script || width { guard let u = call(units, { cicu_trad_to_simp($0, $1, $2, $3) }) else { return scalars }; units = u }
        return Array(String(decoding: units, as: UTF16.self).unicodeScalars)
    }

    /// Per BMP scalar: 1 when the transliterator changes it on its own (a Traditional character).
    /// Built with one call over the CJK blocks; if ICU is unavailable or the lengths disagree, every
    /// Han scalar is marked (ICU is then asked for every title, which is slower but still right).
    static let traditional: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 0x10000)
        let ranges: [ClosedRange<UInt32>] = [0x3400...0x4DBF, 0x4E00...0x9FFF]
        for r in ranges {
            let input = r.map { UInt16($0) }
            if let out = call(input, { cicu_trad_to_simp($0, $1, $2, $3) }), out.count == input.count {
                for (k, v) in r.enumerated() where out[k] != input[k] { t[Int(v)] = 1 }
            } else {
                for v in r { t[Int(v)] = 1 }
            }
        }
        return t
    }()

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
