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

    /// Vague numbers, checked by hand: the magnitude named plus its qualifier, an implicit one only
    /// beside a qualifier, and two neighbouring digits as a range.
    static let vague: [(String, [String])] = [
        ("投入几十万元", ["几十万元|amount=100000 currency=CNY approximate qualifier=几"]),
        ("花费十几万元", ["十几万元|amount=100000 currency=CNY approximate qualifier=几"]),
        ("补助二十几万元", ["二十几万元|amount=200000 currency=CNY approximate qualifier=几"]),
        ("损失数百万元", ["数百万元|amount=1000000 currency=CNY approximate qualifier=数"]),
        ("涉案金额上百万元", ["上百万元|amount=1000000 currency=CNY approximate qualifier=上"]),
        ("投资近百万元", ["近百万元|amount=1000000 currency=CNY approximate qualifier=近"]),
        ("获赔百万余元", ["百万余元|amount=1000000 currency=CNY approximate qualifier=余"]),
        ("追回万余元", ["万余元|amount=10000 currency=CNY approximate qualifier=余"]),
        ("筹集几万元", ["几万元|amount=10000 currency=CNY approximate qualifier=几"]),
        ("逾亿元投资", ["逾亿元|amount=100000000 currency=CNY approximate qualifier=逾"]),
        ("每户补贴两三万元", ["两三万元|amount=20000 amountMax=30000 currency=CNY"]),
        ("预算七八千元", ["七八千元|amount=7000 amountMax=8000 currency=CNY"]),
        ("需要一二十万元", ["一二十万元|amount=100000 amountMax=200000 currency=CNY"]),
        ("约三四十万元", ["约三四十万元|amount=300000 amountMax=400000 currency=CNY approximate qualifier=约"]),
        ("十七八万元", ["十七八万元|amount=170000 amountMax=180000 currency=CNY"]),
        ("七八十万美元", ["七八十万美元|amount=700000 amountMax=800000 currency=USD"]),
        ("五六百块钱", ["五六百块钱|amount=500 amountMax=600 currency=CNY"]),
        // Negatives: no qualifier, no implicit one; neighbouring digits that are no amount.
        ("千万元旦不休", []),
        ("千万不要超支", []),
        ("奖励百万元", []),
        ("三四月份拨付", []),
        ("一二九运动", []),
        ("几个单元", []),
    ]

    @Test(arguments: vague)
    func vagueNumbers(_ input: String, _ expected: [String]) {
        #expect(extracted(input, kind: .money) == expected)
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
