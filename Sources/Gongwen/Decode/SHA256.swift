import CCrypto

/// SHA-256 (FIPS 180-4), for `source.sha256`: identifies an input across runs (`convert --resume`).
/// libcrypto computes it (hardware SHA instructions, ~1–2 GB/s); the tests check it against a
/// portable reference in the test-support target.
package enum SHA256 {
    /// The 32-byte digest, or no bytes in the (never seen) case that libcrypto fails.
    package static func fastDigest(_ data: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let ok = data.withUnsafeBufferPointer { ccrypto_sha256($0.baseAddress, $0.count, &out) }
        return ok == 1 ? out : []
    }

    package static func hex(of data: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for b in fastDigest(data) {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

}
