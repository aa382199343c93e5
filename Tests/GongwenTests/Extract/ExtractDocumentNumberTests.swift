import Testing
@testable import Gongwen

struct ExtractDocumentNumberTests {
    static let cases: [(String, [String])] = [
        ("工作方案》(遂科技党组[2020]20号),明确", ["遂科技党组[2020]20号|issuer=遂科技党组 year=2020 serial=20"]),
        ("国办发(2012)12号", ["国办发(2012)12号|issuer=国办发 year=2012 serial=12"]),
        ("根据国办发[2012]12号文件", ["国办发[2012]12号|issuer=国办发 year=2012 serial=12"]),
        ("印发了川府发[2021]3号", ["川府发[2021]3号|issuer=川府发 year=2021 serial=3"]),
        ("中发[2019]第5号", ["中发[2019]第5号|issuer=中发 year=2019 serial=5"]),
        ("按照京政办发[2018]25号要求", ["京政办发[2018]25号|issuer=京政办发 year=2018 serial=25"]),
        ("见国发[2016]43号和国发[2016]44号", ["国发[2016]43号|issuer=国发 year=2016 serial=43", "国发[2016]44号|issuer=国发 year=2016 serial=44"]),
        ("[2020]20号", []),
        ("国发[20]20号", []),
        ("国发[2020]号", []),
        ("国发[2020]20", []),
        ("国发(1800)3号", []),
        ("\n川科党[2022]1号\n", ["川科党[2022]1号|issuer=川科党 year=2022 serial=1"]),
        ("川科党 [2022]1号", ["川科党 [2022]1号|issuer=川科党 year=2022 serial=1"]),
        ("中办发[2019]12号、中办发[2019]13号", ["中办发[2019]12号|issuer=中办发 year=2019 serial=12", "中办发[2019]13号|issuer=中办发 year=2019 serial=13"]),
        ("国办发〔2012〕12号", ["国办发〔2012〕12号|issuer=国办发 year=2012 serial=12"]),
        ("国办发【2012】12号", ["国办发【2012】12号|issuer=国办发 year=2012 serial=12"]),
        ("2020年第20号", []),
        ("教高[2019]6号", ["教高[2019]6号|issuer=教高 year=2019 serial=6"]),
        ("财教[2021]85号;", ["财教[2021]85号|issuer=财教 year=2021 serial=85"]),
        ("川委办[2020]15号", ["川委办[2020]15号|issuer=川委办 year=2020 serial=15"]),
        ("国科发政[2016]106号", ["国科发政[2016]106号|issuer=国科发政 year=2016 serial=106"]),
        ("人社部发[2017]12号", ["人社部发[2017]12号|issuer=人社部发 year=2017 serial=12"]),
        ("浙政发[2022]1号,", ["浙政发[2022]1号|issuer=浙政发 year=2022 serial=1"]),
        ("苏办发(2020)7号", ["苏办发(2020)7号|issuer=苏办发 year=2020 serial=7"]),
        ("粤府令[2019]第269号", ["粤府令[2019]第269号|issuer=粤府令 year=2019 serial=269"]),
        ("鲁政字[2021]150号", ["鲁政字[2021]150号|issuer=鲁政字 year=2021 serial=150"]),
        ("第(2020)20号", []),
        ("的遂科技党组[2020]20号文", ["遂科技党组[2020]20号|issuer=遂科技党组 year=2020 serial=20"]),
        ("以国发[2015]1号为", ["国发[2015]1号|issuer=国发 year=2015 serial=1"]),
        ("(国发[2015]1号)", ["国发[2015]1号|issuer=国发 year=2015 serial=1"]),
    ]

    @Test(arguments: cases)
    func documentNumber(_ input: String, _ expected: [String]) {
        #expect(extracted(input, kind: .documentNumber) == expected)
    }

    @Test func noDateInsideDocumentNumber() {
        #expect(extracted("国办发[2012]12号", kind: .date).isEmpty)
        #expect(extracted("国办发[2012]12号", kind: .personCount).isEmpty)
    }
}
