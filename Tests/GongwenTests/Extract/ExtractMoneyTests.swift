import Testing
@testable import Gongwen

struct ExtractMoneyTests {
    static let cases: [(String, [String])] = [
        ("对145家企业兑现补助548.74万元;", ["548.74万元|amount=5487400 currency=CNY"]),
        ("立项经费2000万元;二是", ["2000万元|amount=20000000 currency=CNY"]),
        ("将超标准报销的90元差旅费退回", ["90元|amount=90 currency=CNY"]),
        ("培训费标准为399.5元/人,", ["399.5元/人|amount=399.5 currency=CNY per=人"]),
        ("奖励人民币伍拾万元整。", ["人民币伍拾万元整|amount=500000 currency=CNY"]),
        ("总投资1.2亿元", ["1.2亿元|amount=120000000 currency=CNY"]),
        ("每张0.5元", ["0.5元|amount=0.5 currency=CNY"]),
        ("合计1,000元", ["1,000元|amount=1000 currency=CNY"]),
        ("共计1,234.56元。", ["1,234.56元|amount=1234.56 currency=CNY"]),
        ("预算3千万元", ["3千万元|amount=30000000 currency=CNY"]),
        ("筹集20余万元", ["20余万元|amount=200000 currency=CNY approximate qualifier=余"]),
        ("投入约500万元", ["约500万元|amount=5000000 currency=CNY approximate qualifier=约"]),
        ("节约近3000万元", ["近3000万元|amount=30000000 currency=CNY approximate qualifier=近"]),
        ("支出100万元左右", ["100万元左右|amount=1000000 currency=CNY approximate qualifier=左右"]),
        ("单笔10万元以上的", ["10万元以上|amount=100000 currency=CNY approximate qualifier=以上"]),
        ("贷款100多万元", ["100多万元|amount=1000000 currency=CNY approximate qualifier=多"]),
        ("给予10万-50万元资助", ["10万-50万元|amount=100000 amountMax=500000 currency=CNY"]),
        ("给予10-50万元资助", ["10-50万元|amount=100000 amountMax=500000 currency=CNY"]),
        ("3000至5000元", ["3000至5000元|amount=3000 amountMax=5000 currency=CNY"]),
        ("引资100万美元", ["100万美元|amount=1000000 currency=USD"]),
        ("5000欧元、200港元和1000日元", ["5000欧元|amount=5000 currency=EUR", "200港元|amount=200 currency=HKD", "1000日元|amount=1000 currency=JPY"]),
        ("30英镑", ["30英镑|amount=30 currency=GBP"]),
        ("住宿费300元/人·天以内", ["300元/人·天|amount=300 currency=CNY per=人·天"]),
        ("补贴200元/亩", ["200元/亩|amount=200 currency=CNY per=亩"]),
        ("元旦期间", []),
        ("第三单元", []),
        ("化学元素", []),
        ("公元2020年", []),
        ("推进一元化管理", []),
        ("成为万元户", []),
        ("单位:万元\n项目", []),
        ("3元5角", ["3元5角|amount=3.5 currency=CNY"]),
        ("壹仟贰佰叁拾肆元伍角", ["壹仟贰佰叁拾肆元伍角|amount=1234.5 currency=CNY"]),
        ("四十余万元", ["四十余万元|amount=400000 currency=CNY approximate qualifier=余"]),
        ("两千元", ["两千元|amount=2000 currency=CNY"]),
        ("一百零五元", ["一百零五元|amount=105 currency=CNY"]),
        ("经费\n1000万元", ["1000万元|amount=10000000 currency=CNY"]),
        ("经费1000\n万元", []),
        ("放贷500万元,向四川誉川放贷10\n万元", ["500万元|amount=5000000 currency=CNY"]),
        ("现场授信签约1690万元;", ["1690万元|amount=16900000 currency=CNY"]),
        ("¥100", ["¥100|amount=100 currency=CNY"]),
        ("人民币500万元", ["人民币500万元|amount=5000000 currency=CNY"]),
        ("5角", ["5角|amount=0.5 currency=CNY"]),
        ("三角形", []),
        ("1.5万亿元", ["1.5万亿元|amount=1500000000000 currency=CNY"]),
        ("(2000万元)", ["2000万元|amount=20000000 currency=CNY"]),
    ]

    @Test(arguments: cases)
    func money(_ input: String, _ expected: [String]) {
        #expect(extracted(input, kind: .money) == expected)
    }
}
