/// Text the lexer could not finish: an unterminated string, identifier, comment or dollar quote.
public struct SQLLexerError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case string = "string literal"
        case quotedIdentifier = "quoted identifier"
        case blockComment = "block comment"
        case dollarQuote = "dollar-quoted string"
        /// A backslash outside any quote: psql's `\connect`, `\i`, `\restrict`, which no server understands.
        case metaCommand = "psql meta-command"
        /// SQL after `COPY … FROM stdin;` on its line, which psql runs after the rows.
        case afterCopy = "statement after COPY … FROM stdin on its line"
    }

    public let kind: Kind
    /// Where the unterminated construct starts.
    public let location: SourceLocation
    /// For a meta-command, the command as written (`\connect`).
    public let command: String?
    /// The file the text came from, when the reader knows it: the message then names it.
    public private(set) var file: String? = nil

    public init(kind: Kind, location: SourceLocation, command: String? = nil) {
        self.kind = kind
        self.location = location
        self.command = command
    }

    /// The same error, named with the file its text came from.
    public func inFile(_ path: String) -> SQLLexerError {
        var error = self
        error.file = path
        return error
    }

    public var description: String {
        let place = file.map { "\($0):\(location)" } ?? "\(location)"
        if kind == .metaCommand {
            return "\(place): psql meta-commands are not supported (\(command ?? "\\")): "
                + "schemactl sends SQL to the server, and only psql knows these"
        }
        if kind == .afterCopy {
            return "\(place): a statement after `COPY … FROM stdin;` on the same line: psql runs it after the rows "
                + "that follow; put it on a line of its own"
        }
        return "\(place): unterminated \(kind.rawValue)"
    }
}
