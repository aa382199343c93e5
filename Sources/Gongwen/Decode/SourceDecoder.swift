import CICU

/// The decoded source: the text every span points into, and how it was obtained.
package struct DecodedSource: Sendable {
    package var text: String
    package var encoding: String
    package var byteCount: Int
    package var sha256: String
    package var diagnostics: [Diagnostic]
    /// Byte sequences that were invalid and replaced by U+FFFD.
    package var invalidCount = 0

    /// Text given directly (no bytes): UTF-8 by definition.
    package init(text: String) {
        self.text = text
        self.encoding = "UTF-8"
        self.byteCount = text.utf8.count
        self.sha256 = SHA256.hex(of: Array(text.utf8))
        self.diagnostics = []
    }

    package init(text: String, encoding: String, byteCount: Int, sha256: String, diagnostics: [Diagnostic]) {
        self.text = text
        self.encoding = encoding
        self.byteCount = byteCount
        self.sha256 = sha256
        self.diagnostics = diagnostics
    }
}

/// Bytes → text. UTF-8 first when the bytes are valid UTF-8; a BOM decides UTF-16; otherwise ICU's
/// charset detector proposes and a decode-and-score check between GB18030 and Big5 decides, because
/// the two share byte ranges and the detector alone confuses them on short texts.
package enum SourceDecoder {
    package static func decode(_ bytes: [UInt8], forcedEncoding: String? = nil) -> DecodedSource {
        if let forced = forcedEncoding {
            return decodeWith(canonicalName(forced), bytes: bytes, skipBOM: 0)
        }
        // Byte-order marks.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return decodeWith("UTF-8", bytes: bytes, skipBOM: 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return decodeWith("UTF-16LE", bytes: bytes, skipBOM: 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return decodeWith("UTF-16BE", bytes: bytes, skipBOM: 2) }
        if let s = String(validating: bytes, as: UTF8.self) {
            if let legacy = legacyLookingLikeUTF8(bytes) { return legacy }
            return DecodedSource(text: s, encoding: "UTF-8", byteCount: bytes.count, sha256: "", diagnostics: [])
        }
        if let utf16 = sniffBOMlessUTF16(bytes) { return decodeWith(utf16, bytes: bytes, skipBOM: 0) }
        let sample = bytes.count > sampleSize ? Array(bytes[0..<sampleSize]) : bytes
        // UTF-8 with a few bad bytes: legacy Chinese encodings almost never form valid three-byte
        // UTF-8 sequences, so many of them and few invalid bytes mean UTF-8 (with U+FFFD and a
        // diagnostic), whatever a charset detector would say about the short rest.
        let shape = UTF8Shape(sample)
        if shape.threeByte >= 3 && shape.threeByte >= 2 * shape.invalid {
            return decodeWith("UTF-8", bytes: bytes, skipBOM: 0)
        }

        // Score UTF-8 (one stray byte must not turn a UTF-8 file into mojibake), GB18030 and Big5 on
        // a sample; ask ICU's detector (slow: it tries every charset it knows) only when none of
        // them decodes the sample cleanly. Then decode the whole input once with the winner.
        var best: (score: Int, name: String, clean: Bool)?
        func consider(_ name: String) {
            let decoded = decodeWith(name, bytes: sample, skipBOM: 0)
            let score = plausibility(decoded)
            // A sample cut in the middle of a character may end in one invalid sequence.
            let clean = decoded.invalidCount <= (sample.count < bytes.count ? 1 : 0)
            if best == nil || score > best!.score { best = (score, name, clean) }
        }
        for name in ["UTF-8", "GB18030", "Big5"] { consider(name) }
        if !(best!.clean && best!.score > 0) {
            for (name, confidence) in detect(bytes) where confidence >= 30 {
                let canonical = canonicalName(name)
                if !["UTF-8", "GB18030", "Big5"].contains(canonical), !canonical.hasPrefix("UTF-32") { consider(canonical) }
            }
        }
        return decodeWith(best!.name, bytes: bytes, skipBOM: 0)
    }

    /// Bytes scored per candidate encoding: enough prose to tell GB18030 from Big5 reliably.
    static let sampleSize = 32 * 1024

    /// Names as reported in `source.encoding`.
    package static func canonicalName(_ name: String) -> String {
        switch String(name.uppercased().map { $0 == "_" ? "-" : $0 }) {
        case "UTF8", "UTF-8": "UTF-8"
        case "GBK", "GB2312", "GB18030", "CP936", "EUC-CN": "GB18030"
        case "BIG5", "BIG-5", "CP950", "BIG5-HKSCS": "Big5"
        case "UTF-16LE", "UTF16LE": "UTF-16LE"
        case "UTF-16BE", "UTF16BE": "UTF-16BE"
        case "UTF-16", "UTF16": "UTF-16"
        default: name
        }
    }

    private static func decodeWith(_ encoding: String, bytes: [UInt8], skipBOM: Int) -> DecodedSource {
        let body = skipBOM == 0 ? bytes[...] : bytes[skipBOM...]
        if body.isEmpty {
            return DecodedSource(text: "", encoding: encoding, byteCount: bytes.count, sha256: "", diagnostics: [])
        }
        var invalid: Int32 = 0
        var units = [UInt16](repeating: 0, count: body.count + 16)
        var needed: Int32 = body.withUnsafeBufferPointer { src in
            cicu_decode(encoding, src.baseAddress, Int32(src.count), &units, Int32(units.count), &invalid)
        }
        if needed > Int32(units.count) {
            units = [UInt16](repeating: 0, count: Int(needed))
            needed = body.withUnsafeBufferPointer { src in
                cicu_decode(encoding, src.baseAddress, Int32(src.count), &units, Int32(units.count), &invalid)
            }
        }
        var diagnostics: [Diagnostic] = []
        let text: String
        if needed < 0 {
            // Unknown encoding name: fall back to UTF-8 with replacement, and say so.
            text = String(decoding: body, as: UTF8.self)
            diagnostics.append(Diagnostic(code: DiagnosticCode.decodeInvalidBytes,
                                          message: "unknown encoding \(encoding); decoded as UTF-8 with replacement characters",
                                          severity: .error))
            return DecodedSource(text: text, encoding: "UTF-8", byteCount: bytes.count, sha256: "", diagnostics: diagnostics)
        }
        text = String(decoding: units[0..<Int(needed)], as: UTF16.self)
        if invalid > 0 {
            diagnostics.append(Diagnostic(code: DiagnosticCode.decodeInvalidBytes,
                                          message: "\(invalid) byte sequence(s) invalid in \(encoding) were replaced by U+FFFD",
                                          severity: .warning))
        }
        var result = DecodedSource(text: text, encoding: encoding, byteCount: bytes.count, sha256: "", diagnostics: diagnostics)
        result.invalidCount = Int(invalid)
        return result
    }

    /// Valid UTF-8 that is more likely GB18030: no character from U+0800 up (no CJK, no full-width
    /// punctuation), and the GB18030 reading is clean and clearly more plausible as Chinese (a
    /// short GB18030 text such as `小学` is valid UTF-8 Cyrillic, `Сѧ`). Nil to keep UTF-8.
    private static func legacyLookingLikeUTF8(_ bytes: [UInt8]) -> DecodedSource? {
        // Fast exit for the usual case: the first byte of a three- or four-byte sequence (Chinese
        // in UTF-8 has one within a few bytes), or nothing but ASCII.
        let n = min(bytes.count, sampleSize)
        var twoByte = false
        for i in 0..<n {
            let b = bytes[i]
            if b >= 0xE0 { return nil }
            if b >= 0xC2 { twoByte = true }
        }
        guard twoByte else { return nil }
        let sample = Array(bytes[0..<n])
        let asUTF8 = plausibility(DecodedSource(text: String(decoding: sample, as: UTF8.self), encoding: "UTF-8",
                                                byteCount: sample.count, sha256: "", diagnostics: []))
        let gb = decodeWith("GB18030", bytes: sample, skipBOM: 0)
        guard gb.invalidCount == 0 else { return nil }
        let asGB = plausibility(gb)
        guard asGB > 2 * max(asUTF8, 0) else { return nil }
        // Mostly common characters, too: the hanzi such bytes can spell (lead C2–DF, trail 80–BF)
        // are the first level of GB2312 when the text is Chinese, and rare GBK extensions when it is
        // really a stray two-byte UTF-8 letter (`ђ` reads as `褣`).
        var hanzi = 0, common = 0
        for v in gb.text.unicodeScalars.lazy.map(\.value) where v >= 0x4E00 && v <= 0x9FFF {
            hanzi += 1
            if CommonHanzi.contains(v) { common += 1 }
        }
        guard common > 0, 2 * common >= hanzi else { return nil }
        return decodeWith("GB18030", bytes: bytes, skipBOM: 0)
    }

    /// Valid three-byte UTF-8 sequences (CJK lives there), and bytes that start no valid sequence.
    struct UTF8Shape {
        var threeByte = 0, invalid = 0

        init(_ b: [UInt8]) {
            let n = b.count
            var i = 0
            @inline(__always) func cont(_ k: Int) -> Bool { k < n && b[k] & 0xC0 == 0x80 }
            while i < n {
                let c = b[i]
                if c < 0x80 { i += 1; continue }
                if c >= 0xC2 && c <= 0xDF && cont(i + 1) { i += 2; continue }
                if c >= 0xE0 && c <= 0xEF && cont(i + 1) && cont(i + 2) {
                    let v = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
                    if v >= 0x800 && !(0xD800...0xDFFF).contains(v) { threeByte += 1; i += 3; continue }
                }
                if c >= 0xF0 && c <= 0xF4 && cont(i + 1) && cont(i + 2) && cont(i + 3) {
                    let v = (UInt32(c & 0x07) << 18) | (UInt32(b[i + 1] & 0x3F) << 12) | (UInt32(b[i + 2] & 0x3F) << 6)
                    if v >= 0x10000 && v <= 0x10FFFF { i += 4; continue }
                }
                invalid += 1
                i += 1
            }
        }
    }

    /// UTF-16 without a BOM shows up as a zero byte in every other position for Latin and digits.
    private static func sniffBOMlessUTF16(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        let n = min(bytes.count, 4096)
        for i in 0..<n where bytes[i] == 0 {
            if i % 2 == 0 { zeroEven += 1 } else { zeroOdd += 1 }
        }
        let half = n / 2
        if zeroOdd * 5 > half && zeroEven * 20 < half { return "UTF-16LE" }
        if zeroEven * 5 > half && zeroOdd * 20 < half { return "UTF-16BE" }
        return nil
    }

    private static func detect(_ bytes: [UInt8]) -> [(String, Int)] {
        let max: Int32 = 8
        var names = [CChar](repeating: 0, count: 32 * Int(max))
        var confidences = [Int32](repeating: 0, count: Int(max))
        let sample = bytes.count > 65536 ? Array(bytes[0..<65536]) : bytes
        let n = sample.withUnsafeBufferPointer { cicu_detect($0.baseAddress, Int32($0.count), &names, &confidences, max) }
        guard n > 0 else { return [] }
        return (0..<Int(n)).map { i in
            let name = names[(32 * i)..<(32 * i + 32)].withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            return (name, Int(confidences[i]))
        }
    }

    /// How much a decoding looks like Chinese prose: common characters count for, replacement
    /// characters and control characters against.
    private static func plausibility(_ decoded: DecodedSource) -> Int {
        var score = 0
        for s in decoded.text.unicodeScalars {
            let v = s.value
            if v == 0xFFFD { score -= 20 }
            else if v < 0x20 && v != 0x0A && v != 0x0D && v != 0x09 { score -= 5 }
            else if CommonHanzi.contains(v) { score += 3 }
            else if v >= 0x4E00 && v <= 0x9FFF { score += 0 }
            else if v >= 0xE000 && v <= 0xF8FF { score -= 10 } // private use: a wrong guess
            else if v < 0x80 { score += 1 }
            else if v < 0x370 { score += 0 }
            // Greek and Russian letters count like ASCII; the rest of U+0370…U+07FF (historic
            // Cyrillic, Hebrew, Arabic, …), what GB18030 read as UTF-8 turns into, against.
            else if (0x391...0x3C9).contains(v) || (0x401...0x451).contains(v) { score += 1 }
            else if v < 0x800 { score -= 2 }
        }
        return score
    }
}

