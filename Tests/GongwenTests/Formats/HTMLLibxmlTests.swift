import Foundation
import Testing
@testable import Gongwen
@testable import GongwenFormats

@Suite("HTML through libxml2") struct HTMLLibxmlTests {
    @Test func governmentPageTextAndMainContent() throws {
        let page = HTMLTree.extract(BatchFixture.gb18030(BatchFixture.htmlPage))
        #expect(page.encoding == "GB18030")
        let text = page.text
        #expect(!text.contains("不应出现"))
        #expect(!text.contains("<"))
        #expect(text.contains("首页 > 通知公告 > 正文"))
        #expect(text.contains("各区县科技局："))
        #expect(text.contains("经费548.74万元&配套资金"))
        #expect(text.contains("中文材料"))
        #expect(text.contains("\n一、申报范围"), "nbsp indentation dropped at line start")
        #expect(text.contains("二、工作要求\n请于2020年5月11日前"), "<br> is a line break")
        #expect(text.contains("联系人 张三"))
        #expect(!text.contains("\n\n\n"))
        // The same text the hand-written tokenizer gives.
        #expect(text == HTMLText.extract(BatchFixture.gb18030(BatchFixture.htmlPage)).text)
        let main = try #require(page.main)
        let mainText = String(String.UnicodeScalarView(Array(text.unicodeScalars)[main]))
        #expect(mainText.hasPrefix("关于开展科技项目申报工作的通知"))
        #expect(mainText.contains("2020年5月12日"))
        #expect(!mainText.contains("首页"))
        #expect(!mainText.contains("版权所有"))
    }

    @Test func charsetsAndBOM() {
        #expect(HTMLTree.extract(Array(#"<html><head><meta charset="gbk"></head><body><p>遂宁市科学技术局</p></body></html>"#.utf8)).text == "遂宁市科学技术局\n")
        let big5 = HTMLTree.extract(BatchFixture.big5(#"<html><head><meta charset="big5"></head><body><p>關於開展工作的通知</p></body></html>"#))
        #expect(big5.text == "關於開展工作的通知\n")
        #expect(big5.encoding == "Big5")
        let gbk = HTMLTree.extract(BatchFixture.gb18030(#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><div>科技局通知</div></body></html>"#))
        #expect(gbk.text == "科技局通知\n")
        #expect(gbk.encoding == "GB18030")
        let bom = HTMLTree.extract([0xEF, 0xBB, 0xBF] + Array(#"<html><meta charset="gbk"><p>通知</p></html>"#.utf8))
        #expect(bom.text == "通知\n")
        #expect(bom.encoding == "UTF-8")
    }

    @Test func entitiesByLibxml2() {
        let page = HTMLTree.extract(text: "<p>a&lt;b&gt;c &quot;d&quot; &#39;e&#39; &#x4E2D;&#25991; &copy; &amp;amp; AT&T &hellip;&mdash;&ldquo;x&rdquo; &Omega;&frac12;</p>")
        #expect(page.text == "a<b>c \"d\" 'e' 中文 © &amp; AT&T …—“x” Ω½\n")
    }

    @Test func brokenMarkup() {
        // Unclosed paragraphs, stray end tags, an unclosed attribute quote's neighbour, implied tables.
        let page = HTMLTree.extract(text: "<div><p>第一段<p>第二段</span></b><table><td>甲<td>乙</table><li>一<li>二</div></div></div><p>末段")
        #expect(page.text == "第一段\n第二段\n甲 乙\n一\n二\n末段\n")
        let unclosed = HTMLTree.extract(text: "<p>第一段<script>var x = '<p>不应出现</p>';")
        #expect(unclosed.text == "第一段\n")
    }

    /// A navigation block before the article used to become the title (the first line that looked
    /// like one); the title is the content's own.
    @Test func navigationBeforeContentIsNotTheTitle() throws {
        let html = """
        <html><head><meta charset="utf-8"></head><body>
        <div class="top-nav"><a>政务公开信息</a></div>
        <div class="lanmu-title">通知公告栏目</div>
        <div class="article">
        <h2 class="title">关于开展科技项目申报工作的通知</h2>
        <div class="TRS_Editor"><p>各区县科技局：</p><p>一、申报范围。经费548.74万元，由各区县科技局组织申报，共43人参加评审工作会议。</p>
        <p>二、工作要求。请于2020年5月11日前报送材料，逾期不予受理，特此通知各有关单位知悉并遵照执行。</p></div>
        </div></body></html>
        """
        let page = HTMLTree.extract(Array(html.utf8))
        let main = try #require(page.main)
        let options = ParseOptions(path: "page.html", format: .html)
        var document = GongwenParser(options: options).parse(page.text)
        HTMLMainContent.apply(main, to: &document, options: options)
        #expect(document.title == "关于开展科技项目申报工作的通知", "\(page.text)")
        var chrome: [String] = []
        document.walk { node, _ in
            if case .boilerplate(let b) = node, b.kind == .pageChrome { chrome.append(b.text) }
            return true
        }
        #expect(chrome.contains("政务公开信息"))
        #expect(chrome.contains("通知公告栏目"))
        #expect(document.entities.contains { $0.kind == .money && $0.text == "548.74万元" })
    }

    /// Deep unclosed `<div>`s and thousands of end tags that close nothing: the pre-scan bounds the
    /// depth libxml2 sees and drops what closes nothing, so n and 8n inputs cost the same per tag
    /// (counted, not timed: the tags left out grow linearly and the text is kept).
    @Test(arguments: [1000, 8000]) func tagSoupStaysBounded(n: Int) {
        let deep = String(repeating: "<div>文", count: n) + String(repeating: "</span>", count: n) + "<p>末段</p>"
        let (page, dropped) = HTMLTree.extractCounting(text: deep)
        // Every stray end tag, every open tag past the depth bound, and the last <p> with its end tag.
        #expect(dropped == n + (n - Int(HTMLTree.maxDepth)) + 2)
        #expect(page.text.unicodeScalars.filter { $0 == "文" }.count == n, "no text lost")
        #expect(page.text.hasSuffix("末段\n"))
        let start = DispatchTime.now().uptimeNanoseconds
        _ = HTMLTree.extract(text: deep)
        print("HTML tag soup n=\(n): \(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6) ms")
    }
}
