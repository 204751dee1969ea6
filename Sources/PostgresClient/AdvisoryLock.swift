import Foundation

/// A session-level advisory lock held on a connection of its own, so that the
/// work it guards (a migration that builds an index `CONCURRENTLY`, which waits
/// for every other transaction) never waits on the connection that holds it.
///
/// Taken with `pg_try_advisory_lock` and a backoff rather than a blocking
/// `pg_advisory_lock`: a runner that waits holds no transaction open, so it
/// cannot be part of a deadlock, and it can give up after `timeout` naming who
/// holds the lock.
public final class AdvisoryLock: @unchecked Sendable {
    public let key: Int64
    private let connection: Connection

    /// Who held the lock when we gave up.
    public struct Busy: Error, CustomStringConvertible {
        public let key: Int64
        public let seconds: Double
        public let holders: [(pid: Int, application: String, since: String)]
        public var description: String {
            let who = holders.isEmpty ? "another session (which ended before it could be named)"
                : holders.map { "pid \($0.pid) (application_name '\($0.application)', connected since \($0.since))" }.joined(separator: ", ")
            return "another schemactl run holds the migration lock (advisory lock \(key)) on this database: \(who). "
                + "Gave up after \(String(format: "%.0f", seconds)) s; wait for it to finish or raise --lock-timeout."
        }
    }

    /// Takes the lock on a new connection to `connectionString`, trying again with
    /// a growing pause (50 ms to 1 s) until `timeout` seconds have passed.
    /// `waiting` is called once, the first time the lock is busy.
    public init(_ connectionString: ConnectionString, key: Int64, timeout: Double, waiting: ((String) -> Void)? = nil) throws {
        self.key = key
        connection = try Connection(connectionString)
        let clock = ContinuousClock()
        let start = clock.now
        var pause = 0.05
        var told = false
        while true {
            let taken = try connection.query("SELECT pg_try_advisory_lock($1::bigint) AS taken", [key]).rows.first?.bool("taken") ?? false
            if taken { return }
            let waited = clock.now - start
            let seconds = Double(waited.components.seconds) + Double(waited.components.attoseconds) / 1e18
            let holders = try Self.holders(of: key, on: connection)
            if !told {
                told = true
                waiting?("waiting for the migration lock, held by " + holders.map { "pid \($0.pid) (\($0.application))" }.joined(separator: ", "))
            }
            if seconds >= timeout {
                connection.close()
                throw Busy(key: key, seconds: seconds, holders: holders)
            }
            Thread.sleep(forTimeInterval: min(pause, max(0.01, timeout - seconds)))
            pause = min(pause * 2, 1)
        }
    }

    private static func holders(of key: Int64, on connection: Connection) throws -> [(pid: Int, application: String, since: String)] {
        // A bigint key is held as two 32-bit halves: classid the high one, objid the low one.
        try connection.query("""
            SELECT a.pid, coalesce(a.application_name, '') AS application, a.backend_start::text AS since
            FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND l.classid = (($1::bigint >> 32) & 4294967295)::oid AND l.objid = ($1::bigint & 4294967295)::oid
              AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
            ORDER BY a.pid
            """, [key]).rows.map { (pid: try $0.int("pid"), application: try $0.string("application"), since: try $0.string("since")) }
    }

    /// Releases the lock and closes its connection (closing alone would release it too).
    public func release() {
        _ = try? connection.query("SELECT pg_advisory_unlock($1::bigint)", [key])
        connection.close()
    }
}
