import CLibPQ
import Foundation
import SQLText

/// A value that can be sent as a query parameter, in PostgreSQL's text format.
public protocol QueryParameter: Sendable {
    var postgresText: String { get }
}

extension String: QueryParameter { public var postgresText: String { self } }
extension Int: QueryParameter { public var postgresText: String { String(self) } }
extension Bool: QueryParameter { public var postgresText: String { self ? "true" : "false" } }
extension Double: QueryParameter { public var postgresText: String { String(self) } }
extension Int64: QueryParameter { public var postgresText: String { String(self) } }

/// One libpq connection. It owns its `PGconn` and closes it when released.
///
/// Not thread-safe, like `PGconn` itself: use one connection per task.
public final class Connection {
    private var handle: OpaquePointer?
    private let noticeBox = NoticeBox()
    /// Who we are talking to, redacted; put in every error.
    public let server: String
    /// What this connection was opened with, so a caller can open siblings
    /// (parallel catalog reads sharing one snapshot). Never print it: use `server`.
    public let connectionString: ConnectionString

    /// Opens a connection from a URL, a `key=value` string, or libpq's environment.
    public init(_ connectionString: ConnectionString) throws {
        let conn = PQconnectdb(connectionString.raw)
        guard let conn else {
            throw PostgresError.connectionFailed(server: connectionString.redacted, message: "libpq could not allocate a connection")
        }
        if PQstatus(conn) != CONNECTION_OK {
            let where_ = Redaction.scrub(Self.describeServer(conn, fallback: connectionString.redacted),
                                         secrets: Redaction.secrets(in: connectionString.raw))
            // libpq quotes what it could not parse, password included.
            let message = Redaction.scrub(Self.cleanMessage(String(cString: PQerrorMessage(conn))),
                                          secrets: Redaction.secrets(in: connectionString.raw))
            PQfinish(conn)
            throw PostgresError.connectionFailed(server: where_, message: message)
        }
        handle = conn
        self.connectionString = connectionString
        server = Redaction.scrub(Self.describeServer(conn, fallback: connectionString.redacted),
                                 secrets: Redaction.secrets(in: connectionString.raw))
        let box = Unmanaged.passUnretained(noticeBox).toOpaque()
        PQsetNoticeReceiver(conn, { context, result in
            guard let context, let result else { return }
            let box = Unmanaged<NoticeBox>.fromOpaque(context).takeUnretainedValue()
            box.notices.append(Notice(
                severity: field(result, "S") ?? "NOTICE",
                sqlState: field(result, "C") ?? "00000",
                message: field(result, "M") ?? "",
                detail: field(result, "D"),
                hint: field(result, "H")
            ))
        }, box)
    }

    public convenience init(_ connectionString: String) throws {
        try self.init(ConnectionString(connectionString))
    }

    deinit {
        close()
    }

    public func close() {
        if let handle { PQfinish(handle) }
        handle = nil
    }

    /// `server_version_num`, e.g. 150018.
    public var serverVersionNumber: Int {
        guard let handle else { return 0 }
        return Int(PQserverVersion(handle))
    }

