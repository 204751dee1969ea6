import CLibPQ
import Foundation
import PostgresClient

/// A throw-away PostgreSQL server: the default scratch server of every command
/// and of the tests, so nothing has to be started by hand.
///
/// Guarantees: its data lives in a private 0700 folder under the temporary
/// directory; it listens on a Unix socket in that folder only
/// (`listen_addresses = ''`); it is stopped and the folder deleted by `stop()`,
/// at process exit, and on SIGINT / SIGTERM / SIGHUP. Durability is switched
/// off (`fsync`, `full_page_writes`, `synchronous_commit`): nothing in it is
/// meant to survive.
///
/// Authentication: the superuser `postgres` is trusted on the socket (the
/// folder's permissions are the access control); any other role must give its
/// password (scram-sha-256), as on a real server.
public final class EmbeddedPostgres: @unchecked Sendable {
    public let binaries: ServerBinaries
    /// The private folder holding the data directory, the socket and the log.
    public let folder: URL
    public let port: Int
    /// How long `start()` took, initdb included.
    public private(set) var startupDuration: Duration = .zero
    public static let superuser = "postgres"
    /// The role replays run as unless `--trusted-sql`: it owns the scratch
    /// database and nothing else, so a replayed `COPY … TO PROGRAM`, an untrusted
    /// language or an `ALTER SYSTEM` fails instead of acting as the host's
    /// `postgres` account. Trusted extensions (pgcrypto, uuid-ossp, citext,
    /// pg_trgm, hstore …) need only database ownership; on PostgreSQL 16 and
    /// later it may also create roles (CREATEROLE no longer reaches roles it did not create).
    public static let replayRole = "schemactl_replay"

    private let process: ChildProcess
    private let lock = NSLock()
    private var stopped = false
    private var cleanupToken: Int?

    public var socketDirectory: String { folder.path }
    /// The data directory: inside `folder`, or the persistent one.
    public let dataDirectory: String
    public var logFile: String { folder.appendingPathComponent("server.log").path }

    /// The connection string of `database` on this server, as `user` (the superuser by default).
    public func connectionString(database: String = "postgres", user: String = EmbeddedPostgres.superuser) -> ConnectionString {
        ConnectionString("host=\(ConnectionString.quoteValue(socketDirectory)) port=\(port) user=\(ConnectionString.quoteValue(user)) dbname=\(ConnectionString.quoteValue(database))")
    }

    /// Creates the replay role where it is missing (see `replayRole`).
    func ensureReplayRole() throws {
        let connection = try Connection(connectionString())
        defer { connection.close() }
        let createRole = connection.serverVersionNumber >= 160000 ? " CREATEROLE" : ""
        try connection.execute("""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '\(Self.replayRole)') THEN
                CREATE ROLE \(Self.replayRole) LOGIN\(createRole);
              END IF;
            END $$
            """)
    }

