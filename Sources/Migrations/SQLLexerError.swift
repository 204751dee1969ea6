/// Text the lexer could not finish: an unterminated string, identifier, comment or dollar quote.
public struct SQLLexerError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case string = "string literal"
        case quotedIdentifier = "quoted identifier"
        case blockComment = "block comment"
        case dollarQuote = "dollar-quoted string"
    }

    public let kind: Kind
    /// Where the unterminated construct starts.
    public let location: SourceLocation

    public init(kind: Kind, location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    public var description: String { "\(location): unterminated \(kind.rawValue)" }
}
