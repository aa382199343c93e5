import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// OFD (GB/T 33190) → `PagedText`: the zip's `OFD.xml` names the document, its `Document.xml`
/// lists the pages, and each page's `Content.xml` holds text objects (`TextObject` with a
/// `Boundary`, `TextCode` runs with `X`, `Y`, `DeltaX`), read in order and laid out like a PDF's
/// words. Template pages, annotations and signatures are not read; a `CTM` transform on a text
/// object is ignored (its boundary places it).
public enum OFDReader {
    /// A zip whose first member is `OFD.xml`, or that names `OFD.xml` in its first 64 KiB.
    public static func sniff(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) && HTMLText.find(Array("OFD.xml".utf8), in: Array(bytes.prefix(1 << 16)), from: 0) != nil
    }

    /// Reads an OFD held in memory. Members are bounded like archive members (`maxMemberBytes`,
    /// `maxRatio`, and their total by `maxMemberBytes` too). Throws `FormatReadFailure`:
    /// `unreadable`, `archive-bomb`, `too-large`, `no-text-layer`.
    public static func read(bytes: [UInt8], limits: PagedReadLimits = PagedReadLimits(), maxMemberBytes: Int = 64 << 20,
                            maxRatio: Int = 1000) throws(FormatReadFailure) -> PagedText {
        let archive: Archive
        do { archive = try Archive(data: Data(bytes), accessMode: .read) } catch {
            throw FormatReadFailure(BatchErrorCode.unreadable, "not a readable OFD (zip): \(error)")
        }
        var budget = maxMemberBytes
        func member(_ path: String) throws(FormatReadFailure) -> [UInt8] {
            guard let entry = archive[path] ?? archive.first(where: { $0.path.lowercased() == path.lowercased() }) else {
                throw FormatReadFailure(BatchErrorCode.unreadable, "the OFD has no \(path)")
            }
            do {
                let data = try ZipReading.read(entry, from: archive, limits: ZipLimits(maxBytes: budget, maxRatio: maxRatio), name: path)
                budget -= data.count
                return data
            } catch let f as BatchFailure {
                throw FormatReadFailure(f.code, "\(path): \(f.message)")
            } catch {
                throw FormatReadFailure(BatchErrorCode.unreadable, "\(path): \(error)")
            }
        }
        let root = try parse(try member("OFD.xml"), name: "OFD.xml")
        guard let docRoot = root.firstText(of: "DocRoot") else { throw FormatReadFailure(BatchErrorCode.unreadable, "OFD.xml names no DocRoot") }
        let documentPath = resolve(docRoot, relativeTo: "")
        let document = try parse(try member(documentPath), name: documentPath)
        let folder = documentPath.split(separator: "/").dropLast().joined(separator: "/")
        let defaultBox = document.firstText(of: "PhysicalBox").flatMap(box) ?? [0, 0, 210, 297]
        let pageLocations = document.pageLocations
        if pageLocations.count > limits.maxPages {
            throw FormatReadFailure(BatchErrorCode.tooLarge, "\(pageLocations.count) pages, over the limit of \(limits.maxPages)")
        }
        let started = DispatchTime.now().uptimeNanoseconds
        var pages: [PlacedPage] = []
        for (index, location) in pageLocations.enumerated() {
            if Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 > limits.maxSeconds {
                throw FormatReadFailure(BatchErrorCode.tooLarge, "reading took over \(Int(limits.maxSeconds)) s (stopped at page \(index + 1))")
            }
            let path = resolve(location, relativeTo: folder)
            let content = try parse(try member(path), name: path)
            let area = content.firstText(of: "PhysicalBox").flatMap(box) ?? defaultBox
            pages.append(PlacedPage(width: area[2], height: area[3], words: content.words))
        }
        guard pages.contains(where: { !$0.words.isEmpty }) else {
            throw FormatReadFailure(FormatReadFailure.noTextLayer, "the OFD has no text objects (\(pages.count) page\(pages.count == 1 ? "" : "s"), images only?); OCR is not supported")
        }
        return PageLayout.assemble(pages)
    }

    /// `Pages/Page_0/Content.xml` against the document folder; a leading `/` is the package root.
    static func resolve(_ location: String, relativeTo folder: String) -> String {
        let trimmed = location.trimmingCharacters(in: .whitespacesAndNewlines)
        var parts: [Substring] = trimmed.hasPrefix("/") ? [] : folder.split(separator: "/")
        for part in trimmed.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    static func box(_ s: String) -> [Double]? {
        let v = s.split(whereSeparator: { $0 == " " || $0 == "," || $0.isNewline }).compactMap { Double($0) }
        return v.count == 4 && v[2] > 0 && v[3] > 0 ? v : nil
    }

    /// `DeltaX="g 3 5.6 2.8"`: advances, `g N d` repeating `d` N times (bounded by `count`).
    static func advances(_ s: String, count: Int) -> [Double] {
        let tokens = s.split(whereSeparator: { $0 == " " || $0.isNewline })
        var out: [Double] = []
        var k = 0
        while k < tokens.count, out.count < count {
            if tokens[k] == "g", k + 2 < tokens.count, let n = Int(tokens[k + 1]), let d = Double(tokens[k + 2]) {
                out += Array(repeating: d, count: max(0, min(n, count - out.count)))
                k += 3
            } else {
                if let d = Double(tokens[k]) { out.append(d) }
                k += 1
            }
        }
        return out
    }

    private static func parse(_ bytes: [UInt8], name: String) throws(FormatReadFailure) -> OFDXML {
        // OFD never needs a DTD; refusing one rules out entity-expansion bombs.
        if HTMLText.find(Array("<!DOCTYPE".utf8), in: bytes, from: 0) != nil || HTMLText.find(Array("<!ENTITY".utf8), in: bytes, from: 0) != nil {
            throw FormatReadFailure(BatchErrorCode.unreadable, "\(name) declares a DTD, which OFD does not use")
        }
        let delegate = OFDXML()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse() else {
            throw FormatReadFailure(BatchErrorCode.unreadable, "\(name) is not well-formed XML (line \(parser.lineNumber))")
        }
        return delegate
    }
}

