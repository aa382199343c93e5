import Foundation
import Testing
import ZIPFoundation
@testable import Gongwen
import GongwenTestSupport
@testable import GongwenFormats
import GongwenTestSupport

/// Builds inputs as people have them, in a fresh temporary folder.
struct BatchFixture {
    let root: String

    init(_ name: String = #function) throws {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        root = NSTemporaryDirectory() + "gongwen-batch-\(safe)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    func path(_ rel: String) -> String { root + "/" + rel }

    func write(_ rel: String, _ bytes: [UInt8]) throws {
        let p = path(rel)
        try FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: p))
    }

    func read(_ rel: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(rel)))) }

    func symlink(_ rel: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path(rel), withDestinationPath: target)
    }

    // MARK: Content

    static let notice = """
    关于开展2020年度科技项目申报工作的通知
    遂科技党组〔2020〕20号
    各区县科技局：
    一、申报范围
    （一）支持方向。2020年5月11日前完成申报，共43人参加培训，经费548.74万元。
    （二）工作要求
    1.提高思想认识。
    遂宁市科学技术局
    2020年5月12日
    """

    static let traditional = "關於開展科技項目申報工作的通知\n一、申報範圍\n本次會議共有四十人參加，經費二千萬元。\n"

    static func utf16LE(_ s: String) -> [UInt8] {
        var out: [UInt8] = [0xFF, 0xFE]
        for u in s.utf16 { out += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        return out
    }

    static func gb18030(_ s: String) -> [UInt8] { LegacyEncoding.encode(s, as: "GB18030")! }
    static func big5(_ s: String) -> [UInt8] { LegacyEncoding.encode(s, as: "Big5")! }

    /// A government page: GBK with `<meta charset>`, navigation around the article, script and style.
    static let htmlPage = """
    <!DOCTYPE html>
    <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
    <title>关于开展科技项目申报工作的通知_遂宁市科学技术局</title>
    <style>.x { color: red; } 不应出现</style>
    <script>var s = "<p>不应出现的脚本</p>";</script>
    </head><body>
    <div class="nav">首页 &gt; 通知公告 &gt; 正文</div>
    <div class="menu"><ul><li>机构设置</li><li>政务公开</li><li>办事服务</li></ul></div>
    <h1 class="title">关于开展科技项目申报工作的通知</h1>
    <div id="zoom" class="TRS_Editor">
    <p>各区县科技局&#xFF1A;</p>
    <p>&nbsp;&nbsp;一、申报范围。经费548.74万元&amp;配套资金，共43人参加。</p>
    <p>二、工作要求<br>请于2020年5月11日前报送&#20013;&#x6587;材料。</p>
    <table><tr><td>联系人</td><td>张三</td></tr></table>
    <p>遂宁市科学技术局</p><p>2020年5月12日</p>
    </div>
    <div class="footer">版权所有 遂宁市科学技术局 网站标识码 5109000001</div>
    </body></html>
    """

    /// A `.docx` with a numbered list (`一、` from numbering.xml) and a plain paragraph.
    static func docx() throws -> [UInt8] {
        let document = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
        <w:p><w:r><w:t>关于开展科技项目申报工作的通知</w:t></w:r></w:p>
        <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>申报范围</w:t></w:r></w:p>
        <w:p><w:r><w:t xml:space="preserve">经费548.74万元，</w:t></w:r><w:r><w:t>共43人参加&amp;培训。</w:t></w:r><w:r><w:tab/><w:t>附</w:t></w:r></w:p>
        <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>工作要求</w:t></w:r></w:p>
        <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>统一思想</w:t></w:r></w:p>
        <w:p><w:r><w:delText>删除的文字</w:delText></w:r><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>
        </w:body></w:document>
        """
        let numbering = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        </w:numbering>
        """
        return try zip([
            ("[Content_Types].xml", Array("<Types/>".utf8)),
            ("word/document.xml", Array(document.utf8)),
            ("word/numbering.xml", Array(numbering.utf8)),
        ])
    }

    /// A zip built in memory (deflated, fixed dates so the bytes are reproducible).
    static func zip(_ members: [(String, [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, bytes) in members {
            let data = Data(bytes)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: Date(timeIntervalSince1970: 1_600_000_000), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return [UInt8](archive.data!)
    }

    static let binary: [UInt8] = (0..<4096).map { UInt8(truncatingIfNeeded: ($0 &* 7919) ^ ($0 >> 3)) }

    /// The members every archive fixture holds, and what each must become.
    static func members(oversize: Int) throws -> [(name: String, bytes: [UInt8], expect: String)] {
        [
            ("utf8.txt", Array(notice.utf8), "UTF-8"),
            ("gbk.txt", gb18030(notice), "GB18030"),
            ("big5.txt", big5(traditional), "Big5"),
            ("utf16.txt", utf16LE(notice), "UTF-16LE"),
            ("page.html", gb18030(htmlPage), "html"),
            ("report.docx", try docx(), "docx"),
            ("empty.txt", [], "error:empty"),
            ("junk.bin", binary, "error:unsupported-format"),
            // A PDF cut off after its header: poppler is asked, and it cannot be read.
            ("scan.pdf", Array("%PDF-1.4\n%âãÏÓ\n1 0 obj\n".utf8), "error:unreadable"),
            ("big.txt", Array(String(repeating: "遂宁市科学技术局关于开展工作的通知。\n", count: oversize / 50 + 1).utf8), "error:too-large"),
            ("sub/deeper/nested.txt", Array(notice.utf8), "UTF-8"),
        ]
    }

    static let maxBytes = 16 * 1024

    /// A folder with loose files, a zip, a tar.gz, a tar, nested folders and symbolic link loops.
    /// Returns the expectation for every input path relative to `root`.
    func buildCorpus() throws -> [String: String] {
        var expect: [String: String] = [:]
        let members = try Self.members(oversize: Self.maxBytes)
        for m in members {
            try write("corpus/loose/" + m.name, m.bytes)
            expect["corpus/loose/" + m.name] = m.expect
        }
        try write("corpus/archives/bundle.zip", try Self.zip(members.map { ($0.name, $0.bytes) }))
        let tar = TarWriter.archive(members.map { ($0.name, $0.bytes) } + [(String(repeating: "长", count: 40) + ".txt", Array(Self.notice.utf8))])
        try write("corpus/archives/bundle.tar.gz", try GzipWriter.compress(tar))
        try write("corpus/archives/plain.tar", TarWriter.archive([("a.txt", Array(Self.notice.utf8))]))
        for m in members {
            expect["corpus/archives/bundle.zip!/" + m.name] = m.expect
            expect["corpus/archives/bundle.tar.gz!/" + m.name] = m.expect
        }
        expect["corpus/archives/bundle.tar.gz!/" + String(repeating: "长", count: 40) + ".txt"] = "UTF-8"
        expect["corpus/archives/plain.tar!/a.txt"] = "UTF-8"
        // A link back up the tree, and a link to itself.
        try symlink("corpus/loose/sub/loop", to: "..")
        expect["corpus/loose/sub/loop"] = "error:symlink-loop"
        try symlink("corpus/loose/self", to: "self")
        expect["corpus/loose/self"] = "error:symlink-loop"
        // Hidden files and OS litter are not inputs.
        try write("corpus/.hidden.txt", Array(Self.notice.utf8))
        try write("corpus/loose/.DS_Store", [0, 0, 0, 1])
        return expect
    }
}

/// Records of a JSON Lines output, parsed.
struct OutputRecords {
    let lines: [[String: Any]]

    init(_ bytes: [UInt8]) throws {
        var out: [[String: Any]] = []
        for line in bytes.split(separator: 10, omittingEmptySubsequences: false) where !line.isEmpty {
            out.append(try JSONSerialization.jsonObject(with: Data(line)) as! [String: Any])
        }
        lines = out
    }

    static func path(_ r: [String: Any]) -> String? { (r["source"] as? [String: Any])?["path"] as? String }
    static func code(_ r: [String: Any]) -> String? { (r["error"] as? [String: Any])?["code"] as? String }
    static func source(_ r: [String: Any]) -> [String: Any] { r["source"] as? [String: Any] ?? [:] }
}

/// Crash isolation in tests: workers are the `gongwen` binary beside the test bundle, with the
/// test-only fault markers switched on (a worker traps, hangs or grows on bytes holding them).
enum IsolationFixture {
    static let crash = "GONGWEN-TEST-CRASH-7f3a"
    static let hang = "GONGWEN-TEST-HANG-7f3a"
    static let oom = "GONGWEN-TEST-OOM-7f3a"

    /// Worker processes for `options`, or nil when the binary is not built.
    static func isolation(timeout: Double = 60, maxMemory: Int = WorkerIsolation.defaultMaxMemory) -> WorkerIsolation? {
        guard let binary = CLITests.binary else { return nil }
        // Only workers read this, and only inputs holding a marker are affected.
        setenv("GONGWEN_TEST_FAULTS", "crash=\(crash),hang=\(hang),oom=\(oom)", 1)
        return WorkerIsolation(command: [binary.path, "worker"], timeout: timeout, maxMemory: maxMemory)
    }

    static func options(jobs: Int, resume: Bool = false, timeout: Double = 60, maxMemory: Int = WorkerIsolation.defaultMaxMemory) throws -> BatchOptions {
        var options = BatchOptions(jobs: jobs, maxBytes: BatchFixture.maxBytes, resume: resume)
        options.isolation = try #require(isolation(timeout: timeout, maxMemory: maxMemory), "the gongwen binary is not beside the test bundle")
        return options
    }
}
