import Foundation

/// A JSON decoder for the caches' models (`ModelJSON.decodeCache`).
///
/// Why our own: Foundation's `JSONDecoder` took about 1 s of CPU for the 19 MB
/// model of a 5,000-table database (with its dependency graph), most of it in
/// a dictionary built for every object it decodes and in generic metadata
/// lookups. A model read from a cache is on the critical path of every
/// `diff`, `drift` and `inspect` of a database or history that has not
/// changed. This one parses the bytes once into a flat tape (one entry per
/// value, each knowing where its subtree ends) and finds a key by walking
/// the object's few members.
///
/// It reads what `FastJSONEncoder` and `ModelJSONWriter` write (and any other
/// JSON), through the types' own `Decodable` conformances. Errors are plain
/// (`DecodingError.dataCorrupted` with the byte offset): a cache entry that
/// does not decode is a miss, and user files go through Foundation's decoder,
/// whose messages name the path.
struct FastJSONDecoder {
    func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let tape = try JSONTape(bytes)
        return try tape.decode(type, at: 0)
    }
}

/// The parsed document: every value in document order.
final class JSONTape {
    enum Kind: UInt8 {
        case object, array, string, escapedString, number, bool, null
    }

    struct Entry {
        var kind: Kind
        /// Strings: the first byte after the opening quote; numbers: the first byte;
        /// booleans: 1 for true. Containers: their member or element count.
        var start: Int
        /// Strings and numbers: the byte after the value (the closing quote for strings).
        var end: Int
        /// The index of the entry after this value's subtree (its next sibling).
        var next: Int
    }