/// The most frequent characters of Chinese prose, in Simplified and Traditional forms. Used only to
/// tell GB18030 from Big5.
enum CommonHanzi {
    /// Bit per code point of U+4E00…U+9FFF (a set lookup per character was a hot spot).
    static let bits: [UInt64] = {
        var b = [UInt64](repeating: 0, count: (0x9FFF - 0x4E00) / 64 + 1)
        for v in set where v >= 0x4E00 && v <= 0x9FFF {
            let k = Int(v - 0x4E00)
            b[k >> 6] |= 1 << UInt64(k & 63)
        }
        return b
    }()

    @inline(__always) static func contains(_ v: UInt32) -> Bool {
        guard v >= 0x4E00 && v <= 0x9FFF else { return false }
        let k = Int(v - 0x4E00)
        return bits[k >> 6] & (1 << UInt64(k & 63)) != 0
    }

    private static let set: Set<UInt32> = {
        let simplified = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
        let traditional = "這為個國們於對會發動過說產種後學經進著電裡現實兩體機當點業應開還與關線內數變條沒結問無軍題黨總設長頭資邊級圖統較將組見計別論運農幾區強決幹戰據處隊給門規熱領東導壓爭濟階術聯認權證採轉單風帶場車務萬達積議聲報鬥類離華確張馬節話況集溫傳許廣記觀織裝眾書復兒須際驗連斷難礦備辦習響約歷構稱準號維劃選標寫親專狀廠識屬圓調滿縣參紅細聽該鐵價嚴"
        return Set(simplified.unicodeScalars.map(\.value)).union(traditional.unicodeScalars.map(\.value))
    }()
}
