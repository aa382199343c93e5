import Testing
@testable import Gongwen

struct NormalizerTests {
    private func norm(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: Normalizer.normalize(s).scalars)
        return String(out)
    }

    @Test(arguments: [
        ("（一）统一思想，立即部署：", "(一)统一思想,立即部署:"),
        ("１２３ＡＢＣ％", "123ABC%"),
        ("遂科技党组〔2020〕20号", "遂科技党组[2020]20号"),
        ("国办发【2012】12号", "国办发[2012]12号"),
        ("9月23—24日", "9月23-24日"),
        ("5月14日～18日", "5月14日-18日"),
        ("a\u{3000}b\u{00A0}c", "a b c"),
        ("零\u{200B}宽\u{FEFF}", "零宽"),
        ("一\r\n二\r三\u{2028}四", "一\n二\n三\n四"),
        ("㈠加强", "(一)加强"),
        ("①对于", "①对于"),
        ("e\u{0301}", "\u{00E9}"),
        ("《关于〈方案〉的通知》", "《关于〈方案〉的通知》"),
        ("纯中文文本不变。", "纯中文文本不变。"),
    ])
    func folds(input: String, expected: String) {
        #expect(norm(input) == expected)
    }

    @Test func identityTextHasNoMap() {
        let t = Normalizer.normalize("一、加强组织领导\n二、统一思想")
        #expect(t.toSource == nil)
        #expect(t.count == t.sourceCount)
    }

    /// One-for-one folds (full-width punctuation, the usual case) keep every index: no map. A
    /// CR LF document needs one run per line, not four bytes per scalar.
    @Test func offsetMapIsStoredAsRuns() {
        #expect(Normalizer.normalize("（一）统一思想，立即部署：１２３\n二、").toSource == nil)
        let lines = (1...100).map { "第\($0)行，全角标点。" }.joined(separator: "\r\n")
        let t = Normalizer.normalize(lines)
        #expect(t.toSource?.runCount == 100, "a run per line after the first CR, and one for the start")
        #expect(t.sourceStart(t.count) == t.sourceCount)
        // 200 scalars of long text at chunk size 7 (the chunk must end after a line feed).
        let chunked = Normalizer.normalize(lines, traditionalToSimplified: false, chunkScalars: 7)
        #expect(chunked.scalars == t.scalars && chunked.toSource == t.toSource)
    }

    /// A text with no line feed at all (one 200,000-scalar line) still normalizes in one piece.
    @Test func aLineLongerThanAChunk() {
        let line = String(repeating: "全角，", count: 100_000)
        let t = Normalizer.normalize(line, traditionalToSimplified: false, chunkScalars: 16)
        #expect(t.count == 300_000)
        #expect(t.toSource == nil)
    }

    @Test func mapPointsBackToSource() {
        // `（` is one source scalar and one normalized scalar; the zero-width space vanishes;
        // `㈠` (one source scalar) becomes three.
        let src = "（一）\u{200B}甲㈠乙"
        let t = Normalizer.normalize(src)
        #expect(String(String.UnicodeScalarView(t.scalars)) == "(一)甲(一)乙")
        #expect(t.sourceStart(0) == 0)
        #expect(t.sourceStart(3) == 4)          // 甲 is after the deleted ZWSP
        #expect(t.sourceSpan(0..<3) == TextSpan(start: 0, end: 4)) // the ZWSP goes with what precedes it
        #expect(t.sourceSpan(4..<7) == TextSpan(start: 5, end: 6)) // the whole expansion is one source scalar
        #expect(t.sourceSpan(5..<6) == TextSpan(start: 5, end: 6)) // part of an expansion maps to all of it
        #expect(t.sourceSpan(7..<8) == TextSpan(start: 6, end: 7))
    }

    @Test func crlfFoldsToOneBreak() {
        let t = Normalizer.normalize("甲\r\n乙")
        #expect(t.count == 3)
        #expect(t.sourceSpan(0..<1) == TextSpan(start: 0, end: 2)) // the vanished CR goes with 甲
        #expect(t.sourceStart(1) == 2)
    }

    @Test func idempotent() {
        let samples = ["（一）统一，思想：１２", "〔2020〕—～\u{200B}\r\n", "e\u{0301}\u{0323}x", "㈠①⑴⒈", "𠀀\u{FE0F}"]
        for s in samples {
            let once = norm(s)
            #expect(norm(once) == once, "not idempotent on \(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func traditionalToSimplified() {
        let t = Normalizer.normalize("關於加強組織領導的通知", traditionalToSimplified: true)
        #expect(String(String.UnicodeScalarView(t.scalars)) == "关于加强组织领导的通知")
        #expect(t.sourceSpan(0..<2) == TextSpan(start: 0, end: 2))
    }
}
