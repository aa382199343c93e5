import CICU

/// What normalization does to each BMP scalar standing alone, computed once from ICU's NFKC data
/// plus Gongwen's own folds. With it, text that needs no change is copied at scan speed and ICU is
/// called only for combining sequences and scalars outside the BMP.
struct FoldTable: Sendable {
    /// Per BMP scalar: 0 keep, 1 replace by `single`, 2 delete, 3 replace by `multi`.
    let action: [UInt8]
    /// Per BMP scalar: 1 when NFKC has no boundary before it (it combines with what precedes).
    let joinsPrevious: [UInt8]
    let single: [UInt16]
    /// Per BMP scalar: 1 when it stays as it is and combines with nothing (not CR either): the
    /// fast path tests this one byte per scalar.
    let passThrough: [UInt8]
    let multi: [UInt16: [Unicode.Scalar]]

    static let shared = FoldTable()

    /// Gongwen's own folds, applied after NFKC: one form per punctuation family that parsing
    /// cares about, and no invisible characters.
    static func custom(_ v: UInt32) -> UInt32?? {
        switch v {
        // Dash and tilde family: ranges (`9月23—24日`, `5月14日～18日`) and 破折号.
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D,
             0x007E, 0x301C, 0x3030, 0xFF5E, 0x223C:
            return .some(0x2D)
        // Brackets around document-number years: 〔〕 【】 ［］ 〖〗 → [ ].
        case 0x3014, 0x3010, 0xFF3B, 0x3016, 0xFE5D: return .some(0x5B)
        case 0x3015, 0x3011, 0xFF3D, 0x3017, 0xFE5E: return .some(0x5D)
        // Invisible: zero-width space/joiners, word joiner, BOM, soft hyphen, and the bidi marks,
        // embeddings and isolates (LRM/RLM/ALM, U+202A…U+202E, U+2066…U+2069): inside a number
        // (`5\u{200F}00万元`) they must not split it.
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD,
             0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: return .some(nil)
        // Line and paragraph separators → \n; tab and other spaces → space.
        case 0x2028, 0x2029, 0x0085, 0x000B, 0x000C: return .some(0x0A)
        default: return nil
        }
    }

    /// Scalars kept as they are although NFKC would change them: circled numbers are list markers
    /// (`①`), and NFKC would make them plain digits that no longer look like markers.
    static func exempt(_ v: UInt32) -> Bool {
        (0x2460...0x2473).contains(v) || (0x2776...0x2793).contains(v)
    }

    init() {
        var action = [UInt8](repeating: 0, count: 0x10000)
        var joins = [UInt8](repeating: 0, count: 0x10000)
        var single = [UInt16](repeating: 0, count: 0x10000)
        var multi: [UInt16: [Unicode.Scalar]] = [:]
        var buf = [UInt16](repeating: 0, count: 64)
        for v in 0..<UInt32(0x10000) {
            if (0xD800...0xDFFF).contains(v) { continue }
            if cicu_nfkc_has_boundary_before(v) == 0 { joins[Int(v)] = 1 }
            if FoldTable.exempt(v) { continue }
            if let c = FoldTable.custom(v) {
                if let r = c { action[Int(v)] = 1; single[Int(v)] = UInt16(r) } else { action[Int(v)] = 2 }
                continue
            }
            if cicu_nfkc_is_inert(v) != 0 { continue }
            var unit = UInt16(v)
            let n = cicu_nfkc(&unit, 1, &buf, Int32(buf.count))
            guard n >= 0, n <= buf.count else { continue }
            let folded = FoldTable.applyCustom(String(decoding: buf[0..<Int(n)], as: UTF16.self).unicodeScalars)
            if folded.count == 1 && folded[0].value == v { continue }
            if folded.isEmpty { action[Int(v)] = 2 }
            else if folded.count == 1 && folded[0].value < 0x10000 { action[Int(v)] = 1; single[Int(v)] = UInt16(folded[0].value) }
            else { action[Int(v)] = 3; multi[UInt16(v)] = folded }
        }
        var pass = [UInt8](repeating: 0, count: 0x10000)
        for v in 0..<0x10000 where action[v] == 0 && joins[v] == 0 && v != 0x0D && !(0xD800...0xDFFF).contains(v) { pass[v] = 1 }
        self.passThrough = pass
        self.action = action
        self.joinsPrevious = joins
        self.single = single
        self.multi = multi
    }

    /// Gongwen's folds over NFKC output.
    /// `deleting: false` keeps invisible scalars: inside a combining sequence they keep marks
    /// apart that would otherwise compose on a second pass.
    static func applyCustom<S: Sequence<Unicode.Scalar>>(_ scalars: S, deleting: Bool = true) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for s in scalars {
            if let c = custom(s.value) {
                if let r = c, let u = Unicode.Scalar(r) { out.append(u) } else if !deleting { out.append(s) }
            } else {
                out.append(s)
            }
        }
        return out
    }
}
