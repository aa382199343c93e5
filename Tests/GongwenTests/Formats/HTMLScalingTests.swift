import Testing
@testable import GongwenFormats

/// HTML extraction does work in proportion to the page, whatever its tag soup: counted in loop
/// steps (`HTMLText.steps`), not seconds, for n and 8n.
@Suite("HTML scaling") struct HTMLScalingTests {
    func steps(_ page: String) -> Int { HTMLText.extract(text: page).steps }

    func expectLinear(_ make: (Int) -> String, n: Int, _ comment: Comment) {
        let small = steps(make(n)), large = steps(make(8 * n))
        #expect(large <= 10 * small, "\(comment): \(small) steps for n, \(large) for 8n")
    }

    @Test func unclosedDivs() {
        expectLinear({ String(repeating: "<div>通知内容", count: $0) }, n: 4000, "unclosed <div> soup")
        expectLinear({ String(repeating: "<div class=\"content\"><p>第一条规定的内容。", count: $0) }, n: 2000, "nested content hints")
    }

    @Test func unmatchedCloseTagsOverADeepStack() {
        expectLinear({ String(repeating: "<div>", count: $0) + "正文" + String(repeating: "</span>", count: $0) }, n: 4000, "unmatched </span>")
        expectLinear({ String(repeating: "<div><span>", count: $0) + "正文" + String(repeating: "</td>", count: $0) }, n: 2000, "unmatched </td>")
    }

    @Test func skippedElementsWithoutEndTags() {
        expectLinear({ String(repeating: "<title>标题", count: $0) }, n: 4000, "unclosed <title>")
        expectLinear({ String(repeating: "<head>头<body>正文", count: $0) }, n: 4000, "repeated <head> and <body>")
        expectLinear({ String(repeating: "<textarea>字", count: $0) }, n: 4000, "unclosed <textarea>")
    }

    @Test func theTextIsStillRight() {
        let page = HTMLText.extract(text: String(repeating: "<div>", count: 100) + "关于开展工作的通知" + String(repeating: "</span>", count: 100))
        #expect(page.text == "关于开展工作的通知\n")
        let titles = HTMLText.extract(text: "<p>第一段</p><title>标题</title><p>第二段</p><title>再一个")
        #expect(titles.text.contains("第一段"))
        #expect(titles.text.contains("第二段"))
        #expect(!titles.text.contains("标题\n第二段"))
    }
}
