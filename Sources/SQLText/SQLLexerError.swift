/// Text the lexer could not finish: an unterminated string, identifier, comment or dollar quote.
public struct SQLLexerError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case string = "string literal"
        case quotedIdentifier = "quoted identifier"
        case blockComment = "block comment"
        case dollarQuote = "dollar-quoted string"
        /// A backslash outside any quote: psql's `\connect`, `\i`, `\restrict`, which no server understands.
        case metaCommand = "psql meta-command"
    }

    public let kind: Kind
    /// Where the unterminated construct starts.
    public let location: SourceLocation
    /// For a meta-command, the command as written (`\connect`).
    public let command: String?

    public init(kind: Kind, location: SourceLocation, command: String? = nil) {
        self.kind = kind
        self.location = location
        self.command = command
    }

    public var description: String {
        if kind == .metaCommand {
            return "\(location): psql meta-commands are not supported (\(command ?? "\\")): "
                + "schemactl sends SQL to the server, and only psql knows these"
        }
        return "\(location): unterminated \(kind.rawValue)"
    }
}
