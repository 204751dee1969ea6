/// One statement of a SQL file, as the lexer cut it.
public struct SQLStatement: Hashable, Sendable {
    /// The statement's text, from its first token to just before its `;`.
    public let text: String
    /// Byte offsets of `text` in the file (UTF-8).
    public let byteRange: Range<Int>
    /// The first unquoted words, upper-cased (`["CREATE", "OR", "REPLACE", "FUNCTION"]`),
    /// enough to recognise the kind of statement without parsing it.
    public let leadingWords: [String]
    /// For `COPY … FROM STDIN`, the byte offsets of the rows the file carries after it, as
    /// psql reads them (the lines up to `\.`); `copyBlock` adds that line.
    public let copyData: Range<Int>?
    public let copyBlock: Range<Int>?

    public init(text: String, byteRange: Range<Int>, leadingWords: [String], copyData: Range<Int>? = nil, copyBlock: Range<Int>? = nil) {
        self.text = text
        self.byteRange = byteRange
        self.leadingWords = leadingWords
        self.copyData = copyData
        self.copyBlock = copyBlock
    }

    /// `BEGIN`, `BEGIN TRANSACTION`, `BEGIN WORK`, `START TRANSACTION`.
    public var isBegin: Bool {
        guard let first = leadingWords.first else { return false }
        if first == "BEGIN" { return leadingWords.count == 1 || ["TRANSACTION", "WORK", "ISOLATION", "READ"].contains(leadingWords[1]) }
        return first == "START" && leadingWords.dropFirst().first == "TRANSACTION"
    }

    /// `COMMIT`, `COMMIT TRANSACTION`, `COMMIT WORK`, `END`.
    public var isCommit: Bool {
        guard let first = leadingWords.first else { return false }
        guard first == "COMMIT" || first == "END" else { return false }
        return leadingWords.count == 1 || ["TRANSACTION", "WORK"].contains(leadingWords[1])
    }

    /// `ROLLBACK`, `ROLLBACK TRANSACTION`, `ROLLBACK WORK`, `ABORT` (not `ROLLBACK TO SAVEPOINT`).
    public var isRollback: Bool {
        guard let first = leadingWords.first, first == "ROLLBACK" || first == "ABORT" else { return false }
        return leadingWords.count == 1 || (["TRANSACTION", "WORK"].contains(leadingWords[1]) && leadingWords.count == 2)
    }

    /// Any statement that opens or ends a transaction block.
    public var controlsTransaction: Bool { isBegin || isCommit || isRollback || leadingWords.first == "PREPARE" && leadingWords.dropFirst().first == "TRANSACTION" }
}
