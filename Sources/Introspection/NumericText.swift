/// numeric_out for a numeric datum as a node tree stores it (numeric.c's
/// on-disk format: base-10000 digits behind a short or long header), so a
/// check such as `price > 0.5` is deparsed without the server.
enum NumericText {
    static func text(ofVarlena bytes: [UInt8]) -> String? {
        guard let payload = Datum.varlenaPayload(bytes), payload.count >= 2 else { return nil }
        let (start, end) = (payload.startIndex, payload.endIndex)
        func uint16(_ offset: Int) -> UInt16 { UInt16(Datum.unsigned(bytes, at: offset, count: 2) ?? 0) }

        let header = uint16(start)
        let negative: Bool, scale: Int, weight: Int, digitsStart: Int
        switch header & 0xC000 {
        case 0x8000:   // short
            negative = header & 0x2000 != 0
            scale = Int((header & 0x1F80) >> 7)
            weight = Int(header & 0x003F) - (header & 0x0040 != 0 ? 0x40 : 0)
            digitsStart = start + 2
        case 0x0000, 0x4000:   // long, positive or negative
            guard end - start >= 4 else { return nil }
            negative = header & 0xC000 == 0x4000
            scale = Int(header & 0x3FFF)
            weight = Int(Int16(bitPattern: uint16(start + 2)))
            digitsStart = start + 4
        default:
            return nil   // NaN, Infinity
        }
        guard (end - digitsStart) % 2 == 0 else { return nil }
        let digits = stride(from: digitsStart, to: end, by: 2).map { Int(uint16($0)) }
        guard digits.allSatisfy({ $0 < 10000 }) else { return nil }
        func digit(_ index: Int) -> Int { index >= 0 && index < digits.count ? digits[index] : 0 }

        var text = negative ? "-" : ""
        if weight < 0 {
            text += "0"
        } else {
            text += String(digit(0))
            for index in stride(from: 1, through: weight, by: 1) { text += fourDigits(digit(index)) }
        }
        if scale > 0 {
            var fraction = ""
            var index = weight + 1
            while fraction.count < scale {
                fraction += fourDigits(digit(index))
                index += 1
            }
            text += "." + fraction.prefix(scale)
        }
        return text
    }

    private static func fourDigits(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
