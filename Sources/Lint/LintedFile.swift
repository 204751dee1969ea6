import SQLText

/// A migration or rollback file as the rules read it: its statements, each with
/// its tokens and where it starts, so a finding can name `file:line:column`.
public struct LintedFile: Sendable {
    public let path: String
    public let text: String
    public let statements: [LintStatement]
    let lines: LineIndex

    public init(path: String, text: String) throws {
        self.path = path
        self.text = text
        let lines = LineIndex(text)
        self.lines = lines
        let read: [SQLStatement]
        do { read = try SQLLexer(text).statements() } catch let error as SQLLexerError { throw error.inFile(path) }
        self.statements = read.map { statement in
            LintStatement(text: statement.text, tokens: SQLToken.tokens(of: statement.text),
                          start: statement.byteRange.lowerBound,
                          location: lines.location(ofByte: statement.byteRange.lowerBound),
                          lastLine: lines.location(ofByte: statement.byteRange.upperBound).line,
                          leadingWords: statement.leadingWords, isBegin: statement.isBegin, isCommit: statement.isCommit)
        }
    }

    /// `-- schemactl:no-transaction` on the first line: the file runs outside a transaction by design.
    public var runsOutsideTransaction: Bool {
        text.prefix { $0 != "\n" }.trimmingCharacters(in: .whitespaces) == "-- schemactl:no-transaction"
    }

    /// Where `token` of `statement` sits in the file.
    public func location(of token: SQLToken, in statement: LintStatement) -> SourceLocation {
        lines.location(ofByte: statement.start + token.offset)
    }

    /// A finding at a statement (at `token` when given), or at the top of the file.
    public func finding(_ rule: some LintRule, _ message: String, at statement: LintStatement? = nil,
                        token: SQLToken? = nil) -> LintFinding {
        let place: SourceLocation
        if let statement {
            place = token.map { self.location(of: $0, in: statement) } ?? statement.location
        } else {
            place = SourceLocation(line: 1, column: 1)
        }
        return LintFinding(file: path, line: place.line, column: place.column, rule: rule.id, severity: rule.severity,
                           message: message)
    }
}

/// One statement of a linted file.
public struct LintStatement: Sendable {
    public let text: String
    public let tokens: [SQLToken]
    /// Byte offset of the statement in its file.
    public let start: Int
    public let location: SourceLocation
    public let lastLine: Int
    public let leadingWords: [String]
    public let isBegin: Bool
    public let isCommit: Bool

    /// Whether the statement begins with these words (upper case).
    public func starts(with words: String...) -> Bool {
        leadingWords.count >= words.count && Array(leadingWords.prefix(words.count)) == words
    }

    /// The index of the first token at parenthesis depth 0 that is the word `keyword`, from `position` on.
    public func word(_ keyword: String, from position: Int = 0) -> Int? {
        guard position < tokens.count else { return nil }
        return tokens[position...].firstIndex { $0.depth == 0 && $0.isWord(keyword) }
    }

    /// Whether any token at depth 0 is the word `keyword`.
    public func has(_ keyword: String) -> Bool { word(keyword) != nil }
}
