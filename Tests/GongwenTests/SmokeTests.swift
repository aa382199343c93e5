import Testing
@testable import Gongwen
import GongwenTestSupport

@Test func sha256KnownVector() {
    #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
}

@Test func libcryptoAgreesWithPortableSHA256() {
    var bytes: [UInt8] = []
    for n in [0, 1, 55, 56, 63, 64, 65, 1000, 100_003] {
        while bytes.count < n { bytes.append(UInt8(truncatingIfNeeded: bytes.count &* 31 &+ 7)) }
        #expect(SHA256.fastDigest(Array(bytes[0..<n])) == PortableSHA256.digest(Array(bytes[0..<n])))
    }
}
