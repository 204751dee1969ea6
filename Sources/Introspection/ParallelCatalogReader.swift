import Dispatch
import Foundation
import PostgresClient
import SQLText
import Support
import SchemaModel

/// Runs the catalog queries on several connections that share one snapshot
/// (`pg_export_snapshot` / `SET TRANSACTION SNAPSHOT`, as `pg_dump -j` does), so
/// the server deparses indexes, constraints and defaults on every core at once
/// while the picture stays exactly as consistent as one transaction's.
///
/// The caller's connection is one of the workers. Falls back to it alone, one
/// query after another, when a sibling connection cannot be opened
/// (connection limit, one-shot password).
struct ParallelCatalogReader {
    struct Query: Sendable {
        let name: String
        let sql: String
        /// Relative cost, to spread the heavy queries over the workers.
        let weight: Int
        /// Plan with hash joins only. The planner probes an index once per row
        /// of a query that reads a whole catalog: right for a small catalog,
        /// slow for a large one. Not for every query: planned that way, the
        /// sequences query took over a minute at 5,000 tables.
        var hashJoinsOnly = false

        init(name: String, sql: String, weight: Int, hashJoinsOnly: Bool = false) {
            self.name = name
            self.sql = sql
            self.weight = weight
            self.hashJoinsOnly = hashJoinsOnly
        }

        func run(on connection: Connection) throws -> QueryResult {
            guard hashJoinsOnly else { return try connection.query(sql) }
            try connection.execute("SET LOCAL enable_nestloop = off; SET LOCAL enable_mergejoin = off")
            let result = try connection.query(sql)
            try connection.execute("SET LOCAL enable_nestloop = on; SET LOCAL enable_mergejoin = on")
            return result
        }
    }

    let workers: Int
    /// Run on every sibling connection after the shared snapshot is set.
    var sessionSetup = ""

    /// `connection` must be inside the REPEATABLE READ transaction whose snapshot is shared.
    func run(_ queries: [Query], on connection: Connection) throws -> [String: (QueryResult, Duration)] {
        let snapshot = try connection.query("SELECT pg_catalog.pg_export_snapshot() AS id").rows.first?.string("id")
        let groups = distribute(queries)
        let box = Mutex((results: [String: (QueryResult, Duration)](), errors: [Error]()))
        // The caller's connection is worker 0: it is already in the snapshot,
        // and one backend fewer to start is one fewer to fork and warm up.
        try connection.execute(Self.noParallelWorkers)
        let target = connection.connectionString
        let caller = CallerConnection(connection: connection)
        DispatchQueue.concurrentPerform(iterations: groups.count) { worker in
            do {
                let own = worker > 0
                let sibling = own ? try Connection(target) : caller.connection
                if own {
                    try sibling.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; "
                                        + "SET TRANSACTION SNAPSHOT \(SQLQuoting.literal(snapshot ?? "")); "
                                        + Inspector.sessionSettings + "; " + sessionSetup + "; " + Self.noParallelWorkers)
                }
                let clock = ContinuousClock()
                for query in groups[worker] {
                    let start = clock.now
                    let result = try query.run(on: sibling)
                    let duration = clock.now - start
                    box.withLock { $0.results[query.name] = (result, duration) }
                }
                if own { try sibling.execute("COMMIT") }
            } catch {
                box.withLock { $0.errors.append(error) }
            }
        }
        if let error = box.current.errors.first {
            // A server error in a query is the query's fault: report it. Anything
            // else (a sibling that could not connect) means: do it alone.
            if case .server? = error as? PostgresError { throw error }
            return try runSequentially(queries, on: connection)
        }
        return box.current.results
    }

    /// We already run one query per core; the server's own parallel workers would only compete with them.
    private static let noParallelWorkers = "SET LOCAL max_parallel_workers_per_gather = 0"

    func runSequentially(_ queries: [Query], on connection: Connection) throws -> [String: (QueryResult, Duration)] {
        var results: [String: (QueryResult, Duration)] = [:]
        let clock = ContinuousClock()
        for query in queries {
            let start = clock.now
            results[query.name] = (try query.run(on: connection), clock.now - start)
        }
        return results
    }

    /// Heaviest first, each to the least loaded worker.
    private func distribute(_ queries: [Query]) -> [[Query]] {
        var groups = Array(repeating: [Query](), count: max(1, workers))
        var loads = Array(repeating: 0, count: groups.count)
        for query in queries.sorted(by: { $0.weight > $1.weight }) {
            let lightest = loads.indices.min { loads[$0] < loads[$1] }!
            groups[lightest].append(query)
            loads[lightest] += query.weight
        }
        return groups.filter { !$0.isEmpty }
    }
}

/// The caller's connection, handed to worker 0 alone while the caller waits for all workers.
private struct CallerConnection: @unchecked Sendable {
    let connection: Connection
}
