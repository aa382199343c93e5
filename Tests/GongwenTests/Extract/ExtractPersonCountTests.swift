import Testing
@testable import Gongwen

struct ExtractPersonCountTests {
    static let cases: [(String, [String])] = [
        ("负责人共43人参加学习会。", ["43人|count=43 unit=人 role=attendance"]),
        ("专家,共计40余人参加培训座谈。", ["40余人|count=40 unit=人 approximate qualifier=余 role=attendance"]),
        ("个别谈话 57人次,调阅", ["57人次|count=57 unit=人次"]),
        ("由101人调整为130人,新增", ["101人|count=101 unit=人", "130人|count=130 unit=人"]),
        ("提拔2名正科职干部", ["2名|count=2 unit=名"]),
        ("四十余人", ["四十余人|count=40 unit=人 approximate qualifier=余"]),
        ("每期培训30-40人。", ["30-40人|count=30 countMax=40 unit=人"]),
        ("规模控制在三十至四十人", ["三十至四十人|count=30 countMax=40 unit=人"]),
        ("共50至60名代表出席会议", ["50至60名|count=50 countMax=60 unit=名 role=attendance"]),
        ("2019-2020年共300人", ["300人|count=300 unit=人"]),
        ("第40-50人", []),
        ("人民群众", []),
        ("个人分管的工作", []),
        ("科技人才", []),
        ("实行1人1档管理", []),
        ("一人一策", []),
        ("获得第一名", []),
        ("排名第3名", []),
        ("约200人", ["约200人|count=200 unit=人 approximate qualifier=约"]),
        ("100人左右", ["100人左右|count=100 unit=人 approximate qualifier=左右"]),
        ("50人以上", ["50人以上|count=50 unit=人 approximate qualifier=以上"]),
        ("2.5万人", ["2.5万人|count=25000 unit=人"]),
        ("1.5人", []),
        ("出席会议的有30人", ["30人|count=30 unit=人 role=attendance"]),
        ("与会人员120余人", ["120余人|count=120 unit=人 approximate qualifier=余 role=attendance"]),
        ("列席会议5人", ["5人|count=5 unit=人 role=attendance"]),
        ("培训党员300人次", ["300人次|count=300 unit=人次"]),
        ("大家都参加,共43人", ["43人|count=43 unit=人"]),
        ("引进硕博以上高层次学历人才388人;", ["388人|count=388 unit=人"]),
        ("每万人发明专利拥有量", []),
        ("签约5人", ["5人|count=5 unit=人"]),
        ("两人", ["两人|count=2 unit=人"]),
        ("3名额", []),
        ("\n43人\n", ["43人|count=43 unit=人"]),
        ("名单", []),
        ("共 43 人", ["43 人|count=43 unit=人"]),
        ("十名次", []),
        ("到会50人", ["50人|count=50 unit=人 role=attendance"]),
        ("45人参会", ["45人|count=45 unit=人 role=attendance"]),
        ("近500名群众", ["近500名|count=500 unit=名 approximate qualifier=近"]),
        ("一名拟提拔对象", ["一名|count=1 unit=名"]),
        ("130名,", ["130名|count=130 unit=名"]),
        ("参加培训。另有20人", ["20人|count=20 unit=人"]),
    ]

    @Test(arguments: cases)
    func personCount(_ input: String, _ expected: [String]) {
        #expect(extracted(input, kind: .personCount) == expected)
    }
}
