import CLibPQ
import Foundation

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

    private let process: Process
    private let lock = NSLock()
    private var stopped = false
    private var cleanupToken: Int?

    public var socketDirectory: String { folder.path }
    public var dataDirectory: String { folder.appendingPathComponent("data").path }
    public var logFile: String { folder.appendingPathComponent("server.log").path }

    /// The connection string of `database` on this server, as the superuser.
    public func connectionString(database: String = "postgres") -> ConnectionString {
        ConnectionString("host=\(ConnectionString.quoteValue(socketDirectory)) port=\(port) user=\(Self.superuser) dbname=\(ConnectionString.quoteValue(database))")
    }

    /// Starts a new server. Blocks until it accepts connections.
    public static func start(binaries: ServerBinaries? = nil) throws -> EmbeddedPostgres {
        let clock = ContinuousClock()
        let began = clock.now
        let binaries = try binaries ?? ServerBinaries.locate()
        var runAs: SystemUser?
        if geteuid() == 0 {
            guard let user = SystemUser.named("postgres") else { throw EmbeddedPostgresError.noPostgresUser }
            runAs = user
        }
        let folder = try makePrivateFolder(owner: runAs)
        let port = 5432
        do {
            let data = folder.appendingPathComponent("data").path
            let initdb = try Subprocess.run(
                binaries.path("initdb"),
                ["-D", data, "-U", superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
                as: runAs, currentDirectory: folder.path)
            guard initdb.status == 0 else {
                throw EmbeddedPostgresError.initdbFailed(status: initdb.status, output: initdb.output)
            }
            try writeConfiguration(data: data, socketDirectory: folder.path, port: port)
            let process = try launch(binaries: binaries, data: data, folder: folder, runAs: runAs)
            let server = EmbeddedPostgres(binaries: binaries, folder: folder, port: port, process: process)
            do {
                try server.waitUntilReady(timeout: 60)
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

    private init(binaries: ServerBinaries, folder: URL, port: Int, process: Process) {
        self.binaries = binaries
        self.folder = folder
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
                throw EmbeddedPostgresError.startFailed("the server process exited with status \(process.terminationStatus)", log: readLog())
            }
            usleep(5_000)
        }
        throw EmbeddedPostgresError.notReady(seconds: timeout, log: readLog())
    }

    private func readLog() -> String {
        (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
    }

    private static func makePrivateFolder(owner: SystemUser?) throws -> URL {
        // /tmp rather than $TMPDIR: a Unix socket path must stay under ~100 bytes,
        // and macOS's $TMPDIR alone is about 50.
        var template = Array("/tmp/schemactl-XXXXXX".utf8CString)
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

    private static func writeConfiguration(data: String, socketDirectory: String, port: Int) throws {
        let settings = """

        # schemactl embedded server: socket only, no durability.
        listen_addresses = ''
        port = \(port)
        unix_socket_directories = '\(socketDirectory.replacingOccurrences(of: "'", with: "''"))'
        unix_socket_permissions = 0700
        fsync = off
        full_page_writes = off
        synchronous_commit = off
        max_connections = 200
        logging_collector = off
        log_min_messages = warning
        timezone = 'UTC'

        """
        let hba = """
        # schemactl embedded server: the superuser is trusted on the private socket;
        # every other role authenticates with its password.
        local all \(superuser) trust
        local all all scram-sha-256

        """
        do {
            let conf = try FileHandle(forWritingTo: URL(fileURLWithPath: data + "/postgresql.conf"))
            try conf.seekToEnd()
            try conf.write(contentsOf: Data(settings.utf8))
            try conf.close()
            // Overwrite in place so the file keeps its owner (the postgres user).
            let hbaHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: data + "/pg_hba.conf"))
            try hbaHandle.truncate(atOffset: 0)
            try hbaHandle.write(contentsOf: Data(hba.utf8))
            try hbaHandle.close()
        } catch {
            throw EmbeddedPostgresError.startFailed("could not write the server configuration: \(error)", log: "")
        }
    }

    private static func launch(binaries: ServerBinaries, data: String, folder: URL, runAs: SystemUser?) throws -> Process {
        let logPath = folder.appendingPathComponent("server.log").path
        _ = FileManager.default.createFile(atPath: logPath, contents: nil, attributes: [.posixPermissions: 0o600])
        guard let log = FileHandle(forWritingAtPath: logPath) else {
            throw EmbeddedPostgresError.startFailed("could not open \(logPath)", log: "")
        }
        let (launcher, arguments) = Subprocess.command(binaries.path("postgres"), ["-D", data], as: runAs)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: launcher)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        do {
            try process.run()
        } catch {
            throw EmbeddedPostgresError.startFailed("\(launcher): \(error)", log: "")
        }
        return process
    }
}

extension EmbeddedPostgres {
    private static let sharedServer = SharedServer()

    /// One embedded server per process, started on first use and stopped at exit.
    public static func shared() throws -> EmbeddedPostgres {
        try sharedServer.get()
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
}
