import Testing
@testable import Gongwen

struct ExtractPercentageTests {
    static let cases: [(String, [String])] = [
        ("达到10.3%", ["10.3%|value=10.3 unit=percent"]),
        ("百分之四十", ["百分之四十|value=40 unit=percent"]),
        ("增长7.02个百分点", ["7.02个百分点|value=7.02 unit=percentagePoint"]),
        ("每年提升1个百分点", ["1个百分点|value=1 unit=percentagePoint"]),
        ("百分之三点五", ["百分之三点五|value=3.5 unit=percent"]),
        ("百分之10", ["百分之10|value=10 unit=percent"]),
        ("百分之一百", ["百分之一百|value=100 unit=percent"]),
        ("50 %", ["50 %|value=50 unit=percent"]),
        ("增长12%,达到", ["12%|value=12 unit=percent"]),
        ("0.5%", ["0.5%|value=0.5 unit=percent"]),
        ("覆盖率100%。", ["100%|value=100 unit=percent"]),
        ("下降两个百分点", ["两个百分点|value=2 unit=percentagePoint"]),
        ("提高3百分点", ["3百分点|value=3 unit=percentagePoint"]),
        ("百分比", []),
        ("百分之", []),
        ("1,000%", ["1,000%|value=1000 unit=percent"]),
        ("10%-20%", ["10%|value=10 unit=percent", "20%|value=20 unit=percent"]),
        ("5‰", ["5‰|value=5 unit=permille"]),
        ("\n15%\n", ["15%|value=15 unit=percent"]),
        ("增长了二十个百分点", ["二十个百分点|value=20 unit=percentagePoint"]),
        ("A4%", []),
        ("99.99%", ["99.99%|value=99.99 unit=percent"]),
        ("百分之九十五", ["百分之九十五|value=95 unit=percent"]),
        ("百分之零点五", ["百分之零点五|value=0.5 unit=percent"]),
        ("30.0%", ["30.0%|value=30 unit=percent"]),
        ("同比增长8.5%。", ["8.5%|value=8.5 unit=percent"]),
        ("4个百分点", ["4个百分点|value=4 unit=percentagePoint"]),
        ("百分之五十以上", ["百分之五十|value=50 unit=percent"]),
        ("(15%)", ["15%|value=15 unit=percent"]),
        ("12.5%和7.5%", ["12.5%|value=12.5 unit=percent", "7.5%|value=7.5 unit=percent"]),
        ("百分之百", []),
        // Permille, checked by hand.
        ("出生率10.5‰", ["10.5‰|value=10.5 unit=permille"]),
        ("死亡率为6.2 ‰,", ["6.2 ‰|value=6.2 unit=permille"]),
        ("千分之五", ["千分之五|value=5 unit=permille"]),
        ("千分之三点五", ["千分之三点五|value=3.5 unit=permille"]),
        ("控制在3‰以内", ["3‰|value=3 unit=permille"]),
        ("千分之", []),
        ("一千分", []),
    ]

    @Test(arguments: cases)
    func percentage(_ input: String, _ expected: [String]) {
        #expect(extracted(input, kind: .percentage) == expected)
    }
}
