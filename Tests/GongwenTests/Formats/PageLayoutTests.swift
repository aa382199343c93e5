import Testing
@testable import Gongwen
@testable import GongwenFormats

/// The shared layout of PDF and OFD pages, on pages built by hand (100 × 100 units, 10-unit
/// characters, 8 to a full line from x = 10 to 90).
@Suite("Page layout") struct PageLayoutTests {
    static func line(_ text: String, y: Double, x: Double = 10) -> PlacedWord {
        PlacedWord(text: text, x0: x, y0: y, x1: x + Double(text.unicodeScalars.count) * 10, y1: y + 10, spaceAfter: false)
    }

    /// A paragraph running over a page break is one line of text; the footer of page 1 and the
    /// header of page 2 follow it between blank lines, each segment on the page it was printed on.
    @Test func paragraphRejoinedAcrossThePageBreak() {
        let p1 = PlacedPage(width: 100, height: 100, words: [
            Self.line("遂宁市科学技术局", y: 2),
            Self.line("一、工作要求各单位", y: 20), Self.line("要高度重视认真组织", y: 35), Self.line("按时报送有关材料和", y: 80),
            Self.line("- 1 -", y: 92, x: 40),
        ])
        let p2 = PlacedPage(width: 100, height: 100, words: [
            Self.line("遂宁市科学技术局", y: 2),
            Self.line("数据。", y: 20), Self.line("二、其他事项", y: 35),
            Self.line("- 2 -", y: 92, x: 40),
        ])
        let paged = PageLayout.assemble([p1, p2])
        // Full lines join (各单位 + 要高度重视); the 45-unit gap before 按时报送 (three times the
        // line pitch) is a paragraph break; 按时报送有关材料和 is full and 数据。 is not indented:
        // joined across the break, the chrome after it.
        #expect(paged.text == """
        遂宁市科学技术局

        一、工作要求各单位要高度重视认真组织

        按时报送有关材料和数据。

        - 1 -
        遂宁市科学技术局

        二、其他事项

        - 2 -

        """)
        let scalars = Array(paged.text.unicodeScalars)
        let chrome = paged.chrome.map { String(String.UnicodeScalarView(scalars[$0])) }
        #expect(chrome == ["遂宁市科学技术局", "- 1 -", "遂宁市科学技术局", "- 2 -"])
        #expect(paged.segments.map(\.page) == [1, 2, 1, 2])
        #expect(paged.page(at: paged.chrome[1].lowerBound) == 1, "the footer of page 1 stays on page 1")
        #expect(paged.page(at: paged.text.unicodeScalars.count - 3) == 2)
        let rejoined = paged.text.unicodeScalars.count - paged.text.unicodeScalars.drop { $0 != "数" }.count
        #expect(paged.page(at: rejoined) == 2, "the continuation is on page 2")
    }

    @Test func pageNumberAndStampPatterns() {
        for s in ["- 3 -", "— 12 —", "第 3 页 共 10 页", "第3页", "3/10", "3", "Page 3 of 10", "12/1/26, 9:54 AM 通知.txt", "file:///tmp/a.txt 1/2"] {
            #expect(PageLayout.looksLikeChrome(s), "\(s)")
        }
        for s in ["3.加强领导", "2020年5月12日", "一、总体要求", "共43人参加"] {
            #expect(!PageLayout.looksLikeChrome(s), "\(s)")
        }
        #expect(PageLayout.chromeKey("第 3 页") == PageLayout.chromeKey("第 14 页") || PageLayout.chromeKey("第 3 页") == "第#页")
    }

    @Test func wordsOnOneBaselineAreOneLineLeftToRight() {
        // A Latin word's box is shorter than the Han boxes around it, and it comes last in the
        // reader's order: still one line, in x order, without a space.
        let words = [
            PlacedWord(text: "月", x0: 20, y0: 10, x1: 30, y1: 35, spaceAfter: false),
            PlacedWord(text: "日下午", x0: 42, y0: 10, x1: 72, y1: 35, spaceAfter: false),
            PlacedWord(text: "11", x0: 30, y0: 19, x1: 42, y1: 31, spaceAfter: true),
            PlacedWord(text: "5", x0: 14, y0: 19, x1: 20, y1: 31, spaceAfter: false),
            PlacedWord(text: "下一行", x0: 14, y0: 24, x1: 44, y1: 49, spaceAfter: false),
        ]
        #expect(PageLayout.lines(of: words).map(\.text) == ["5月11日下午", "下一行"])
    }
}

/// The scalar matcher against the regular expressions it replaced (kept here, off the parsing
/// path, as the specification), on every short line over an alphabet of the shapes' pieces.
@Suite struct ChromeShapeTests {
    nonisolated(unsafe) static let pageNumber = try! Regex(#"^[\s\-—–－·•]*(第\s*)?[0-9０-９]{1,5}(\s*页)?(\s*([/／]|共)\s*[0-9０-９]{1,5}(\s*页)?)?[\s\-—–－·•]*$"#)
    nonisolated(unsafe) static let pageNumberOf = try! Regex(#"^\s*(Page\s+)?[0-9]{1,5}\s*(of|/)\s*[0-9]{1,5}\s*$"#).ignoresCase()
    nonisolated(unsafe) static let printStamp = try! Regex(#"^([0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4},?\s+[0-9]{1,2}:[0-9]{2}|(file|https?)://)"#)

    static func byRegex(_ text: String) -> Bool {
        (try? pageNumber.wholeMatch(in: text)) != nil || (try? pageNumberOf.wholeMatch(in: text)) != nil
            || (try? printStamp.prefixMatch(in: text)) != nil
    }

    @Test func agreesWithTheRegularExpressions() {
        let pieces = ["第", "页", "共", "/", "／", " ", "\u{3000}", "-", "—", "·", "3", "１", "12", "123456", "Page", "pAGE", "of", "OF",
                      ":", ",", "54", "AM", "file://", "https://", "http:/", "x", "条"]
        var rng = SeededRandom(state: 9704)
        var agreed = 0, chrome = 0
        for _ in 0..<20_000 {
            let line = (0..<rng.next(below: 9)).map { _ in pieces[rng.next(below: pieces.count)] }.joined()
            let expected = Self.byRegex(line)
            #expect(ChromeShape.matches(line) == expected, "\(line)")
            agreed += 1
            if expected { chrome += 1 }
        }
        #expect(chrome > 200, "the alphabet reaches the matching shapes (\(chrome) of \(agreed))")
    }

    @Test(arguments: [
        ("第 3 页 共 10 页", true), ("－ 7 －", true), ("3 / 10", true), ("page 3 OF 10", true),
        ("12/1/26, 9:54 AM 关于…的通知", true), ("https://www.gov.cn/x 1/2", true),
        ("123456", false), ("第3条", false), ("3.加强领导", false), ("Page3 of 10", false),
        ("1/2/3", false), ("12/1/26 9:5", false), ("", false),
    ])
    func hardCases(line: String, chrome: Bool) {
        #expect(ChromeShape.matches(line) == chrome)
    }
}