/// What the reader needs from one OFD XML part.
final class OFDXML: NSObject, XMLParserDelegate {
    private(set) var texts: [String: [String]] = [:]
    private(set) var pageLocations: [String] = []
    private(set) var words: [PlacedWord] = []
    private var path: [String] = []
    private var buffer = ""
    private var boundary: [Double] = [0, 0, 0, 0]
    private var size = 3.5
    private var code: (x: Double, y: Double, deltaX: String)?
    private static let kept: Set<String> = ["DocRoot", "PhysicalBox"]

    func firstText(of element: String) -> String? { texts[element]?.first }

    private static func local(_ name: String) -> String {
        name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        let name = Self.local(elementName)
        path.append(name)
        buffer = ""
        switch name {
        case "Page" where path.count >= 2 && path[path.count - 2] == "Pages":
            if let loc = attributes["BaseLoc"] { pageLocations.append(loc) }
        case "TextObject":
            boundary = attributes["Boundary"].flatMap { s in
                let v = s.split(separator: " ").compactMap { Double($0) }
                return v.count == 4 ? v : nil
            } ?? [0, 0, 0, 0]
            size = attributes["Size"].flatMap(Double.init).map { $0 > 0 ? $0 : 3.5 } ?? 3.5
        case "TextCode":
            code = (attributes["X"].flatMap(Double.init) ?? 0, attributes["Y"].flatMap(Double.init) ?? size, attributes["DeltaX"] ?? "")
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if code != nil || Self.kept.contains(path.last ?? "") { buffer += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let name = Self.local(elementName)
        if name == "TextCode", let c = code {
            let text = buffer
            let n = text.unicodeScalars.count
            if n > 0, !text.allSatisfy(\.isWhitespace) {
                let deltas = OFDReader.advances(c.deltaX, count: n - 1)
                let width = deltas.isEmpty ? Double(n) * size : deltas.reduce(0, +) + size
                let x0 = boundary[0] + c.x, baseline = boundary[1] + c.y
                words.append(PlacedWord(text: text, x0: x0, y0: baseline - size * 0.88, x1: x0 + width, y1: baseline + size * 0.12, spaceAfter: false))
            }
            code = nil
        } else if Self.kept.contains(name) {
            texts[name, default: []].append(buffer.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        buffer = ""
        _ = path.popLast()
    }
}