    /// Whether the connection is open and healthy.
    public var isUsable: Bool {
        guard let handle else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// Whether the session is inside a transaction block (`BEGIN` with no
    /// `COMMIT` yet, or a failed one not yet rolled back).
    public var isInTransaction: Bool {
        guard let handle else { return false }
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    /// Notices received since the last call, oldest first.
    public func drainNotices() -> [Notice] {
        defer { noticeBox.notices.removeAll() }
        return noticeBox.notices
    }

    /// Runs one or more statements separated by `;` (simple query protocol) and
    /// returns the result of the last one.
    @discardableResult
    public func execute(_ sql: String) throws -> QueryResult {
        try execute(sql, copying: [])
    }

    /// `execute`, where each `COPY … FROM STDIN` of `sql` reads the next of `rows`, in order (psql
    /// reads them from the file after the statement; a `COPY` with none left reads no row), and
    /// each `COPY … TO STDOUT` is read and set aside. The first error is thrown once the server
    /// has finished with the string.
    @discardableResult
    public func execute(_ sql: String, copying rows: [String]) throws -> QueryResult {
        let conn = try liveHandle()
        var pending = rows[...]
        var last: QueryResult?
        var failure: (any Error)?
        var result = PQexec(conn, sql)
        // PQexec returns at a COPY with the statements after it still to come (PQgetResult);
        // without one, the next PQgetResult is NULL at once.
        while let current = result {
            switch PQresultStatus(current) {
            case PGRES_COPY_IN:
                PQclear(current)
                let data = Array((pending.popFirst() ?? "").utf8)
                var sent = true
                for start in stride(from: 0, to: data.count, by: 1 << 20) where sent {
                    sent = data[start..<min(start + (1 << 20), data.count)].withUnsafeBufferPointer { chunk in
                        chunk.withMemoryRebound(to: CChar.self) { PQputCopyData(conn, $0.baseAddress, Int32($0.count)) == 1 }
                    }
                }
                if !sent || PQputCopyEnd(conn, nil) != 1, failure == nil {
                    failure = PostgresError.client(server: server, message: Self.cleanMessage(String(cString: PQerrorMessage(conn))))
                }
            case PGRES_COPY_OUT:
                PQclear(current)
                var buffer: UnsafeMutablePointer<CChar>?
                while PQgetCopyData(conn, &buffer, 0) > 0 { PQfreemem(buffer) }
            default:
                if failure == nil {
                    do { last = try consume(current, statement: sql) } catch { failure = error }
                } else {
                    PQclear(current)
                }
            }
            result = PQgetResult(conn)
        }
        if let failure { throw failure }
        guard let last else { return try consume(nil, statement: sql) }
        return last
    }

    /// Runs statements separated by `;` and returns every statement's result, in
    /// order (`execute` keeps only the last): one round trip can then carry reads
    /// taken between a file's statements (verify's rollback trial). The first error
    /// is thrown once the server has finished with the string.
    public func executeAll(_ sql: String) throws -> [QueryResult] {
        let conn = try liveHandle()
        guard PQsendQuery(conn, sql) == 1 else {
            throw PostgresError.client(server: server, message: Self.cleanMessage(String(cString: PQerrorMessage(conn))))
        }
        var results: [QueryResult] = []
        var failure: (any Error)?
        while let result = PQgetResult(conn) {
            guard failure == nil else { PQclear(result); continue }
            do { results.append(try consume(result, statement: sql)) } catch { failure = error }
        }
        if let failure { throw failure }
        return results
    }

    /// Runs one statement with `$1, $2 …` parameters (extended protocol, text format).
    @discardableResult
    public func query(_ sql: String, _ parameters: [(any QueryParameter)?] = []) throws -> QueryResult {
        let conn = try liveHandle()
        let result = Self.withParameters(parameters) { count, values in PQexecParams(conn, sql, count, nil, values, nil, nil, 0) }
        return try consume(result, statement: sql)
    }

    /// Plans `sql` once as the prepared statement `name`, for `run(prepared:_:)`: a
    /// large query asked many times (verify's fingerprints) then costs its execution only.
    public func prepare(_ name: String, _ sql: String) throws {
        let conn = try liveHandle()
        try consume(PQprepare(conn, name, sql, 0, nil), statement: sql)
    }

    /// Runs the statement `prepare` made, with `$1, $2 …` parameters (text format).
    public func run(prepared name: String, _ parameters: [(any QueryParameter)?] = []) throws -> QueryResult {
        let conn = try liveHandle()
        let result = Self.withParameters(parameters) { count, values in PQexecPrepared(conn, name, count, values, nil, nil, 0) }
        return try consume(result, statement: "EXECUTE \(name)")
    }

    /// The parameters as C strings for libpq, alive for the call.
    private static func withParameters(_ parameters: [(any QueryParameter)?],
                                       _ call: (Int32, UnsafePointer<UnsafePointer<CChar>?>?) -> OpaquePointer?) -> OpaquePointer? {
        let texts: [String?] = parameters.map { $0?.postgresText }
        let cStrings: [UnsafeMutablePointer<CChar>?] = texts.map { $0.flatMap { strdup($0) } }
        defer { cStrings.forEach { free($0) } }
        return cStrings.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: max(buffer.count, 1)) { values in
                call(Int32(texts.count), buffer.isEmpty ? nil : values)
            }
        }
    }

    /// Quotes an identifier with libpq's rules (`"my ""table"""`).
    public func quoteIdentifier(_ identifier: String) -> String {
        SQLQuoting.identifier(identifier)
    }

    private func liveHandle() throws -> OpaquePointer {
        guard let handle else { throw PostgresError.client(server: server, message: "the connection is closed") }
        if PQstatus(handle) != CONNECTION_OK {
            throw PostgresError.client(server: server, message: Self.cleanMessage(String(cString: PQerrorMessage(handle))))
        }
        return handle
    }

    @discardableResult
    private func consume(_ result: OpaquePointer?, statement: String) throws -> QueryResult {
        guard let result else {
            let message = handle.map { String(cString: PQerrorMessage($0)) } ?? "no connection"
            throw PostgresError.client(server: server, message: Self.cleanMessage(message))
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_SINGLE_TUPLE:
            return QueryResult(taking: result)
        default:
            defer { PQclear(result) }
            if let sqlState = field(result, "C") {
                throw PostgresError.server(ServerError(
                    sqlState: sqlState,
                    severity: field(result, "V") ?? field(result, "S") ?? "ERROR",
                    message: field(result, "M") ?? "",
                    detail: field(result, "D"),
                    hint: field(result, "H"),
                    position: field(result, "P").flatMap { Int($0) },
                    context: field(result, "W"),
                    statement: statement,
                    server: server
                ))
            }
            let message = String(cString: PQresultErrorMessage(result))
            throw PostgresError.client(server: server, message: Self.cleanMessage(message))
        }
    }

    /// `user@host:port/dbname`, or the socket directory for a Unix socket; never a password.
    static func describeServer(_ conn: OpaquePointer, fallback: String) -> String {
        let host = PQhost(conn).map { String(cString: $0) } ?? ""
        let port = PQport(conn).map { String(cString: $0) } ?? ""
        let user = PQuser(conn).map { String(cString: $0) } ?? ""
        let db = PQdb(conn).map { String(cString: $0) } ?? ""
        if host.isEmpty && port.isEmpty && db.isEmpty { return fallback }
        let place = host.hasPrefix("/") ? "socket \(host)/.s.PGSQL.\(port)" : "\(host):\(port)"
        return "\(user)@\(place) database \(db)"
    }

    static func cleanMessage(_ message: String) -> String {
        message.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\n\t", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
    }
}

/// Holds notices for the C callback; a class so libpq can keep a pointer to it.
final class NoticeBox {
    var notices: [Notice] = []
}

/// One field of a libpq error or notice result (`PG_DIAG_*` codes are single letters).
func field(_ result: OpaquePointer, _ code: Character) -> String? {
    guard let ascii = code.asciiValue, let value = PQresultErrorField(result, Int32(ascii)) else { return nil }
    return String(cString: value)
}
