import Testing
@testable import Gongwen

/// Issue 10: 民國 document numbers, checked by hand (61 + 1911 = 1972; 095 + 1911 = 2006).
struct ExtractMinguoDocumentNumberTests {
    static let cases: [(String, [String])] = [
        ("(61)台統(一)義字第 123 號", ["(61)台統(一)義字第 123 號|issuer=台統(一)義 year=1972 serial=123"]),
        ("（61）台統（一）義字第 123 號", ["（61）台統（一）義字第 123 號|issuer=台統（一）義 year=1972 serial=123"]),
        ("華總一義字第 09500012345 號", ["華總一義字第 09500012345 號|issuer=華總一義 year=2006 serial=9500012345"]),
        ("華總一義字第09500012345號", ["華總一義字第09500012345號|issuer=華總一義 year=2006 serial=9500012345"]),
        ("华总一义字第10300012345号", ["华总一义字第10300012345号|issuer=华总一义 year=2014 serial=10300012345"]),
        ("(93)院台經字第 5 號", ["(93)院台經字第 5 號|issuer=院台經 year=2004 serial=5"]),
        // No year in the number: the year is unknown.
        ("台內字第 1234 號", ["台內字第 1234 號|issuer=台內 serial=1234"]),
        ("經濟部經商字第 0930001 號", ["經濟部經商字第 0930001 號|issuer=經濟部經商 serial=930001"]),
        // Mainland numbers are unchanged.
        ("国办发〔2012〕12号", ["国办发〔2012〕12号|issuer=国办发 year=2012 serial=12"]),
        ("遂科技党组[2020]20号", ["遂科技党组[2020]20号|issuer=遂科技党组 year=2020 serial=20"]),
        // Negatives: no 號 after the serial; no issuer before 字.
        ("文字第一", []),
        ("台統字第 123 條", []),
        ("字第 123 號", []),
    ]

    @Test(arguments: cases)
    func minguoNumber(_ input: String, _ expected: [String]) {
        #expect(extracted(input, kind: .documentNumber) == expected)
    }
}
