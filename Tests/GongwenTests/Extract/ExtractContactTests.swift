import Testing
@testable import Gongwen

struct ExtractContactTests {
    static let cases: [(String, [String])] = [
        ("电话0825-2655068;邮政", ["0825-2655068|number=0825-2655068"]),
        ("手机13800138000,", ["13800138000|number=13800138000"]),
        ("(0825)2655068", ["(0825)2655068|number=0825-2655068"]),
        ("传真:2655068", ["2655068|number=2655068"]),
        ("共2655068元", []),
        ("028-86123456-801", ["028-86123456-801|number=028-86123456-801"]),
        ("热线400-800-1234", ["400-800-1234|number=400-800-1234"]),
        ("12345678901234", []),
        ("20200101", []),
        ("0825-2655068 和 0825-2655069", ["0825-2655068|number=0825-2655068", "0825-2655069|number=0825-2655069"]),
        ("12800138000", []),
        ("0825-26550", []),
        ("2016-05-11", []),
        ("电话: 0825-2655068", ["0825-2655068|number=0825-2655068"]),
        ("\n0825-2655068\n", ["0825-2655068|number=0825-2655068"]),
        ("号码13800138000a", []),
        ("138001380001", []),
        ("v1.13800138000", []),
        ("电话:08252655068", ["08252655068|number=08252655068"]),
    ]
    static let emails: [(String, [String])] = [
        ("电子邮箱:85698044@qq.com", ["85698044@qq.com|address=85698044@qq.com"]),
        ("a.b-c@gov.cn。", ["a.b-c@gov.cn|address=a.b-c@gov.cn"]),
        ("@qq.com", []),
        ("user@localhost", []),
        ("x@y.c", []),
        ("邮箱name@sub.domain.gov.cn,欢迎", ["name@sub.domain.gov.cn|address=name@sub.domain.gov.cn"]),
        ("123@qq.com.cn", ["123@qq.com.cn|address=123@qq.com.cn"]),
        ("kjj@suining.gov.cn.", ["kjj@suining.gov.cn|address=kjj@suining.gov.cn"]),
        ("邮箱:kjj_office@163.com;电话", ["kjj_office@163.com|address=kjj_office@163.com"]),
        ("a@b@c.com", ["b@c.com|address=b@c.com"]),
        ("first.last+tag@example.org", ["first.last+tag@example.org|address=first.last+tag@example.org"]),
        ("\nabc@qq.com\n", ["abc@qq.com|address=abc@qq.com"]),
    ]

    @Test(arguments: cases)
    func phone(_ input: String, _ expected: [String]) {
        #expect(extracted(input, kind: .phone) == expected)
    }

    @Test(arguments: emails)
    func email(_ input: String, _ expected: [String]) {
        #expect(extracted(input, kind: .email) == expected)
    }
}
