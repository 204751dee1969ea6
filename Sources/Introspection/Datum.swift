/// A constant's datum as a node tree shows it (outDatum): the bytes of the
/// server's memory, read little-endian (`ExpressionCatalog.littleEndianDatums`
/// says whether the server stores them so). Shared by the constant writers of
/// `ExpressionDeparser` and `NumericText`.
enum Datum {
    /// The unsigned integer in `count` bytes at `offset`; nil where the bytes run out.
    static func unsigned(_ bytes: [UInt8], at offset: Int = 0, count: Int) -> UInt64? {
        guard offset >= 0, offset + count <= bytes.count else { return nil }
        var value: UInt64 = 0
        for index in (offset..<offset + count).reversed() { value = value << 8 | UInt64(bytes[index]) }
        return value
    }

    /// A varlena's payload, after its 1-byte or 4-byte header; nil for a
    /// compressed or out-of-line value, or a length past the bytes.
    static func varlenaPayload(_ bytes: [UInt8]) -> ArraySlice<UInt8>? {
        guard let first = bytes.first else { return nil }
        let start: Int, end: Int
        if first & 0x01 == 0x01 {
            guard first != 0x01 else { return nil }   // an external TOAST pointer
            start = 1
            end = Int(first >> 1)
        } else if first & 0x03 == 0x00, let header = unsigned(bytes, count: 4) {
            start = 4
            end = Int(header >> 2)
        } else {
            return nil   // compressed
        }
        guard end >= start, end <= bytes.count else { return nil }
        return bytes[start..<end]
    }
}