    let bytes: [UInt8]
    /// A constant once parsed: read without the exclusivity checks a `var` of a class costs on every access.
    let entries: [Entry]

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        var parser = JSONTapeParser()
        parser.entries.reserveCapacity(bytes.count / 8)
        var position = 0
        try bytes.withUnsafeBufferPointer { buffer in
            try parser.parseValue(buffer, &position)
            parser.skipSpace(buffer, &position)
            if position != buffer.count { throw Self.corrupt(position, "text after the document") }
        }
        entries = parser.entries
    }

    static func corrupt(_ offset: Int, _ what: String) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "JSON at byte \(offset): \(what)"))
    }

    // MARK: reading values

    func string(at index: Int) throws -> String {
        let entry = entries[index]
        switch entry.kind {
        case .string:
            return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[entry.start..<entry.end]), as: UTF8.self) }
        case .escapedString:
            return try unescaped(entry)
        default:
            throw mismatch(String.self, index)
        }
    }

    private func unescaped(_ entry: Entry) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(entry.end - entry.start)
        var cursor = entry.start
        func hex4(_ at: Int) throws -> UInt32 {
            guard at + 4 <= entry.end, let value = UInt32(String(decoding: bytes[at..<at + 4], as: UTF8.self), radix: 16) else {
                throw Self.corrupt(at, "bad \\u escape")
            }
            return value
        }
        while cursor < entry.end {
            let byte = bytes[cursor]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                cursor += 1
                continue
            }
            let code = bytes[cursor + 1]
            cursor += 2
            switch code {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(code)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(cursor)
                cursor += 4
                if (0xD800..<0xDC00).contains(scalar), cursor + 6 <= entry.end, bytes[cursor] == UInt8(ascii: "\\"),
                   bytes[cursor + 1] == UInt8(ascii: "u") {
                    let low = try hex4(cursor + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        cursor += 6
                    }
                }
                out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8))
            default:
                throw Self.corrupt(cursor - 2, "bad escape")
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    func isNull(_ index: Int) -> Bool { entries[index].kind == .null }

    func bool(at index: Int) throws -> Bool {
        guard entries[index].kind == .bool else { throw mismatch(Bool.self, index) }
        return entries[index].start == 1
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, at index: Int) throws -> T {
        let entry = entries[index]
        guard entry.kind == .number else { throw mismatch(type, index) }
        var cursor = entry.start
        let negative = bytes[cursor] == UInt8(ascii: "-")
        if negative { cursor += 1 }
        guard cursor < entry.end else { throw mismatch(type, index) }
        var value: T = 0
        while cursor < entry.end {
            let digit = bytes[cursor] &- UInt8(ascii: "0")
            guard digit < 10 else {
                // A number written with a fraction or an exponent: exact only if it is whole.
                guard let double = Double(String(decoding: bytes[entry.start..<entry.end], as: UTF8.self)),
                      let whole = T(exactly: double) else { throw mismatch(type, index) }
                return whole
            }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative ? times.subtractingReportingOverflow(T(digit)) : times.addingReportingOverflow(T(digit))
            guard !overflow1, !overflow2 else { throw mismatch(type, index) }
            value = next
            cursor += 1
        }
        return value
    }

    func double(at index: Int) throws -> Double {
        let entry = entries[index]
        guard entry.kind == .number, let value = Double(String(decoding: bytes[entry.start..<entry.end], as: UTF8.self)) else {
            throw mismatch(Double.self, index)
        }
        return value
    }

    func mismatch(_ type: Any.Type, _ index: Int) -> DecodingError {
        DecodingError.typeMismatch(type, .init(codingPath: [], debugDescription: "JSON value \(index) is a \(entries[index].kind)"))
    }

    /// How the key at `index` (a string entry) orders against `key`, in UTF-8 byte order
    /// (`String.precedes`, the order the model's writers sort keys in): 0 when equal.
    private func compareKey(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let entry = entries[index]
        // An escaped key's object is searched whole (`ascending`): only equality counts.
        if entry.kind == .escapedString { return (try? unescaped(entry)) == String(decoding: key, as: UTF8.self) ? 0 : 1 }
        let length = entry.end - entry.start
        let common = min(length, key.count)
        let order = common == 0 ? 0 : bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + entry.start, key.baseAddress!, common) }
        if order != 0 { return order }
        return length == key.count ? 0 : (length < key.count ? -1 : 1)
    }

    /// The value of member `key` of the object at `object`, if it has one. The model's writers
    /// sort each object's keys: there a search stops at the first key past the one asked for, so
    /// an optional member left out (most of a column's) is not looked for among all the others.
    func member(_ key: String, of object: Int) -> Int? {
        let sorted = entries[object].end == 1
        let find = { (utf8: UnsafeBufferPointer<UInt8>) -> Int? in
            var cursor = object + 1
            for _ in 0..<self.entries[object].start {
                let order = self.compareKey(cursor, utf8)
                if order == 0 { return cursor + 1 }
                if sorted && order > 0 { return nil }
                cursor = self.entries[cursor + 1].next
            }
            return nil
        }
        if let found = key.utf8.withContiguousStorageIfAvailable(find) { return found }
        return Array(key.utf8).withUnsafeBufferPointer(find)
    }

    /// Decodes the value at `index`; the common leaf types without a decoder of their own.
    func decode<T: Decodable>(_ type: T.Type, at index: Int) throws -> T {
        if T.self == String.self { return try string(at: index) as! T }
        if T.self == Int.self { return try integer(Int.self, at: index) as! T }
        if T.self == Bool.self { return try bool(at: index) as! T }
        if T.self == Int32.self { return try integer(Int32.self, at: index) as! T }
        if T.self == Int16.self { return try integer(Int16.self, at: index) as! T }
        if T.self == UInt32.self { return try integer(UInt32.self, at: index) as! T }
        if T.self == Double.self { return try double(at: index) as! T }
        if T.self == [String].self {
            var cursor = index + 1
            guard entries[index].kind == .array else { throw mismatch(type, index) }
            var strings: [String] = []
            strings.reserveCapacity(entries[index].start)
            for _ in 0..<entries[index].start {
                strings.append(try string(at: cursor))
                cursor = entries[cursor].next
            }
            return strings as! T
        }
        return try T(from: TapeDecoder(tape: self, index: index))
    }
}

/// Builds the tape: one entry per value, in document order.
private struct JSONTapeParser {
    typealias Entry = JSONTape.Entry
    var entries: [Entry] = []

