import Testing
@testable import Gongwen

struct ExtractNumeralTests {
    static let cases: [(String, String)] = [
        ("1000", "1000"), ("1,000", "1000"), ("1 000", "1000"), ("12,345,678", "12345678"),
        ("548.74", "548.74"), ("0.5", "0.5"), ("3.10", "3.1"), ("548.74万", "5487400"),
        ("1.2亿", "120000000"), ("3千万", "30000000"), ("10万", "100000"), ("0.05万", "500"),
        ("十二", "12"), ("十", "10"), ("二十五", "25"), ("一百零五", "105"), ("两千", "2000"),
        ("三千零八", "3008"), ("一千二", "1200"), ("两万五", "25000"), ("四十", "40"),
        ("一万零一", "10001"), ("三亿五千万", "350000000"), ("十万", "100000"),
        ("伍拾万", "500000"), ("壹仟贰佰叁拾肆", "1234"), ("拾", "10"), ("贰佰零伍", "205"),
        ("二〇二一", "2021"), ("二零一六", "2016"), ("一九四九", "1949"),
        ("三点五", "3.5"), ("一点二亿", "120000000"), ("零点五", "0.5"), ("一百一十一", "111"),
    ]

    @Test(arguments: cases)
    func parsesExactly(_ input: String, _ expected: String) {
        let s = Array(input.unicodeScalars)
        let p = Numerals.parse(s, at: 0)
        #expect(p != nil)
        #expect(p?.overflow == false)
        #expect(p?.value.description == expected)
        #expect(p?.range == 0..<s.count, "consumes all of \(input)")
    }

    @Test func styles() {
        #expect(Numerals.parse(Array("二〇二一".unicodeScalars), at: 0)?.style == .digitString)
        #expect(Numerals.parse(Array("伍拾".unicodeScalars), at: 0)?.style == .capital)
        #expect(Numerals.parse(Array("五十".unicodeScalars), at: 0)?.style == .chinese)
        #expect(Numerals.parse(Array("3千万".unicodeScalars), at: 0)?.power == 7)
    }

    @Test func stopsAtNonNumerals() {
        let s = Array("43人参加".unicodeScalars)
        #expect(Numerals.parse(s, at: 0)?.range == 0..<2)
        // A comma followed by two digits is punctuation, not a separator.
        let t = Array("43,20人".unicodeScalars)
        #expect(Numerals.parse(t, at: 0)?.value.description == "43")
        // A dot not followed by a digit ends the number (section marker `1.`).
        #expect(Numerals.parse(Array("1.提高".unicodeScalars), at: 0)?.range == 0..<1)
        // 万 and 百 cannot start a number.
        #expect(Numerals.parse(Array("万元".unicodeScalars), at: 0) == nil)
    }

    @Test func overflowIsReportedNotCrashed() {
        // Amounts are exact up to 38 significant digits; a 39th is an overflow, never a wrong value.
        let nines38 = String(repeating: "9", count: 38), nines39 = nines38 + "9"
        #expect(Numerals.parse(Array(nines39.unicodeScalars), at: 0)?.overflow == true)
        #expect(Numerals.parse(Array(nines38.unicodeScalars), at: 0)?.overflow == false)
        #expect(Numerals.parse(Array(nines38.unicodeScalars), at: 0)?.value.description == nines38)
        #expect(Numerals.parse(Array("九千九百亿亿亿亿亿".unicodeScalars), at: 0)?.overflow == true)
        #expect(diagnostics("共\(nines39)元").contains("number.overflow|\(nines39)元"))
        #expect(extracted("共\(nines39)元", kind: .money).isEmpty)
        #expect(extracted("共\(nines38)元", kind: .money) == ["\(nines38)元|amount=\(nines38) currency=CNY"])
        #expect(extracted("共\(nines38)万元", kind: .money).isEmpty, "38 digits times 10^4 is past 38 digits")
    }

    @Test func exactDecimal() {
        #expect(ExactDecimal(significand: 54874, scale: 2).timesPowerOfTen(4)?.description == "5487400")
        #expect(ExactDecimal(significand: 5, scale: 1).description == "0.5")
        #expect(ExactDecimal(significand: 5, scale: 3).description == "0.005")
        #expect(ExactDecimal(significand: 12, scale: 1).adding(ExactDecimal(significand: 5, scale: 2))?.description == "1.25")
        #expect(ExactDecimal(significand: 10, scale: 0) > ExactDecimal(significand: 95, scale: 1))
        #expect(ExactDecimal(significand: ExactDecimal.maxSignificand).timesPowerOfTen(1) == nil)
    }
}
