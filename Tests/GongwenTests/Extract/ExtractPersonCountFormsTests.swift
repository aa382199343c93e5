import Testing
@testable import Gongwen

/// Issue 10: units, approximations and roles of people counts, checked by hand.
struct ExtractPersonCountFormsTests {
    static let units: [(String, [String])] = [
        ("邀请12位专家评审", ["12位|count=12 unit=位"]),
        ("一位同志发言", ["一位|count=1 unit=位"]),
        ("共有三十位代表", ["三十位|count=30 unit=位"]),
        ("接待游客1.2万人次", ["1.2万人次|count=12000 unit=人次"]),
        ("服务群众三万人次", ["三万人次|count=30000 unit=人次"]),
        ("培训干部120人次", ["120人次|count=120 unit=人次"]),
        ("选派25名干部", ["25名|count=25 unit=名"]),
        // Negatives: 位 as a place or a digit count, ordinals.
        ("保留2位小数", []),
        ("3位数密码", []),
        ("排在第1位", []),
        ("各位领导", []),
    ]

    @Test(arguments: units)
    func unit(_ input: String, _ expected: [String]) {
        #expect(extracted(input, kind: .personCount) == expected)
    }

    static let approximate: [(String, [String])] = [
        ("超过200人报名", ["超过200人|count=200 unit=人 approximate qualifier=超过"]),
        ("超1000人次", ["超1000人次|count=1000 unit=人次 approximate qualifier=超"]),
        ("逾300名志愿者", ["逾300名|count=300 unit=名 approximate qualifier=逾"]),
        ("近50位专家", ["近50位|count=50 unit=位 approximate qualifier=近"]),
        ("约80人", ["约80人|count=80 unit=人 approximate qualifier=约"]),
        ("大约60人", ["大约60人|count=60 unit=人 approximate qualifier=约"]),
        ("将近40人", ["将近40人|count=40 unit=人 approximate qualifier=近"]),
        ("200余人", ["200余人|count=200 unit=人 approximate qualifier=余"]),
        // 逾万 is more than ten thousand: a leading 万 counts one beside a qualifier.
        ("逾万人次", ["逾万人次|count=10000 unit=人次 approximate qualifier=逾"]),
        // Negatives: 赶超, 高超 are no qualifiers.
        ("赶超30人", ["30人|count=30 unit=人"]),
        ("签约20人", ["20人|count=20 unit=人"]),
    ]

    @Test(arguments: approximate)
    func approximation(_ input: String, _ expected: [String]) {
        #expect(extracted(input, kind: .personCount) == expected)
    }

    static let roles: [(String, [String])] = [
        ("应出席会议委员15人,实到13人,缺席2人。", [
            "15人|count=15 unit=人 role=expected", "13人|count=13 unit=人 role=attendance", "2人|count=2 unit=人 role=absent"]),
        ("应到21人,实到19人,请假2人。", [
            "21人|count=21 unit=人 role=expected", "19人|count=19 unit=人 role=attendance", "2人|count=2 unit=人 role=absent"]),
        ("3人请假", ["3人|count=3 unit=人 role=absent"]),
        ("2名委员缺席", ["2名|count=2 unit=名 role=absent"]),
        ("出席会议的有30人", ["30人|count=30 unit=人 role=attendance"]),
        ("列席5人", ["5人|count=5 unit=人 role=attendance"]),
        ("与会代表120余人", ["120余人|count=120 unit=人 approximate qualifier=余 role=attendance"]),
        ("共43人参加", ["43人|count=43 unit=人 role=attendance"]),
        ("未参加培训的8人", ["8人|count=8 unit=人 role=absent"]),
        ("应参会人员40名", ["40名|count=40 unit=名 role=expected"]),
        // Negatives: no role word in the clause.
        ("新增33人,调出4人", ["33人|count=33 unit=人", "4人|count=4 unit=人"]),
        ("参加培训。另有20人", ["20人|count=20 unit=人"]),
    ]

    /// Vague counts, checked by hand (see the money table for the rule).
    static let vague: [(String, [String])] = [
        ("数十人受伤", ["数十人|count=10 unit=人 approximate qualifier=数"]),
        ("几十名干部", ["几十名|count=10 unit=名 approximate qualifier=几"]),
        ("十几位专家", ["十几位|count=10 unit=位 approximate qualifier=几"]),
        ("二十几人", ["二十几人|count=20 unit=人 approximate qualifier=几"]),
        ("近百人", ["近百人|count=100 unit=人 approximate qualifier=近"]),
        ("上千名群众", ["上千名|count=1000 unit=名 approximate qualifier=上"]),
        ("数百名志愿者", ["数百名|count=100 unit=名 approximate qualifier=数"]),
        ("百余人", ["百余人|count=100 unit=人 approximate qualifier=余"]),
        ("千余人次", ["千余人次|count=1000 unit=人次 approximate qualifier=余"]),
        ("万余人", ["万余人|count=10000 unit=人 approximate qualifier=余"]),
        ("三四十人", ["三四十人|count=30 countMax=40 unit=人"]),
        ("一二十人", ["一二十人|count=10 countMax=20 unit=人"]),
        ("十一二人", ["十一二人|count=11 countMax=12 unit=人"]),
        ("三十四五人", ["三十四五人|count=34 countMax=35 unit=人"]),
        ("两三百名", ["两三百名|count=200 countMax=300 unit=名"]),
        ("约三四十人", ["约三四十人|count=30 countMax=40 unit=人 approximate qualifier=约"]),
        // Negatives: programme names, no unit, a word that only looks like a qualifier.
        ("百人计划", []),
        ("千人计划入选者", []),
        ("百姓", []),
        ("几个人", []),
        ("三四月份", []),
        ("五六年前", []),
        ("十几年来", []),
        ("万一有人", []),
    ]

    @Test(arguments: vague)
    func vagueCounts(_ input: String, _ expected: [String]) {
        #expect(extracted(input, kind: .personCount) == expected)
    }

    @Test(arguments: roles)
    func role(_ input: String, _ expected: [String]) {
        #expect(extracted(input, kind: .personCount) == expected)
    }
}
