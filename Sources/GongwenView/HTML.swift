import Foundation
import Gongwen

/// Escaping and the page shell shared by the document page and the corpus report.
public enum HTML {
    /// Text content: `&`, `<`, `>` escaped (quotes too, so the same text is safe in attributes).
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        append(s.unicodeScalars, to: &out)
        return out
    }

    /// Appends scalars escaped for text or a double- or single-quoted attribute value.
    static func append<S: Sequence>(_ scalars: S, to out: inout String) where S.Element == Unicode.Scalar {
        for c in scalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // A parser turns a literal CR (and CR LF) into LF; a reference keeps the source's scalar.
            case "\r": out += "&#13;"
            // HTML has no way to carry U+0000 (a parser drops it from text, and `&#0;` is U+FFFD),
            // so it is shown as the replacement character rather than silently lost.
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(c)
            }
        }
    }

    /// ` name="value"` with the value escaped.
    static func attr(_ name: String, _ value: String) -> String {
        " \(name)=\"\(escape(value))\""
    }

    /// JSON for a `<script type="application/json">` block: `<` written as `\u003c`, so no
    /// `</script>` or `<!--` can end the block early.
    static func jsonBlock<T: Encodable>(id: String, _ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        let json = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: "\u{2028}", with: "\\u2028")
            .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
        return "<script type=\"application/json\" id=\"\(id)\">\(json)</script>"
    }

    /// `'sha256-…'` of an inline script or style, for the Content-Security-Policy.
    static func cspHash(_ s: String) -> String {
        "'sha256-" + Data(SHA256.fastDigest(Array(s.utf8))).base64EncodedString() + "'"
    }

    /// The policy for a page that inlines exactly this one script and this one style sheet:
    /// nothing is loaded, nothing else runs or applies.
    static func contentSecurityPolicy(script: String, style: String) -> String {
        "default-src 'none'; script-src \(cspHash(script)); style-src \(cspHash(style)); base-uri 'none'; form-action 'none'"
    }

    /// A whole page: the policy first, then the script (so its error and policy-violation
    /// listeners are in place before anything else is parsed), the style, the body.
    static func page(title: String, lang: String = "zh-Hans", script: String, style: String, body: String) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"\(lang)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(escape(contentSecurityPolicy(script: script, style: style)))\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"Gongwen \(escape(GongwenVersion.current))\">\n"
        out += "<title>\(escape(title))</title>\n"
        out += "<script>\(script)</script>\n<style>\(style)</style>\n</head>\n"
        out += body
        out += "\n</html>\n"
        return out
    }
}

/// Numbers as people read them.
enum NumberText {
    /// `5487400` → `5,487,400`; `399.5` → `399.5`; `1234567.25` → `1,234,567.25`.
    static func grouped(_ decimal: String) -> String {
        let parts = decimal.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let int = Array(parts[0])
        var out = ""
        for (i, c) in int.enumerated() {
            if i > 0 && (int.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        if parts.count > 1 { out += "." + parts[1] }
        return out
    }

    static func grouped(_ n: Int) -> String { grouped(String(n)) }
    static func grouped(_ d: ExactDecimal) -> String { grouped(d.description) }
}

/// `firstDay` → `first-day`: the data attribute whose `dataset` name is the field's own name.
func kebab(_ name: String) -> String {
    var out = ""
    for c in name.unicodeScalars {
        if c.properties.isUppercase { out += "-" + String(c).lowercased() } else { out.unicodeScalars.append(c) }
    }
    return out
}
