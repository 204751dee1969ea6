/// A PostgreSQL-aware lexer that cuts a SQL file into statements, the way psql does.
///
/// It knows what can hide a `;`: single-quoted strings (doubled quotes), `E''`
/// strings (backslash escapes), dollar quotes with or without a tag,
/// double-quoted identifiers, `--` comments, nested `/* */` comments,
/// parentheses, and the `BEGIN ATOMIC … END` body of a SQL-standard function.
/// It does not parse SQL: the server remains the judge of what a statement means.
public struct SQLLexer: Sendable {
    public let text: String
    private let bytes: [UInt8]

    public init(_ text: String) {
        self.text = text
        self.bytes = Array(text.utf8)
    }

    /// The statements of the file, in order; empty statements (`;;`) are skipped.
    public func statements() throws -> [SQLStatement] {
        var statements: [SQLStatement] = []
        var index = 0
        var statementStart: Int? = nil       // byte offset of the first token
        var words: [String] = []             // every unquoted word of the current statement
        var parenthesisDepth = 0
        var beginDepth = 0                   // BEGIN ATOMIC … END inside CREATE FUNCTION
        var tokenEnd = 0                     // end of the statement's last token (comments excluded)

        func finish(copyData: Range<Int>? = nil, copyBlock: Range<Int>? = nil) {
            if let start = statementStart {
                let end = tokenEnd
                let range = start..<end
                statements.append(SQLStatement(
                    text: String(decoding: bytes[range], as: UTF8.self),
                    byteRange: range,
                    leadingWords: Array(words.prefix(6)),
                    copyData: copyData, copyBlock: copyBlock))
            }
            statementStart = nil
            words = []
            parenthesisDepth = 0
            beginDepth = 0
        }

        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0C:
                index += 1
            case UInt8(ascii: "-") where next == UInt8(ascii: "-"):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
                index = try skipBlockComment(from: index)
            case UInt8(ascii: ";"):
                if parenthesisDepth == 0, beginDepth == 0 {
                    index += 1
                    if statementStart != nil, Self.readsStandardInput(words) {
                        // psql reads the rows from the file itself: the lines after the
                        // statement's, up to a line `\.` (or the end of the file).
                        let block = try copyBlock(after: index)
                        finish(copyData: block.data, copyBlock: block.whole)
                        index = block.whole.upperBound
                    } else {
                        finish()
                    }
                } else {
                    index += 1
                    tokenEnd = index
                }
            default:
                if statementStart == nil { statementStart = index }
                switch byte {
                case UInt8(ascii: "'"):
                    let escaped = isEscapeStringPrefix(before: index)
                    index = try skipQuoted(from: index, quote: UInt8(ascii: "'"), backslashEscapes: escaped, kind: .string)
                case UInt8(ascii: "\""):
                    index = try skipQuoted(from: index, quote: UInt8(ascii: "\""), backslashEscapes: false, kind: .quotedIdentifier)
                case UInt8(ascii: "$"):
                    if let delimiterEnd = dollarQuoteDelimiterEnd(at: index) {
                        index = try skipDollarQuote(from: index, delimiterEnd: delimiterEnd)
                    } else {
                        index += 1
                        while index < bytes.count, isDigit(bytes[index]) { index += 1 } // $1
                    }
                case UInt8(ascii: "("):
                    parenthesisDepth += 1
                    index += 1
                case UInt8(ascii: ")"):
                    parenthesisDepth = max(0, parenthesisDepth - 1)
                    index += 1
                case UInt8(ascii: "\\"):
                    // Outside quotes and comments a backslash is never SQL: psql reads it as a meta-command.
                    var end = index + 1
                    while end < bytes.count, isIdentifierPart(bytes[end]) || bytes[end] == UInt8(ascii: "!")
                            || bytes[end] == UInt8(ascii: "?") { end += 1 }
                    throw SQLLexerError(kind: .metaCommand, location: LineIndex(text).location(ofByte: index),
                                        command: String(decoding: bytes[index..<max(end, index + 1)], as: UTF8.self))
                default:
                    if isIdentifierStart(byte) {
                        let start = index
                        while index < bytes.count, isIdentifierPart(bytes[index]) { index += 1 }
                        // A string prefix (E'', B'', X'', U&'') belongs to the string that follows.
                        if index < bytes.count, bytes[index] == UInt8(ascii: "'") { continue }
                        let word = String(decoding: bytes[start..<index], as: UTF8.self).uppercased()
                        words.append(word)
                        trackAtomicBody(word: word, words: words, depth: &beginDepth)
                    } else {
                        index += 1
                    }
                }
                tokenEnd = index
            }
        }
        finish()
        return statements
    }

    /// `COPY … FROM STDIN`: its words hold `FROM STDIN` (a quoted name is no word) and no `TO`.
    private static func readsStandardInput(_ words: [String]) -> Bool {
        guard words.first == "COPY", !words.contains("TO") else { return false }
        return zip(words, words.dropFirst()).contains { $0 == "FROM" && $1 == "STDIN" }
    }

    /// The rows after a `COPY … FROM STDIN` whose `;` ends before `offset`: from the next line
    /// to the line `\.` (`data` leaves it out; `whole` takes it with its line break, and the
    /// rest of the statement's line, where only a comment may stand: psql would run a
    /// statement there after the rows, out of the file's order).
    private func copyBlock(after offset: Int) throws -> (data: Range<Int>, whole: Range<Int>) {
        var start = offset
        while start < bytes.count, bytes[start] != UInt8(ascii: "\n") { start += 1 }
        let rest = bytes[offset..<start].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
        if !rest.isEmpty, !rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) {
            throw SQLLexerError(kind: .afterCopy, location: LineIndex(text).location(ofByte: rest.startIndex))
        }
        start = min(start + 1, bytes.count)
        var line = start
        while line < bytes.count {
            var end = line
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let length = end > line && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 - line : end - line
            if length == 2, bytes[line] == UInt8(ascii: "\\"), bytes[line + 1] == UInt8(ascii: ".") {
                return (start..<line, offset..<min(end + 1, bytes.count))
            }
            line = end + 1
        }
        return (start..<bytes.count, offset..<bytes.count)
    }

    /// The rows of `statement`'s `COPY … FROM STDIN`, as the server is to be sent them.
    public func copyData(of statement: SQLStatement) -> String? {
        statement.copyData.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// The file's text with the rows of each `COPY … FROM STDIN` (and their `\.`) made blank,
    /// every character but the line breaks a space: the server, sent the file in one go,
    /// then reads each statement and no row, and its error positions still count from the
    /// start of the file, line and column.
    public func textWithoutCopyData(_ statements: [SQLStatement]) -> String {
        let blocks = statements.compactMap(\.copyBlock)
        guard !blocks.isEmpty else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var cursor = 0
        for block in blocks {
            result.append(contentsOf: bytes[cursor..<block.lowerBound])
            // One space per character: a UTF-8 continuation byte (10xxxxxx) adds none.
            for byte in bytes[block] where byte & 0xC0 != 0x80 {
                result.append(byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") ? byte : UInt8(ascii: " "))
            }
            cursor = block.upperBound
        }
        result.append(contentsOf: bytes[cursor...])
        return String(decoding: result, as: UTF8.self)
    }

    /// The file's own outer transaction: a first statement `BEGIN` and a last `COMMIT`.
    public func outerTransaction() throws -> (begin: SQLStatement, commit: SQLStatement)? {
        let all = try statements()
        guard let first = all.first, let last = all.last, all.count >= 2, first.isBegin, last.isCommit else { return nil }
        return (first, last)
    }

    // psql's rule (psqlscan.l): inside CREATE [OR REPLACE] FUNCTION/PROCEDURE,
    // BEGIN and CASE open a block and END closes one, so the `;` of a
    // `BEGIN ATOMIC … END` body do not end the statement.
    private func trackAtomicBody(word: String, words: [String], depth: inout Int) {
        switch word {
        case "BEGIN", "CASE":
            guard words.count > 1, words[0] == "CREATE" else { return }
            let routine: Set<String> = ["FUNCTION", "PROCEDURE"]
            if routine.contains(words[1]) || (words.count > 3 && words[1] == "OR" && words[2] == "REPLACE" && routine.contains(words[3])) {
                depth += 1
            }
        case "END":
            if depth > 0 { depth -= 1 }
        default:
            break
        }
    }

    private func isEscapeStringPrefix(before quote: Int) -> Bool {
        guard quote >= 1, bytes[quote - 1] == UInt8(ascii: "E") || bytes[quote - 1] == UInt8(ascii: "e") else { return false }
        return quote < 2 || !isIdentifierPart(bytes[quote - 2])
    }

    private func skipQuoted(from start: Int, quote: UInt8, backslashEscapes: Bool, kind: SQLLexerError.Kind) throws -> Int {
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if backslashEscapes, byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == quote {
                if index + 1 < bytes.count, bytes[index + 1] == quote {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        throw SQLLexerError(kind: kind, location: LineIndex(text).location(ofByte: start))
    }

    private func skipBlockComment(from start: Int) throws -> Int {
        var depth = 0
        var index = start
        while index < bytes.count {
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            if bytes[index] == UInt8(ascii: "/"), next == UInt8(ascii: "*") {
                depth += 1
                index += 2
            } else if bytes[index] == UInt8(ascii: "*"), next == UInt8(ascii: "/") {
                depth -= 1
                index += 2
                if depth == 0 { return index }
            } else {
                index += 1
            }
        }
        throw SQLLexerError(kind: .blockComment, location: LineIndex(text).location(ofByte: start))
    }

    /// If a dollar quote opens at `index` (`$$` or `$tag$`), the offset just past its delimiter.
    private func dollarQuoteDelimiterEnd(at index: Int) -> Int? {
        // `$` inside an identifier (foo$bar) does not open a quote.
        if index > 0, isIdentifierPart(bytes[index - 1]) { return nil }
        var cursor = index + 1
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "$") { return cursor + 1 }
        guard cursor < bytes.count, isIdentifierStart(bytes[cursor]) else { return nil }
        while cursor < bytes.count, isIdentifierPart(bytes[cursor]), bytes[cursor] != UInt8(ascii: "$") { cursor += 1 }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "$") else { return nil }
        return cursor + 1
    }

    private func skipDollarQuote(from start: Int, delimiterEnd: Int) throws -> Int {
        let delimiter = Array(bytes[start..<delimiterEnd])
        var index = delimiterEnd
        while index + delimiter.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "$"), Array(bytes[index..<(index + delimiter.count)]) == delimiter {
                return index + delimiter.count
            }
            index += 1
        }
        throw SQLLexerError(kind: .dollarQuote, location: LineIndex(text).location(ofByte: start))
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte) || byte == UInt8(ascii: "$")
    }
}
