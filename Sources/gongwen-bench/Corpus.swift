import Foundation
import Gongwen
import GongwenTestSupport

/// One input document as the parser receives it.
struct Doc {
    let name: String
    let bytes: [UInt8]
    /// UTF-8 size of the decoded text: what throughput is measured in.
    let utf8: Int
    let encoding: String
}

struct Seed {
    let name: String
    let bytes: [UInt8]
    let text: String
}

enum Corpus {
    static func readSeeds(_ dir: String) throws -> [Seed] {
        let fm = FileManager.default
        let names = try fm.contentsOfDirectory(atPath: dir).sorted()
        var seeds: [Seed] = []
        for n in names where !n.hasPrefix(".") {
            let path = dir + "/" + n
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue,
                  let data = fm.contents(atPath: path), !data.isEmpty else { continue }
            let bytes = [UInt8](data)
            seeds.append(Seed(name: n, bytes: bytes, text: StageProbe.decode(bytes)))
        }
        return seeds
    }

    /// The seeds replicated to `targetBytes` of UTF-8 input, plus the synthetic stress documents.
    /// Deterministic: the same arguments give the same corpus, byte for byte.
    static func build(_ seeds: [Seed], targetBytes: Int, quick: Bool) -> (docs: [Doc], synthetic: [Doc]) {
        var synthetic: [Doc] = []
        func utf8(_ name: String, _ text: String) -> Doc {
            let b = Array(text.utf8)
            return Doc(name: name, bytes: b, utf8: b.count, encoding: "UTF-8")
        }
        // 1. A very long single document: the seeds back to back, as one file.
        let longTarget = quick ? 1 << 20 : 6 << 20
        synthetic.append(utf8("synthetic/long", joined(seeds.map(\.text), toAtLeast: longTarget)))
        // 2. Dense in markers and entities: every line a section heading full of facts.
        synthetic.append(utf8("synthetic/dense", dense(lines: quick ? 1500 : 12000)))
        // 3. GB18030-encoded: all seeds, then the long-ish mix, in GB18030.
        let gbText = joined(seeds.map(\.text), toAtLeast: quick ? 256 << 10 : 1 << 20)
        if let gb = LegacyEncoding.encode(gbText, as: "GB18030") {
            synthetic.append(Doc(name: "synthetic/gb18030", bytes: gb, utf8: gbText.utf8.count, encoding: "GB18030"))
        }
        for s in seeds {
            if let gb = LegacyEncoding.encode(s.text, as: "GB18030") {
                synthetic.append(Doc(name: "synthetic/gb18030-\(s.name)", bytes: gb, utf8: s.text.utf8.count,
                                     encoding: "GB18030"))
            }
        }
        // 4. Full-width ASCII throughout (ＡＢＣ１２３，（一）): every line needs NFKC folding.
        synthetic.append(utf8("synthetic/fullwidth", fullWidth(joined(seeds.map(\.text), toAtLeast: quick ? 256 << 10 : 1 << 20))))

        var docs = synthetic
        var total = synthetic.reduce(0) { $0 + $1.utf8 }
        var copy = 0
        while total < targetBytes {
            for s in seeds {
                docs.append(Doc(name: "copy\(copy)/\(s.name)", bytes: s.bytes, utf8: s.text.utf8.count, encoding: "UTF-8"))
                total += s.text.utf8.count
            }
            copy += 1
        }
        return (docs, synthetic)
    }

    static func joined(_ texts: [String], toAtLeast target: Int) -> String {
        var out = ""
        var k = 0
        while out.utf8.count < target && !texts.isEmpty {
            if !out.isEmpty { out += "\n" }
            out += texts[k % texts.count]
            k += 1
        }
        return out
    }

    /// `n` copies of the text, one after another, separated by a line break (the scaling check).
    static func repeated(_ text: String, _ n: Int) -> String {
        Array(repeating: text, count: n).joined(separator: "\n")
    }

    static func fullWidth(_ s: String) -> String {
        var v = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            if (0x21...0x7E).contains(c.value) { v.append(Unicode.Scalar(c.value + 0xFEE0)!) } else { v.append(c) }
        }
        return String(v)
    }

    static let numerals = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// 1…99 in Chinese numerals, as section markers write them.
    static func chinese(_ n: Int) -> String {
        if n < 10 { return numerals[n] }
        let tens = n / 10, ones = n % 10
        return (tens == 1 ? "" : numerals[tens]) + "十" + (ones == 0 ? "" : numerals[ones])
    }

    /// A document made of nothing but numbered headings and facts: the worst case for the outline
    /// builder and the extractors. Deterministic.
    static func dense(lines: Int) -> String {
        var out = "关于进一步加强财政资金管理工作的通知\n遂科技党组〔2020〕20号\n各县(区)科技局,市级各部门:\n"
        var level1 = 0, level2 = 0, level3 = 0, level4 = 0
        for i in 0..<lines {
            let year = 2015 + i % 8, month = 1 + i % 12, day = 1 + i % 28
            let amount = "\(100 + i % 900).\(10 + i % 90)"
            switch i % 8 {
            case 0:
                level1 += 1; level2 = 0
                out += "\(chinese(1 + (level1 - 1) % 99))、关于第\(chinese(1 + i % 9))阶段重点任务落实情况\n"
            case 1, 4:
                level2 += 1; level3 = 0
                out += "(\(chinese(1 + (level2 - 1) % 99)))统一思想认识,立即部署。\(year)年\(month)月\(day)日至\(year)年\(month)月\(min(day + 1, 28))日,共计\(40 + i % 60)余人参加,安排资金\(amount)万元。\n"
            case 2, 5:
                level3 += 1; level4 = 0
                out += "\(level3).依据《甘肃省促进科技成果转化条例》和《关于<遂宁市专利权质押融资实施方案>的通知》(遂科技发〔\(year)〕\(1 + i % 40)号),人均\(300 + i % 100).5元/人,同比增长\(i % 50).\(i % 10)%,\(month)月\(day)日下午召开会议。\n"
            case 3, 6:
                level4 += 1
                out += "(\(level4))一是\(month)月底前完成;二是“十二五”期间投入人民币伍拾万元整;三是由\(100 + i % 50)人调整为\(130 + i % 50)人,个别谈话\(50 + i % 20)人次,联系电话0825-\(2_220_000 + i)。\n"
            default:
                out += "问题\(1 + i % 30).第二季度支出\(1 + i % 9).\(i % 10)亿元,较上年提高\(i % 7)个百分点,截至20xx年xx月xx日由XXX负责,\(day).\(month < 10 ? "0" : "")\(month).\(year)  11:24发布。\n"
            }
        }
        out += "附件:1.资金安排表\n中共遂宁市科学技术局党组\n二〇二一年一月二十五日\n"
        return out
    }
}
