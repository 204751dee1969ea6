import Foundation
import PostgresClient
import SQLText
import Support

/// A uniquely named database that exists for one job and is dropped after it.
///
/// It lives on the embedded server by default, or on the server given with
/// `--scratch URL` / `SCHEMACTL_SCRATCH_URL`. It only ever drops the one
/// database it created itself: the name is recorded only after `CREATE DATABASE`
/// succeeded, and nothing else is ever dropped.
public final class ScratchDatabase: @unchecked Sendable {
    public let name: String
    /// Reaches the scratch database itself.
    public let connectionString: ConnectionString
    /// Reaches the server's maintenance database, from which we create and drop.
    private let server: ConnectionString
    private let lock = NSLock()
    private var dropped = false
    private var cleanupToken: Int?
    /// Holds the advisory lock that says "this database is in use" for as long as it lives.
    private var admin: Connection?

    /// The advisory lock class of scratch databases (`pg_advisory_lock(class, hashtext(name))`).
    static let lockClass = 0x5C7A_7C71

    /// The server scratch databases go to: `explicit`, else `$SCHEMACTL_SCRATCH_URL`, else the embedded server.
    public static func server(explicit: String? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ConnectionString {
        try chosenServer(explicit: explicit, environment: environment) ?? EmbeddedPostgres.shared().connectionString()
    }

    /// The server the user chose for scratch databases (`explicit`, else
    /// `$SCHEMACTL_SCRATCH_URL`); nil when the embedded server is the one.
    public static func chosenServer(explicit: String? = nil,
                                    environment: [String: String] = ProcessInfo.processInfo.environment) -> ConnectionString? {
        if let explicit, !explicit.isEmpty { return ConnectionString(explicit) }
        if let fromEnvironment = environment["SCHEMACTL_SCRATCH_URL"], !fromEnvironment.isEmpty {
            return ConnectionString(fromEnvironment)
        }
        return nil
    }

    /// Creates `schemactl_scratch_<random>` on `server`, optionally as a copy of `template`.
    /// `owner`: a role that owns the database and is the one `connectionString` logs in as (nil: the server's user).
    public init(on server: ConnectionString, template: String? = nil, prefix: String = "schemactl_scratch",
                owner: String? = nil) throws {
        let name = prefix + "_" + Self.randomSuffix()
        let admin = try Connection(server)
        if Self.swept.withLock({ $0.insert(server.raw).inserted }) { Self.dropAbandoned(on: admin) }
        // Taken before the database exists, so no sweep of another run can find it unlocked.
        let settings = try admin.query("SELECT pg_advisory_lock($1::int, hashtext($2)), current_setting('fsync') AS fsync",
                                       [Self.lockClass, name])
        var statement = "CREATE DATABASE \(SQLQuoting.identifier(name))"
        if let template { statement += " TEMPLATE \(SQLQuoting.identifier(template))" }
        // PostgreSQL 15's default copies the template block by block through the WAL;
        // copying its files is several times faster for a large template. Copying
        // files takes two checkpoints, which a server without fsync (the embedded
        // one) makes in its page cache: there it is faster for template1 too (a
        // suite of 147 fixtures, 880 databases: 134 CPU-seconds against 172). A
        // user's `--scratch` server with fsync keeps the WAL copy of template1,
        // which forces no checkpoint on it.
        if admin.serverVersionNumber >= 150000,
           template != nil || (try? settings.rows.first?.string("fsync")) == "off" {
            statement += " STRATEGY = FILE_COPY"
        }
        if let owner { statement += " OWNER \(SQLQuoting.identifier(owner))" }
        try admin.execute(statement)
        self.name = name
        self.server = server
        self.admin = admin
        let database = server.replacingDatabase(with: name)
        self.connectionString = owner.map { database.replacingUser(with: $0) } ?? database
        cleanupToken = ExitCleanup.register { [weak self] in self?.drop() }
    }

    /// Creates a scratch database on the default server (see `server(explicit:)`).
    public convenience init(scratchURL: String? = nil) throws {
        try self.init(on: Self.server(explicit: scratchURL))
    }

    deinit {
        drop()
    }

    public func connect() throws -> Connection {
        try Connection(connectionString)
    }

    /// Drops the database, ending any session still connected to it. Idempotent.
    public func drop() {
        lock.lock()
        if dropped { lock.unlock(); return }
        dropped = true
        if let cleanupToken { ExitCleanup.unregister(cleanupToken) }
        lock.unlock()
        // Best effort: if the server is gone (the embedded one already stopped
        // at exit), the database went with it.
        if let admin = (admin.flatMap { $0.isUsable ? $0 : nil }) ?? (try? Connection(server)) {
            _ = try? admin.execute("DROP DATABASE IF EXISTS \(SQLQuoting.identifier(name)) WITH (FORCE)")
        }
        admin?.close()
    }

    /// The servers this process has swept (`dropAbandoned`): once each. A database is
    /// abandoned by a run that was killed, so the next run finds it; the sweep's scan of
    /// pg_database and pg_stat_activity took 1–3 ms of the server's time, and the tests
    /// and proofs make thousands of databases in one process.
    private static let swept = Mutex(Set<String>())

    /// Drops `schemactl_scratch_*` databases whose run is gone (killed before
    /// it could drop them): a live run holds its database's advisory lock, on
    /// whatever machine it runs, so one whose lock can be taken is abandoned.
    static func dropAbandoned(on admin: Connection) {
        guard let rows = try? admin.query(
            // Advisory locks are per database: a run whose server URL names another maintenance
            // database holds its lock where we cannot see it, so a database in use is never taken either.
            """
            SELECT d.datname FROM pg_catalog.pg_database d
             WHERE d.datname LIKE 'schemactl\\_scratch\\_%'
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity a WHERE a.datname = d.datname)
             ORDER BY 1
            """).rows else { return }
        for name in rows.compactMap({ try? $0.string("datname") }) {
            guard (try? admin.query("SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS taken", [lockClass, name])
                .rows.first?.bool("taken")) == true else { continue }
            _ = try? admin.execute("DROP DATABASE IF EXISTS \(SQLQuoting.identifier(name)) WITH (FORCE)")
            _ = try? admin.query("SELECT pg_advisory_unlock($1::int, hashtext($2))", [lockClass, name])
        }
    }

    private static func randomSuffix() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<12).map { _ in alphabet.randomElement()! })
    }
}
