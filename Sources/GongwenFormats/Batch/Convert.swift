import Foundation
import Gongwen

/// One input document on its way through the batch.
struct InputItem: Sendable {
    enum Payload: Sendable {
        /// A file on disk, read by the worker.
        case file(String)
        /// Bytes in memory (an archive member, a `--stdin-jsonl` text) with an optional format.
        case bytes([UInt8], format: String?)
        /// Known to be an error before reading (too large, unreadable member, symlink loop …).
        case failure(BatchFailure, format: String)
    }

    /// `source.path`: as given on the command line, `archive.zip!/member` for members.
    var path: String?
    /// `source.id` (`--stdin-jsonl`).
    var id: String?
    /// Relative path for `-o dir/` (without `.json`).
    var mirror: String
    var payload: Payload
}

/// A finished record, ready to write.
struct Record: Sendable {
    var json: [UInt8]
    /// nil for a document.
    var errorCode: String?
    var bytes: Int
    var resumeKey: String
    var mirror: String
}

enum Outcome: Sendable {
    case record(Record)
    /// Already in the output being resumed (the writer confirms and skips it).
    case alreadyDone(key: String, bytes: Int, item: InputItem)
}

/// What the converter made of one input: a document, or why not.
public enum ConversionResult: Sendable {
    case document(Document)
    case failure(source: SourceInfo, code: String, message: String)
}

/// Converts single inputs: format detection, HTML and `.docx` extraction, binary detection.
struct ItemConverter: Sendable {
    let options: BatchOptions

    func outcome(_ item: InputItem, pretty: Bool, resume: ResumeIndex?) -> Outcome {
        switch item.payload {
        case .failure(let failure, let format):
            let source = SourceInfo(path: item.path, id: item.id, encoding: "", bytes: failure.bytes, sha256: "", format: InputFormat(rawValue: format))
            let key = ResumeIndex.key(path: item.path, id: item.id, sha256: "")
            if let resume, resume.contains(key) { return .alreadyDone(key: key, bytes: failure.bytes, item: item) }
            return .record(errorRecord(source: source, failure: failure, item: item, pretty: pretty))
        case .file(let fsPath):
            do {
                let bytes = try FileIO.read(fsPath, limit: options.maxBytes)
                return outcome(bytes: bytes, format: nil, item: item, pretty: pretty, resume: resume)
            } catch let failure as BatchFailure {
                let source = SourceInfo(path: item.path, id: item.id, encoding: "", bytes: failure.bytes, sha256: "", format: InputFormat(rawValue: Formats.label(forName: item.path ?? fsPath)))
                let key = ResumeIndex.key(path: item.path, id: item.id, sha256: "")
                if let resume, resume.contains(key) { return .alreadyDone(key: key, bytes: failure.bytes, item: item) }
                return .record(errorRecord(source: source, failure: failure, item: item, pretty: pretty))
            } catch {
                let failure = BatchFailure(BatchErrorCode.unreadable, "\(error)")
                let source = SourceInfo(path: item.path, id: item.id, encoding: "", bytes: 0, sha256: "", format: "unknown")
                return .record(errorRecord(source: source, failure: failure, item: item, pretty: pretty))
            }
        case .bytes(let bytes, let format):
            if bytes.count > options.maxBytes {
                let failure = BatchFailure(BatchErrorCode.tooLarge, "\(bytes.count) bytes is over the limit of \(options.maxBytes) bytes (--max-bytes)", bytes: bytes.count)
                let source = SourceInfo(path: item.path, id: item.id, encoding: "", bytes: bytes.count, sha256: "", format: InputFormat(rawValue: format ?? "text"))
                return .record(errorRecord(source: source, failure: failure, item: item, pretty: pretty))
            }
            return outcome(bytes: bytes, format: format, item: item, pretty: pretty, resume: resume)
        }
    }

    private func outcome(bytes: [UInt8], format: String?, item: InputItem, pretty: Bool, resume: ResumeIndex?) -> Outcome {
        let sha = SHA256.hex(of: bytes)
        let key = ResumeIndex.key(path: item.path, id: item.id, sha256: sha)
        if let resume, resume.contains(key) { return .alreadyDone(key: key, bytes: bytes.count, item: item) }
        switch convert(bytes: bytes, sha256: sha, path: item.path, id: item.id, format: format) {
        case .document(let document):
            return .record(Record(json: options.recordEncoder.document(document, pretty), errorCode: nil, bytes: bytes.count,
                                  resumeKey: key, mirror: item.mirror))
        case .failure(let source, let code, let message):
            return .record(Record(json: options.recordEncoder.error(source, code, message, pretty), errorCode: code, bytes: bytes.count,
                                  resumeKey: key, mirror: item.mirror))
        }
    }

    private func errorRecord(source: SourceInfo, failure: BatchFailure, item: InputItem, pretty: Bool) -> Record {
        Record(json: options.recordEncoder.error(source, failure.code, failure.message, pretty), errorCode: failure.code,
               bytes: failure.bytes, resumeKey: ResumeIndex.key(path: item.path, id: item.id, sha256: source.sha256), mirror: item.mirror)
    }