    /// Starts a new server. Blocks until it accepts connections.
    ///
    /// With `persistentData`, the data directory lives there and survives `stop()`
    /// (initdb runs only the first time); only the socket folder is temporary.
    /// Two processes cannot run it at once: the second fails to start (PostgreSQL's
    /// own postmaster.pid lock) and should fall back to a temporary server.
    public static func start(binaries: ServerBinaries? = nil, persistentData: String? = nil) throws -> EmbeddedPostgres {
        let clock = ContinuousClock()
        let began = clock.now
        let binaries = try binaries ?? ServerBinaries.locate()
        OrphanedServers.sweepOnce()
        var runAs: SystemUser?
        if geteuid() == 0 {
            guard let user = SystemUser.named("postgres") else { throw EmbeddedPostgresError.noPostgresUser }
            runAs = user
        }
        let startup = StartupGuard()
        defer { startup.finish() }
        let folder = try startup.makeFolder { try makePrivateFolder(owner: runAs) }
        let port = 5432
        do {
            let data = persistentData ?? folder.appendingPathComponent("data").path
            try OrphanedServers.recordOwner(in: folder.path, dataDirectory: data)
            if !FileManager.default.fileExists(atPath: data + "/PG_VERSION") {
                if let persistentData { try preparePersistentParent(of: persistentData, owner: runAs) }
                // `--no-instructions` came in 14: 13's initdb refuses it (and prints what it would leave out).
                let quiet = (try? binaries.majorVersion()).map { $0 >= 14 } ?? true
                let initdb = try Subprocess.run(
                    binaries.path("initdb"),
                    ["-D", data, "-U", superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"] + (quiet ? ["--no-instructions"] : []),
                    as: runAs, currentDirectory: folder.path, startup: startup)
                guard initdb.status == 0 else {
                    throw EmbeddedPostgresError.initdbFailed(status: initdb.status, output: initdb.output)
                }
            }
            // Every start: a data directory made by an older schemactl lacks the replay role's line.
            try writeAuthentication(data: data)
            let process = try launch(binaries: binaries, data: data, folder: folder, port: port, runAs: runAs, startup: startup)
            let server = EmbeddedPostgres(binaries: binaries, folder: folder, dataDirectory: data, port: port, process: process)
            do {
                try server.waitUntilReady(timeout: 60)
                try server.ensureReplayRole()
            } catch {
                server.stop()
                throw error
            }
            server.startupDuration = clock.now - began
            return server
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    private init(binaries: ServerBinaries, folder: URL, dataDirectory: String, port: Int, process: ChildProcess) {
        self.binaries = binaries
        self.folder = folder
        self.dataDirectory = dataDirectory
        self.port = port
        self.process = process
        let token = ExitCleanup.register { [weak self] in self?.stop() }
        cleanupToken = token
    }

    deinit {
        stop()
    }

    /// Stops the server (fast shutdown, then immediate, then kill) and deletes its folder.
    public func stop() {
        lock.lock()
        if stopped { lock.unlock(); return }
        stopped = true
        if let cleanupToken { ExitCleanup.unregister(cleanupToken) }
        lock.unlock()
        if process.isRunning {
            let pid = postmasterPID() ?? process.processIdentifier
            for (signalNumber, wait) in [(SIGINT, 5.0), (SIGQUIT, 2.0), (SIGKILL, 2.0)] {
                kill(pid, signalNumber)
                if waitForExit(seconds: wait) { break }
            }
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Whether the folder still exists (for tests of clean-up).
    public var isRunning: Bool {
        lock.lock(); defer { lock.unlock() }
        return !stopped && process.isRunning
    }

    private func postmasterPID() -> pid_t? {
        guard let text = try? String(contentsOfFile: dataDirectory + "/postmaster.pid", encoding: .utf8),
              let first = text.split(separator: "\n").first else { return nil }
        return pid_t(first.trimmingCharacters(in: .whitespaces))
    }

    private func waitForExit(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        return !process.isRunning
    }

    private func waitUntilReady(timeout: Double) throws {
        let conninfo = connectionString().raw
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if PQping(conninfo) == PQPING_OK { return }
            if !process.isRunning {
                throw EmbeddedPostgresError.startFailed("the server process exited with status \(process.terminationStatus ?? -1)", log: readLog())
            }
            usleep(5_000)
        }
        throw EmbeddedPostgresError.notReady(seconds: timeout, log: readLog())
    }

    private func readLog() -> String {
        (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
    }

    private static func makePrivateFolder(owner: SystemUser?) throws -> URL {
        // /dev/shm or /tmp rather than $TMPDIR: a Unix socket path must stay under
        // ~100 bytes, and macOS's $TMPDIR alone is about 50.
        var template = Array("\(OrphanedServers.folderRoot)/schemactl-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw EmbeddedPostgresError.temporaryFolder(String(cString: strerror(errno)))
        }
        let path = String(cString: made)
        if let owner, chown(path, owner.uid, owner.gid) != 0 {
            let message = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: path)
            throw EmbeddedPostgresError.temporaryFolder("chown \(path) to \(owner.name): \(message)")
        }
        return URL(fileURLWithPath: path)
    }

    /// Settings given on the command line, so a persistent data directory's files are never edited twice.
    /// `max_locks_per_transaction`: a schema script or a migration that creates a whole
    /// large schema in one transaction takes a lock per relation; 5,000 tables with their
    /// indexes and sequences need about 30,000, and the default room is 64 × max_connections.
    private static func settings(socketDirectory: String, port: Int) -> [String] {
        [
            "listen_addresses=", "port=\(port)", "unix_socket_directories=\(socketDirectory)",
            "unix_socket_permissions=0700", "fsync=off", "full_page_writes=off", "synchronous_commit=off",
            "max_connections=200", "max_locks_per_transaction=512",
            "logging_collector=off", "log_min_messages=warning", "timezone=UTC",
            // The default from 14; 13 stores new passwords as md5, which scram-sha-256 login refuses.
            "password_encryption=scram-sha-256",
        ].flatMap { ["-c", $0] }
    }

    private static func writeAuthentication(data: String) throws {
        let hba = """
        # schemactl embedded server: the superuser is trusted on the private socket;
        # every other role authenticates with its password.
        local all \(superuser) trust
        local all \(replayRole) trust
        local all all scram-sha-256

        """
        do {
            // Overwrite in place so the file keeps its owner (the postgres user).
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: data + "/pg_hba.conf"))
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data(hba.utf8))
            try handle.close()
        } catch {
            throw EmbeddedPostgresError.startFailed("could not write the server configuration: \(error)", log: "")
        }
    }

    /// The persistent data directory's parent must exist and, as root, belong to the postgres user.
    private static func preparePersistentParent(of data: String, owner: SystemUser?) throws {
        let parent = URL(fileURLWithPath: data).deletingLastPathComponent().path
        do {
            // The folders above keep ordinary permissions: the postgres user must pass through them.
            try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: parent).deletingLastPathComponent().path,
                                                    withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw EmbeddedPostgresError.temporaryFolder("\(parent): \(error.localizedDescription)")
        }
        if let owner, chown(parent, owner.uid, owner.gid) != 0 {
            throw EmbeddedPostgresError.temporaryFolder("chown \(parent) to \(owner.name): \(String(cString: strerror(errno)))")
        }
    }

