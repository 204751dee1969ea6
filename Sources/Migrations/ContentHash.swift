import Crypto

/// SHA-256 as lowercase hex, for replay cache keys and migration checksums.
/// swift-crypto does the hashing (BoringSSL's assembly on Linux, CryptoKit on
/// Apple platforms); this type only feeds it text and spells the digest.
public struct ContentHash {
    private var hasher = Crypto.SHA256()

    public init() {}

    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }

    /// The digest of everything fed so far.
    public func finalize() -> String {
        Self.hex(hasher.finalize())
    }

    /// The digest so far, leaving this hasher free to go on (the same as `finalize`: the hasher is a value).
    public func copyFinalized() -> String {
        finalize()
    }

    public static func hex(_ text: String) -> String {
        var hash = ContentHash()
        hash.update(text)
        return hash.finalize()
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex(_ digest: Crypto.SHA256.Digest) -> String {
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