    func skipSpace(_ buffer: UnsafeBufferPointer<UInt8>, _ position: inout Int) {
        while position < buffer.count {
            switch buffer[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    mutating func parseValue(_ buffer: UnsafeBufferPointer<UInt8>, _ position: inout Int) throws {
        skipSpace(buffer, &position)
        guard position < buffer.count else { throw JSONTape.corrupt(position, "unexpected end") }
        let index = entries.count
        switch buffer[position] {
        case UInt8(ascii: "{"):
            entries.append(Entry(kind: .object, start: 0, end: 0, next: 0))
            position += 1
            var count = 0
            if !closesEmpty(UInt8(ascii: "}"), buffer, &position) {
                var sorted = true
                var previous: JSONTape.Entry?
                while true {
                    skipSpace(buffer, &position)
                    guard position < buffer.count, buffer[position] == UInt8(ascii: "\"") else { throw JSONTape.corrupt(position, "expected a key") }
                    try parseString(buffer, &position)
                    let key = entries[entries.count - 1]
                    if sorted, let previous, !Self.ascending(previous, key, in: buffer) { sorted = false }
                    previous = key
                    skipSpace(buffer, &position)
                    guard position < buffer.count, buffer[position] == UInt8(ascii: ":") else { throw JSONTape.corrupt(position, "expected ':'") }
                    position += 1
                    try parseValue(buffer, &position)
                    count += 1
                    if try closes(UInt8(ascii: "}"), buffer, &position) { break }
                }
                entries[index].end = sorted ? 1 : 0
            }
            entries[index].start = count
        case UInt8(ascii: "["):
            entries.append(Entry(kind: .array, start: 0, end: 0, next: 0))
            position += 1
            var count = 0
            if !closesEmpty(UInt8(ascii: "]"), buffer, &position) {
                while true {
                    try parseValue(buffer, &position)
                    count += 1
                    if try closes(UInt8(ascii: "]"), buffer, &position) { break }
                }
            }
            entries[index].start = count
        case UInt8(ascii: "\""):
            try parseString(buffer, &position)
            return
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            for (word, kind, value) in [("true", JSONTape.Kind.bool, 1), ("false", .bool, 0), ("null", .null, 0)] {
                let utf8 = Array(word.utf8)
                if position + utf8.count <= buffer.count, buffer[position] == utf8[0],
                   (0..<utf8.count).allSatisfy({ buffer[position + $0] == utf8[$0] }) {
                    entries.append(Entry(kind: kind, start: value, end: position + utf8.count, next: index + 1))
                    position += utf8.count
                    return
                }
            }
            throw JSONTape.corrupt(position, "unexpected literal")
        default:
            let start = position
            while position < buffer.count {
                switch buffer[position] {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                     UInt8(ascii: "e"), UInt8(ascii: "E"):
                    position += 1
                    continue
                default: break
                }
                break
            }
            guard position > start else { throw JSONTape.corrupt(position, "unexpected character") }
            entries.append(Entry(kind: .number, start: start, end: position, next: index + 1))
            return
        }
        entries[index].next = entries.count
    }

    /// Whether the container just opened closes at once (`{}`, `[]`); consumes the bracket if so.
    func closesEmpty(_ closing: UInt8, _ buffer: UnsafeBufferPointer<UInt8>, _ position: inout Int) -> Bool {
        skipSpace(buffer, &position)
        guard position < buffer.count, buffer[position] == closing else { return false }
        position += 1
        return true
    }

    /// After a member or an element: true at the container's closing bracket (consumed), false after a comma.
    func closes(_ closing: UInt8, _ buffer: UnsafeBufferPointer<UInt8>, _ position: inout Int) throws -> Bool {
        skipSpace(buffer, &position)
        guard position < buffer.count else { throw JSONTape.corrupt(position, "unexpected end") }
        if buffer[position] == UInt8(ascii: ",") {
            position += 1
            return false
        }
        guard buffer[position] == closing else { throw JSONTape.corrupt(position, "expected ',' or '\(Character(Unicode.Scalar(closing)))'") }
        position += 1
        return true
    }

    /// Whether key `first` sorts strictly before key `second` in byte order; an escaped key
    /// counts as out of order (its bytes are not its text), so its object is searched whole.
    static func ascending(_ first: JSONTape.Entry, _ second: JSONTape.Entry, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard first.kind == .string, second.kind == .string else { return false }
        let (a, b) = (first.end - first.start, second.end - second.start)
        let common = min(a, b)
        let order = common == 0 ? 0 : memcmp(buffer.baseAddress! + first.start, buffer.baseAddress! + second.start, common)
        return order < 0 || (order == 0 && a < b)
    }

    mutating func parseString(_ buffer: UnsafeBufferPointer<UInt8>, _ position: inout Int) throws {
        let start = position + 1
        var cursor = start
        var escaped = false
        while cursor < buffer.count {
            let byte = buffer[cursor]
            if byte == UInt8(ascii: "\"") {
                entries.append(Entry(kind: escaped ? .escapedString : .string, start: start, end: cursor, next: entries.count + 1))
                position = cursor + 1
                return
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                cursor += 2
            } else {
                cursor += 1
            }
        }
        throw JSONTape.corrupt(start, "unterminated string")
    }
}

private struct TapeDecoder: Decoder {
    let tape: JSONTape
    let index: Int
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard tape.entries[index].kind == .object else { throw tape.mismatch([String: Any].self, index) }
        return KeyedDecodingContainer(KeyedTape<Key>(tape: tape, object: index))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard tape.entries[index].kind == .array else { throw tape.mismatch([Any].self, index) }
        return UnkeyedTape(tape: tape, array: index)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer {
        SingleTape(tape: tape, index: index)
    }
}

private struct KeyedTape<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let tape: JSONTape
    let object: Int
    var codingPath: [CodingKey] { [] }

    var allKeys: [Key] {
        var keys: [Key] = []
        var cursor = object + 1
        for _ in 0..<tape.entries[object].start {
            if let name = try? tape.string(at: cursor), let key = Key(stringValue: name) { keys.append(key) }
            cursor = tape.entries[cursor + 1].next
        }
        return keys
    }

    func contains(_ key: Key) -> Bool { tape.member(key.stringValue, of: object) != nil }

    private func value(_ key: Key) throws -> Int {
        guard let index = tape.member(key.stringValue, of: object) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "no member \(key.stringValue)"))
        }
        return index
    }

    func decodeNil(forKey key: Key) throws -> Bool { tape.isNull(try value(key)) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try tape.bool(at: value(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try tape.string(at: value(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try tape.double(at: value(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try tape.double(at: value(key))) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try tape.integer(type, at: value(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try tape.integer(type, at: value(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try tape.integer(type, at: value(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try tape.integer(type, at: value(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try tape.integer(type, at: value(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try tape.integer(type, at: value(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try tape.integer(type, at: value(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try tape.integer(type, at: value(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try tape.integer(type, at: value(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try tape.integer(type, at: value(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try tape.decode(type, at: value(key)) }

    /// One lookup for an optional member, where the default implementation makes three.
    private func present(_ key: Key) -> Int? {
        guard let index = tape.member(key.stringValue, of: object), !tape.isNull(index) else { return nil }
        return index
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key).map { try tape.bool(at: $0) } }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(key).map { try tape.string(at: $0) } }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(key).map { try tape.integer(type, at: $0) } }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try present(key).map { try tape.integer(type, at: $0) } }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(key).map { try tape.double(at: $0) } }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try present(key).map { try tape.decode(type, at: $0) } }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TapeDecoder(tape: tape, index: value(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try TapeDecoder(tape: tape, index: value(key)).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder {
        TapeDecoder(tape: tape, index: tape.member("super", of: object) ?? object)
    }

    func superDecoder(forKey key: Key) throws -> Decoder { TapeDecoder(tape: tape, index: try value(key)) }
}

private struct UnkeyedTape: UnkeyedDecodingContainer {
    let tape: JSONTape
    let array: Int
    private var cursor: Int
    private(set) var currentIndex = 0
    var codingPath: [CodingKey] { [] }
    var count: Int? { tape.entries[array].start }
    var isAtEnd: Bool { currentIndex >= tape.entries[array].start }

    init(tape: JSONTape, array: Int) {
        self.tape = tape
        self.array = array
        cursor = array + 1
    }

    private mutating func next() throws -> Int {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: [], debugDescription: "the array has no more elements"))
        }
        let index = cursor
        cursor = tape.entries[index].next
        currentIndex += 1
        return index
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, tape.isNull(cursor) else { return false }
        _ = try next()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try tape.bool(at: next()) }
    mutating func decode(_ type: String.Type) throws -> String { try tape.string(at: next()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try tape.double(at: next()) }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try tape.double(at: next())) }
    mutating func decode(_ type: Int.Type) throws -> Int { try tape.integer(type, at: next()) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try tape.integer(type, at: next()) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try tape.integer(type, at: next()) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try tape.integer(type, at: next()) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try tape.integer(type, at: next()) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try tape.integer(type, at: next()) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try tape.integer(type, at: next()) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try tape.integer(type, at: next()) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try tape.integer(type, at: next()) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try tape.integer(type, at: next()) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try tape.decode(type, at: next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try TapeDecoder(tape: tape, index: next()).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        try TapeDecoder(tape: tape, index: next()).unkeyedContainer()
    }

    mutating func superDecoder() throws -> Decoder { TapeDecoder(tape: tape, index: try next()) }
}

private struct SingleTape: SingleValueDecodingContainer {
    let tape: JSONTape
    let index: Int
    var codingPath: [CodingKey] { [] }

    func decodeNil() -> Bool { tape.isNull(index) }
    func decode(_ type: Bool.Type) throws -> Bool { try tape.bool(at: index) }
    func decode(_ type: String.Type) throws -> String { try tape.string(at: index) }
    func decode(_ type: Double.Type) throws -> Double { try tape.double(at: index) }
    func decode(_ type: Float.Type) throws -> Float { Float(try tape.double(at: index)) }
    func decode(_ type: Int.Type) throws -> Int { try tape.integer(type, at: index) }
    func decode(_ type: Int8.Type) throws -> Int8 { try tape.integer(type, at: index) }
    func decode(_ type: Int16.Type) throws -> Int16 { try tape.integer(type, at: index) }
    func decode(_ type: Int32.Type) throws -> Int32 { try tape.integer(type, at: index) }
    func decode(_ type: Int64.Type) throws -> Int64 { try tape.integer(type, at: index) }
    func decode(_ type: UInt.Type) throws -> UInt { try tape.integer(type, at: index) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try tape.integer(type, at: index) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try tape.integer(type, at: index) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try tape.integer(type, at: index) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try tape.integer(type, at: index) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try tape.decode(type, at: index) }
}