    private static func launch(binaries: ServerBinaries, data: String, folder: URL, port: Int, runAs: SystemUser?,
                               startup: StartupGuard) throws -> ChildProcess {
        let logPath = folder.appendingPathComponent("server.log").path
        do {
            return try Subprocess.spawn(binaries.path("postgres"), ["-D", data] + settings(socketDirectory: folder.path, port: port),
                                        as: runAs, currentDirectory: folder.path, logPath: logPath, startup: startup)
        } catch let error as StartupInterrupted {
            throw error
        } catch {
            throw EmbeddedPostgresError.startFailed("\(error)", log: "")
        }
    }
}

extension EmbeddedPostgres {
    private static let sharedServer = SharedServer()

    /// One embedded server per process, started on first use and stopped at exit.
    public static func shared() throws -> EmbeddedPostgres {
        try sharedServer.get()
    }

    /// Stops the shared server; the next `shared()` starts a fresh one. For a
    /// replay that changed the cluster as a whole (see `ClusterState`).
    public static func resetShared() {
        sharedServer.reset()
    }
}

private final class SharedServer: @unchecked Sendable {
    private let lock = NSLock()
    private var server: EmbeddedPostgres?

    func get() throws -> EmbeddedPostgres {
        lock.lock(); defer { lock.unlock() }
        if let server { return server }
        let started = try EmbeddedPostgres.start()
        server = started
        return started
    }

    func reset() {
        lock.lock(); defer { lock.unlock() }
        server?.stop()
        server = nil
    }
}

extension EmbeddedPostgres {
    private static let persistentServers = PersistentServers()

    /// One server per process on the persistent data directory `data`, started
    /// on first use and stopped at exit (the data stays). Returns nil when it
    /// cannot run: another process holds it, or the folder is unusable. A data
    /// directory that fails to start while no one holds it is deleted and made anew.
    public static func persistent(data: String) -> EmbeddedPostgres? {
        persistentServers.get(data)
    }

    /// Why the persistent server on `data` could not be used, once it has failed.
    public static func persistentFailure(data: String) -> String? {
        persistentServers.failure(data)
    }

    /// Stops the persistent server on `data` and deletes its data directory, so
    /// the next use starts from a fresh initdb: what a replay changed in the
    /// cluster as a whole (roles, role settings, ALTER SYSTEM) must not outlive it.
    public static func resetPersistent(data: String) {
        persistentServers.reset(data)
    }
}

private final class PersistentServers: @unchecked Sendable {
    private let lock = NSLock()
    private var servers: [String: EmbeddedPostgres] = [:]
    private var failed: [String: String] = [:]

    func get(_ data: String) -> EmbeddedPostgres? {
        lock.lock(); defer { lock.unlock() }
        if let server = servers[data] { return server }
        if failed[data] != nil { return nil }
        var reason: String
        do {
            var server = try EmbeddedPostgres.start(persistentData: data)
            // A run killed before it could reset the server leaves what its
            // replay changed in the cluster: start again from initdb.
            if (try? ClusterState.isPristine(server.connectionString())) != true {
                server.stop()
                try? FileManager.default.removeItem(atPath: data)
                server = try EmbeddedPostgres.start(persistentData: data)
            }
            servers[data] = server
            return server
        } catch {
            reason = "\(error)"
        }
        // An interrupt is no reason to rebuild the data directory: the process is ending.
        if ExitCleanup.isInterrupted { return nil }
        // Held by a live process: leave it alone. Otherwise it is stale or broken: start over once.
        if Self.heldByLiveProcess(data) {
            reason = "another schemactl process is using it"
        } else {
            try? FileManager.default.removeItem(atPath: data)
            do {
                let server = try EmbeddedPostgres.start(persistentData: data)
                servers[data] = server
                return server
            } catch {
                reason = "\(error)"
            }
        }
        failed[data] = reason
        return nil
    }

    func failure(_ data: String) -> String? {
        lock.lock(); defer { lock.unlock() }
        return failed[data]
    }

    func reset(_ data: String) {
        lock.lock(); defer { lock.unlock() }
        servers.removeValue(forKey: data)?.stop()
        try? FileManager.default.removeItem(atPath: data)
    }

    private static func heldByLiveProcess(_ data: String) -> Bool {
        guard let text = try? String(contentsOfFile: data + "/postmaster.pid", encoding: .utf8),
              let pid = text.split(separator: "\n").first.flatMap({ pid_t($0.trimmingCharacters(in: .whitespaces)) })
        else { return false }
        return kill(pid, 0) == 0
    }
}
