/// One token of a statement, as the lint rules read it: enough to recognise
/// `ALTER TABLE name ADD COLUMN …` without a grammar. Comments and white space
/// are not tokens; a string or dollar-quoted body is one token, so a word inside
/// a function body is never taken for a clause of the statement around it.
public struct SQLToken: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// An unquoted word (keyword or identifier).
        case word
        /// `"Name"`: `value` holds the name without its quotes.
        case quotedIdentifier
        /// `'…'`, `E'…'`, `$tag$…$tag$`: `value` holds the text between the quotes.
        case string
        case number
        /// One character of punctuation or an operator (`(`, `,`, `.`, `=`, `:`).
        case symbol
    }

    public let kind: Kind
    /// For a word: as written. For a quoted identifier or a string: its content.
    public let value: String
    /// UTF-8 byte offset of the token's first character in the text it was read from.
    public let offset: Int
    /// Parenthesis depth the token sits at (the `(` itself is at the outer depth).
    public let depth: Int

    public init(kind: Kind, value: String, offset: Int, depth: Int) {
        self.kind = kind
        self.value = value
        self.offset = offset
        self.depth = depth
    }

    /// An unquoted word equal to `keyword`, whatever its case.
    public func isWord(_ keyword: String) -> Bool {
        kind == .word && value.uppercased() == keyword
    }

    public func isSymbol(_ symbol: String) -> Bool { kind == .symbol && value == symbol }

    /// The identifier as PostgreSQL names it: an unquoted word folded to lower case, a quoted one as written.
    public var identifier: String? {
        switch kind {
        case .word: return value.lowercased()
        case .quotedIdentifier: return value
        default: return nil
        }
    }

    /// The possibly qualified name (`a`, `s.a`, `"S"."A"`) starting at `index` of `tokens`:
    /// its parts as PostgreSQL names them, and the index just after it. nil when no name starts there.
    public static func qualifiedName(in tokens: [SQLToken], at index: Int) -> (parts: [String], next: Int)? {
        guard index >= 0, index < tokens.count, let first = tokens[index].identifier else { return nil }
        var parts = [first]
        var cursor = index + 1
        while cursor + 1 < tokens.count, tokens[cursor].isSymbol("."), let part = tokens[cursor + 1].identifier {
            parts.append(part)
            cursor += 2
        }
        return (parts, cursor)
    }

    /// Tokens of `text`. Malformed input (an unterminated quote) ends the list
    /// where it starts: the lexer that cut the file has already reported it.
    public static func tokens(of text: String) -> [SQLToken] {
        let bytes = Array(text.utf8)
        var tokens: [SQLToken] = []
        var index = 0
        var depth = 0
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        func isStart(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F || byte >= 0x80
        }
        func isPart(_ byte: UInt8) -> Bool { isStart(byte) || isDigit(byte) || byte == 0x24 }
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        /// The end of a quoted run opening at `start`, with doubled quotes (and backslashes when `escapes`) inside.
        func quoted(from start: Int, quote: UInt8, escapes: Bool) -> Int? {
            var cursor = start + 1
            while cursor < bytes.count {
                if escapes, bytes[cursor] == 0x5C { cursor += 2; continue }
                if bytes[cursor] == quote {
                    if cursor + 1 < bytes.count, bytes[cursor + 1] == quote { cursor += 2; continue }
                    return cursor + 1
                }
                cursor += 1
            }
            return nil
        }
        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C:
                index += 1
            case 0x2D where next == 0x2D:  // -- comment
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            case 0x2F where next == 0x2A:  // /* comment */, nested
                var level = 0
                while index < bytes.count {
                    let following = index + 1 < bytes.count ? bytes[index + 1] : 0
                    if bytes[index] == 0x2F, following == 0x2A { level += 1; index += 2; continue }
                    if bytes[index] == 0x2A, following == 0x2F { level -= 1; index += 2; if level == 0 { break }; continue }
                    index += 1
                }
            case 0x27:  // '…'
                let escapes = index > 0 && (bytes[index - 1] == 0x45 || bytes[index - 1] == 0x65)
                guard let end = quoted(from: index, quote: 0x27, escapes: escapes) else { return tokens }
                tokens.append(SQLToken(kind: .string, value: string((index + 1)..<(end - 1)).replacingOccurrences(of: "''", with: "'"),
                                       offset: index, depth: depth))
                index = end
            case 0x22:  // "identifier"
                guard let end = quoted(from: index, quote: 0x22, escapes: false) else { return tokens }
                tokens.append(SQLToken(kind: .quotedIdentifier, value: string((index + 1)..<(end - 1)).replacingOccurrences(of: "\"\"", with: "\""),
                                       offset: index, depth: depth))
                index = end
            case 0x24 where index == 0 || !isPart(bytes[index - 1]):  // $tag$ … $tag$, or $1
                var cursor = index + 1
                while cursor < bytes.count, isPart(bytes[cursor]), bytes[cursor] != 0x24 { cursor += 1 }
                if cursor < bytes.count, bytes[cursor] == 0x24, cursor == index + 1 || isStart(bytes[index + 1]) {
                    let delimiter = Array(bytes[index...cursor])
                    var end = cursor + 1
                    while end + delimiter.count <= bytes.count, Array(bytes[end..<(end + delimiter.count)]) != delimiter { end += 1 }
                    guard end + delimiter.count <= bytes.count else { return tokens }
                    tokens.append(SQLToken(kind: .string, value: string((cursor + 1)..<end), offset: index, depth: depth))
                    index = end + delimiter.count
                } else {
                    tokens.append(SQLToken(kind: .symbol, value: string(index..<cursor), offset: index, depth: depth))
                    index = max(cursor, index + 1)
                }
            default:
                if isStart(byte) {
                    let start = index
                    while index < bytes.count, isPart(bytes[index]) { index += 1 }
                    // E'…', B'…', X'…': the prefix belongs to the string that follows.
                    if index < bytes.count, bytes[index] == 0x27, index - start == 1 { continue }
                    tokens.append(SQLToken(kind: .word, value: string(start..<index), offset: start, depth: depth))
                } else if isDigit(byte) {
                    let start = index
                    while index < bytes.count, isDigit(bytes[index]) || bytes[index] == 0x2E { index += 1 }
                    tokens.append(SQLToken(kind: .number, value: string(start..<index), offset: start, depth: depth))
                } else {
                    if byte == 0x29 { depth = max(0, depth - 1) }
                    // Multi-byte characters outside quotes are identifiers (isStart); anything else is one byte.
                    tokens.append(SQLToken(kind: .symbol, value: string(index..<(index + 1)), offset: index, depth: depth))
                    if byte == 0x28 { depth += 1 }
                    index += 1
                }
            }
        }
        return tokens
    }
}
