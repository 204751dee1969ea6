import Foundation

/// Everything that can go wrong talking to PostgreSQL, with what the server said.
///
/// Every case says which server it came from, as a redacted description, so an
/// error printed by the command line never carries a password.
public enum PostgresError: Error, Sendable, Equatable {
    /// The connection could not be opened: `server` says which host or socket,
    /// `message` is libpq's own explanation (refused, no such file, authentication).
    case connectionFailed(server: String, message: String)
    /// The server rejected a statement.
    case server(ServerError)
    /// The connection broke, or libpq failed without a server error.
    case client(server: String, message: String)
}

/// A server-side error as PostgreSQL reports it (the fields of `PQresultErrorField`).
public struct ServerError: Sendable, Equatable, CustomStringConvertible {
    public var sqlState: String
    public var severity: String
    public var message: String
    public var detail: String?
    public var hint: String?
    /// 1-based character offset into `statement`, as PostgreSQL counts it.
    public var position: Int?
    /// Where inside a function or a nested statement it happened.
    public var context: String?
    /// The statement text that was sent, so a caller can map `position` to line:column.
    public var statement: String?
    /// Which server answered, redacted.
    public var server: String

    public init(sqlState: String, severity: String, message: String, detail: String? = nil,
                hint: String? = nil, position: Int? = nil, context: String? = nil,
                statement: String? = nil, server: String) {
        self.sqlState = sqlState
        self.severity = severity
        self.message = message
        self.detail = detail
        self.hint = hint
        self.position = position
        self.context = context
        self.statement = statement
        self.server = server
    }

    public var description: String {
        var text = "\(severity) \(sqlState): \(message)"
        if let detail { text += "\nDETAIL: \(detail)" }
        if let hint { text += "\nHINT: \(hint)" }
        if let context { text += "\nCONTEXT: \(context)" }
        return text
    }
}

extension PostgresError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case let .connectionFailed(server, message):
            return "could not connect to \(server): \(message)"
        case let .server(error):
            return "\(error) (server \(error.server))"
        case let .client(server, message):
            return "\(server): \(message)"
        }
    }

    public var errorDescription: String? { description }

    /// The SQLSTATE when the server reported one.
    public var sqlState: String? {
        if case let .server(error) = self { return error.sqlState }
        return nil
    }
}