    /// Bytes → document, by format: `.docx`, HTML, plain text; anything else an error.
    func convert(bytes: [UInt8], sha256: String? = nil, path: String?, id: String?, format: String?) -> ConversionResult {
        let sha = sha256 ?? SHA256.hex(of: bytes)
        let name = (path ?? "").lowercased()
        func failure(_ code: String, _ message: String, format: String) -> ConversionResult {
            .failure(source: SourceInfo(path: path, id: id, encoding: "", bytes: bytes.count, sha256: sha, format: InputFormat(rawValue: format)), code: code, message: message)
        }
        if bytes.isEmpty { return failure(BatchErrorCode.empty, "empty file (0 bytes)", format: format ?? Formats.label(forName: name)) }
        if format == nil, let label = Formats.unsupported(name: name, bytes: bytes) {
            return failure(BatchErrorCode.unsupportedFormat, "\(Formats.describe(label)) cannot be converted", format: label)
        }
        var parse = options.parse
        parse.path = path
        parse.id = id
        let kind = format ?? Formats.kind(name: name, bytes: bytes)
        switch kind {
        case "docx":
            let text: String
            do { text = try DocxText.extract(bytes, limits: ZipLimits(maxBytes: options.maxBytes, maxRatio: options.maxCompressionRatio)) } catch let f as BatchFailure {
                return failure(f.code, f.message, format: "docx")
            } catch {
                return failure(BatchErrorCode.unreadable, "\(error)", format: "docx")
            }
            if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
                return failure(BatchErrorCode.empty, "the Word document has no text", format: "docx")
            }
            parse.format = "docx"
            parse.encoding = "UTF-8"
            var document = GongwenParser(options: parse).parse(bytes: Array(text.utf8))
            document.source.bytes = bytes.count
            document.source.sha256 = sha
            return .document(document)
        case "html":
            let page = HTMLText.extract(bytes)
            if page.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
                return failure(BatchErrorCode.empty, "the page has no text", format: "html")
            }
            parse.format = "html"
            parse.encoding = "UTF-8"
            var document = GongwenParser(options: parse).parse(bytes: Array(page.text.utf8))
            document.source.bytes = bytes.count
            document.source.sha256 = sha
            document.source.encoding = page.encoding
            document.diagnostics.insert(contentsOf: page.diagnostics, at: 0)
            if let main = page.main { MainContent.apply(main, to: &document) }
            return .document(document)
        case "binary":
            return failure(BatchErrorCode.unsupportedFormat, "binary data, not text", format: "binary")
        case "zip", "gzip":
            return failure(BatchErrorCode.unsupportedFormat, "\(kind) data in a file not named as an archive; rename it .zip / .tar.gz to convert its contents", format: kind)
        default:
            parse.format = "text"
            if parse.encoding == nil, let forced = options.parse.encoding { parse.encoding = forced }
            var document = GongwenParser(options: parse).parse(bytes: bytes)
            if document.source.sha256.isEmpty { document.source.sha256 = sha }
            return .document(document)
        }
    }
}

/// Format names and sniffing.
enum Formats {
    static let unsupportedExtensions: [String: String] = [
        "pdf": "pdf", "doc": "doc", "dot": "doc", "docm": "doc", "wps": "wps", "xls": "spreadsheet", "xlsx": "spreadsheet",
        "xlsm": "spreadsheet", "et": "spreadsheet", "csv": "spreadsheet", "ppt": "presentation", "pptx": "presentation", "dps": "presentation",
        "odt": "opendocument", "ods": "opendocument", "odp": "opendocument", "rtf": "rtf", "ofd": "ofd", "caj": "caj", "kdh": "caj",
        "png": "image", "jpg": "image", "jpeg": "image", "gif": "image", "bmp": "image", "tif": "image", "tiff": "image",
        "webp": "image", "heic": "image", "ico": "image", "mp3": "media", "mp4": "media", "wav": "media", "avi": "media",
        "mov": "media", "wmv": "media", "flv": "media", "m4a": "media", "exe": "binary", "dll": "binary", "so": "binary",
        "dylib": "binary", "bin": "binary", "class": "binary", "jar": "binary", "apk": "binary", "dmg": "binary", "iso": "binary",
        "rar": "archive", "7z": "archive", "bz2": "archive", "xz": "archive", "zst": "archive", "lz": "archive", "cab": "archive",
        "epub": "ebook", "mobi": "ebook",
    ]

