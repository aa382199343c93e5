import Testing
@testable import Gongwen

/// Issue 10: money as the peers write it, checked by hand.
struct ExtractMoneyFormsTests {
    /// Currency words before and after the number, and symbols.
    static let currencies: [(String, [String])] = [
        ("港币2960元", ["港币2960元|amount=2960 currency=HKD"]),
        ("新台币500元", ["新台币500元|amount=500 currency=TWD"]),
        ("科新臺幣十萬元以下罰金", ["新臺幣十萬元|amount=100000 currency=TWD"]),
        ("300澳门元", ["300澳门元|amount=300 currency=MOP"]),
        ("人民币5美元", ["5美元|amount=5 currency=USD"]),
        ("3万元欧元", ["3万元欧元|amount=30000 currency=EUR"]),
        ("9000元日币", ["9000元日币|amount=9000 currency=JPY"]),
        ("50美圆", ["50美圆|amount=50 currency=USD"]),
        ("20英镑和300卢布", ["20英镑|amount=20 currency=GBP", "300卢布|amount=300 currency=RUB"]),
        ("￥1,200", ["￥1,200|amount=1200 currency=CNY"]),
        ("US$30", ["US$30|amount=30 currency=USD"]),
        ("HK$200", ["HK$200|amount=200 currency=HKD"]),
        ("$5", ["$5|amount=5 currency=USD"]),
        ("NT$5", ["NT$5|amount=5 currency=TWD"]),
        ("€5和£3", ["€5|amount=5 currency=EUR", "£3|amount=3 currency=GBP"]),
        ("欧元1000", ["欧元1000|amount=1000 currency=EUR"]),
        ("100印度卢比", ["100印度卢比|amount=100 currency=INR"]),
        ("筹资数十万元", ["数十万元|amount=100000 currency=CNY approximate qualifier=数"]),
        // Negatives: a currency word with no number; a number with none.
        ("以美元计价", []),
        ("港币汇率", []),
    ]

    @Test(arguments: currencies)
    func currencyWords(_ input: String, _ expected: [String]) {
        #expect(extracted(input, kind: .money) == expected)
    }

    /// Spoken forms.
    static let spoken: [(String, [String])] = [
        ("十块三毛", ["十块三毛|amount=10.3 currency=CNY"]),
        ("一百三十五块六角七分钱", ["一百三十五块六角七分钱|amount=135.67 currency=CNY"]),
        ("五元三毛", ["五元三毛|amount=5.3 currency=CNY"]),
        ("两美元又三美分", ["两美元又三美分|amount=2.03 currency=USD"]),
        ("2分钱", ["2分钱|amount=0.02 currency=CNY"]),
        ("5毛钱", ["5毛钱|amount=0.5 currency=CNY"]),
        ("5块钱", ["5块钱|amount=5 currency=CNY"]),
        ("三块五毛钱", ["三块五毛钱|amount=3.5 currency=CNY"]),
        ("每人2000多块,", ["2000多块|amount=2000 currency=CNY approximate qualifier=多"]),
        ("50美分", ["50美分|amount=0.5 currency=USD"]),
        ("十多块地", []),
        ("3元5角2分", ["3元5角2分|amount=3.52 currency=CNY"]),
        ("八元零五分", ["八元零五分|amount=8.05 currency=CNY"]),
        // Negatives: 块 and 分 and 毛 that are not money.
        ("三块牌子", []),
        ("得了2分", []),
        ("三毛的书", []),
        ("一块儿去", []),
    ]

    @Test(arguments: spoken)
    func spokenForms(_ input: String, _ expected: [String]) {
        #expect(extracted(input, kind: .money) == expected)
    }

    /// Full-width digits and separators, through the whole pipeline (NFKC folds them).
    static let fullWidth: [(String, [String])] = [
        ("预算２７，２０３，３１９，０００元。", ["２７，２０３，３１９，０００元|amount=27203319000 currency=CNY"]),
        ("收入43，200元。", ["43，200元|amount=43200 currency=CNY"]),
        ("支出１，２３４．５６元", ["１，２３４．５６元|amount=1234.56 currency=CNY"]),
        ("共计１２３万元", ["１２３万元|amount=1230000 currency=CNY"]),
        ("合计５００元整", ["５００元整|amount=500 currency=CNY"]),
        ("经费１０，０００．００元", ["１０，０００．００元|amount=10000 currency=CNY"]),
        ("３，０００万元", ["３，０００万元|amount=30000000 currency=CNY"]),
        ("￥１００", ["￥１００|amount=100 currency=CNY"]),
        ("1,000,000元", ["1,000,000元|amount=1000000 currency=CNY"]),
        ("２７２０３３１９０００元", ["２７２０３３１９０００元|amount=27203319000 currency=CNY"]),
        // Negatives: a bare full-width number (a table cell) and a list of counts.
        ("２７，２０３，３１９，０００", []),
        ("第１，２条", []),
    ]

    @Test(arguments: fullWidth)
    func fullWidthAmounts(_ input: String, _ expected: [String]) {
        let doc = GongwenParser().parse(input)
        #expect(doc.entities.filter { $0.kind == .money }.map { "\($0.text)|\($0.value.goldenSummary)" } == expected)
    }

    /// No money without a currency: the existing negatives, and more.
    static let negatives: [String] = [
        "元旦期间", "第三单元", "公元2020年", "单元格中填写500", "表中数值为2960", "每年12期", "一元复始", "万元户", "美元指数", "5角星",
    ]

    @Test(arguments: negatives)
    func noMoney(_ input: String) {
        #expect(extracted(input, kind: .money).isEmpty)
    }
}
