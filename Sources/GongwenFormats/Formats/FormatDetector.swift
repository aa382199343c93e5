/// What the bytes of one input are, judged by content first and by name only where content says
/// nothing (a text file is a text file whatever it is called; a PDF is a PDF even named `.txt`).
enum Detected: Equatable, Sendable {
    case text
    case html
    /// A zip container: a `.docx` when it holds `word/document.xml` (decided when it is opened).
    case zip
    /// A format we cannot read: the `source.format` label and why.
    case unsupported(label: String, message: String)
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

    static let htmlExtensions: Set<String> = ["html", "htm", "shtml", "xhtml"]

    static func fileExtension(_ name: String) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return "" }
        return base[base.index(after: dot)...].lowercased()
    }

    /// The `source.format` of an input judged by name (for inputs whose bytes were never read).
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
        case "executable": "an executable program"
        case "archive": "an archive format other than zip/tar/tar.gz"
        default: "a \(label) file"
        }
    }

    /// The detection rule, in order: magic bytes of formats we cannot read; zip; gzip and tar
    /// (archives are for `convert`); binary data; HTML (by name, by a leading `<!DOCTYPE html>` /
    /// `<html`, or by inline tags such as `<p>` `<br />` in a file of any name); else text.
    static func detect(name: String, bytes: [UInt8]) -> Detected {
        let ext = fileExtension(name)
        if let magic = magicLabel(bytes) {
            let label = magic == "doc" ? (unsupportedExtensions[ext] ?? "doc") : magic
            return .unsupported(label: label, message: "\(describe(label)) cannot be converted")
        }
        if isZip(bytes) { return .zip }
        if Gzip.isGzip(bytes) {
            return .unsupported(label: "gzip", message: "gzip data; convert archives with 'gongwen convert' (named .gz / .tar.gz)")
        }
        if bytes.count >= 262, bytes[257..<262].elementsEqual("ustar".utf8) {
            return .unsupported(label: "tar", message: "a tar archive; convert archives with 'gongwen convert' (named .tar)")
        }
        if looksBinary(bytes) {
            let label = unsupportedExtensions[ext] ?? "binary"
            return .unsupported(label: label, message: "\(describe(label)) cannot be converted")
        }
        if htmlExtensions.contains(ext) || HTMLText.sniff(bytes) || HTMLText.hasInlineTags(bytes) { return .html }
        // Text in a file named as a binary format (an `.rtf`, `.pdf` that is not one): read as text,
        // except for names whose text would be meaningless as a document.
        if ext != "csv", ext != "rtf", let label = unsupportedExtensions[ext], label != "pdf", label != "doc", label != "wps" {
            return .unsupported(label: label, message: "\(describe(label)) cannot be converted")
        }
        if bytes.starts(with: Array("{\\rtf".utf8)) {
            return .unsupported(label: "rtf", message: "\(describe("rtf")) cannot be converted")
        }
        return .text
    }

    static func isZip(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])
    }

    /// Formats recognised by their first bytes.
    static func magicLabel(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: Array("%PDF".utf8)) { return "pdf" }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return "doc" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) || bytes.starts(with: [0xFF, 0xD8, 0xFF]) || bytes.starts(with: Array("GIF8".utf8))
            || bytes.starts(with: Array("BM".utf8)) && bytes.count > 14 && bytes[6..<10].allSatisfy({ $0 == 0 }) {
            return "image"
        }
        if bytes.starts(with: Array("Rar!".utf8)) || bytes.starts(with: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) || bytes.starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A])
            || bytes.starts(with: Array("BZh".utf8)) && bytes.count > 3 && (0x31...0x39).contains(bytes[3]) {
            return "archive"
        }
        // ELF, Mach-O (both byte orders, fat), PE (`MZ` with a PE header offset), WebAssembly.
        if bytes.starts(with: [0x7F, 0x45, 0x4C, 0x46]) || bytes.starts(with: [0xCF, 0xFA, 0xED, 0xFE]) || bytes.starts(with: [0xFE, 0xED, 0xFA, 0xCF])
            || bytes.starts(with: [0xCE, 0xFA, 0xED, 0xFE]) || bytes.starts(with: [0xCA, 0xFE, 0xBA, 0xBE]) || bytes.starts(with: [0x00, 0x61, 0x73, 0x6D]) {
            return "executable"
        }
        if bytes.starts(with: Array("MZ".utf8)), bytes.count >= 64, looksBinary(bytes) { return "executable" }
        if bytes.starts(with: Array("OFD".utf8)) { return "ofd" }
        return nil
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