    static func fileExtension(_ name: String) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return "" }
        return base[base.index(after: dot)...].lowercased()
    }

    /// The `source.format` of an input judged by name.
    static func label(forName name: String) -> String {
        let ext = fileExtension(name)
        if let u = unsupportedExtensions[ext] { return u }
        switch ext {
        case "html", "htm", "shtml", "xhtml": return "html"
        case "docx": return "docx"
        case "zip": return "zip"
        case "tar": return "tar"
        case "tgz": return "tar.gz"
        case "gz": return name.lowercased().hasSuffix(".tar.gz") ? "tar.gz" : "gzip"
        default: return "text"
        }
    }

    static func describe(_ label: String) -> String {
        switch label {
        case "pdf": "a PDF file"
        case "doc": "a Word 97–2003 (.doc) file"
        case "image": "an image"
        case "binary": "binary data"
        case "archive": "an archive format other than zip/tar/tar.gz"
        default: "a \(label) file"
        }
    }

    /// A format we cannot read, by name or by magic bytes.
    static func unsupported(name: String, bytes: [UInt8]) -> String? {
        if bytes.starts(with: Array("%PDF".utf8)) { return "pdf" }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return "doc" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) || bytes.starts(with: [0xFF, 0xD8, 0xFF]) || bytes.starts(with: Array("GIF8".utf8)) {
            return "image"
        }
        if bytes.starts(with: Array("Rar!".utf8)) || bytes.starts(with: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) || bytes.starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A]) {
            return "archive"
        }
        if bytes.starts(with: Array("{\\rtf".utf8)) { return "rtf" }
        let ext = fileExtension(name)
        if let label = unsupportedExtensions[ext] {
            // A .csv or .rtf named file that is plain text still converts.
            if (ext == "csv") && !looksBinary(bytes) { return nil }
            return label
        }
        return nil
    }

    /// `docx`, `html`, `binary`, `zip`, `gzip` or `text`.
    static func kind(name: String, bytes: [UInt8]) -> String {
        let ext = fileExtension(name)
        if ext == "docx" || DocxText.isDocx(bytes) { return "docx" }
        if ["html", "htm", "shtml", "xhtml"].contains(ext) || HTMLText.sniff(bytes) { return "html" }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "zip" }
        if Gzip.isGzip(bytes) { return "gzip" }
        if looksBinary(bytes) { return "binary" }
        return "text"
    }

    /// NUL bytes or many control characters in the first 64 KiB, unless the bytes read as UTF-16
    /// (with or without a byte-order mark) made of plausible characters.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }
        let sample = bytes.prefix(65536)
        var nul = 0, nulEven = 0, control = 0
        for (i, b) in sample.enumerated() {
            if b == 0 {
                nul += 1
                if i % 2 == 0 { nulEven += 1 }
            } else if (b < 0x20 && !(9...13).contains(b) && b != 0x1A && b != 0x1B) || b == 0x7F {
                control += 1
            }
        }
        if nul == 0 && control * 100 <= sample.count * 3 { return false }
        guard bytes.count % 2 == 0 else { return true }
        // ASCII in UTF-16LE has its zero byte second (odd offsets).
        let littleEndianFirst = nul - nulEven >= nulEven
        for littleEndian in [littleEndianFirst, !littleEndianFirst] where plausibleUTF16(sample, littleEndian: littleEndian) {
            return false
        }
        return true
    }

    static func plausibleUTF16(_ sample: ArraySlice<UInt8>, littleEndian: Bool) -> Bool {
        var plausible = 0, total = 0
        var i = sample.startIndex
        while i + 1 < sample.endIndex {
            let unit = littleEndian ? UInt32(sample[i]) | UInt32(sample[i + 1]) << 8 : UInt32(sample[i]) << 8 | UInt32(sample[i + 1])
            total += 1
            if plausibleScalar(unit) { plausible += 1 }
            i += 2
        }
        return total > 0 && plausible * 100 >= total * 95
    }

    /// Characters Chinese documents are made of: ASCII text, Latin, general punctuation, symbols,
    /// CJK, full-width forms.
    static func plausibleScalar(_ v: UInt32) -> Bool {
        switch v {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0xA0...0x24F, 0x2000...0x206F, 0x2100...0x27BF, 0x2E80...0x9FFF,
             0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF:
            return true
        default:
            return false
        }
    }
}

/// For HTML pages: what lies outside the main content is page furniture. It stays in the text
/// (nothing is lost) but as boilerplate nodes, and facts found in it are dropped.
enum MainContent {
    static func apply(_ main: Range<Int>, to document: inout Document) {
        let scalars = Array(document.text.unicodeScalars)
        func outside(_ span: TextSpan) -> Bool { !span.isEmpty && (span.end <= main.lowerBound || span.start >= main.upperBound) }
        func trimmed(_ span: TextSpan) -> TextSpan {
            var s = span.start, e = span.end
            while s < e, scalars[s].properties.isWhitespace { s += 1 }
            while e > s, scalars[e - 1].properties.isWhitespace { e -= 1 }
            return TextSpan(start: s, end: e)
        }
        func retag(_ nodes: [Node]) -> [Node] {
            nodes.map { node in
                guard node.span.end <= scalars.count else { return node }
                if case .section(var section) = node, !outside(node.span) {
                    // A section running past the content (the last one usually does): look inside.
                    section.children = retag(section.children)
                    return .section(section)
                }
                guard outside(node.span) else { return node }
                if case .boilerplate = node { return node }
                let textSpan = trimmed(node.span)
                let text = String(String.UnicodeScalarView(scalars[textSpan.start..<textSpan.end]))
                return .boilerplate(Boilerplate(kind: .pageChrome, span: node.span, textSpan: textSpan, text: text))
            }
        }
        document.children = retag(document.children)
        document.entities.removeAll { outside($0.span) }
    }
}
