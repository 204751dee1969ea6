import EmbeddedServer
import Foundation
import Introspection
import Migrations
import PostgresClient
import SQLText
import SchemaModel
import Support

/// Migrations (or a `.sql` file) → scratch database → model.
///
/// Nothing of a replay is left behind: the scratch database is dropped whether
/// the replay succeeds or fails.
public struct MigrationReplay: Sendable {
    /// The server for scratch databases; nil: `$SCHEMACTL_SCRATCH_URL`, else the embedded server.
    public var scratch: String?
    public var useCache: Bool
    public var progress: (@Sendable (Int, Int, MigrationFile) -> Void)?
    /// Told, once, why the persistent embedded server could not be used (a
    /// replay then runs on a temporary server: correct, but with no reuse).
    public var warn: (@Sendable (String) -> Void)?
    public var filter: SchemaFilter
    /// Replay as the embedded server's superuser (`--trusted-sql`), for a history
    /// that needs one. By default replays run as `EmbeddedPostgres.replayRole`.
    public var trustedSQL = false
    /// Roles to create (NOLOGIN) before a replay on the embedded server:
    /// `[replay] roles` of schemactl.toml. Any other role a statement lacks is
    /// created when it fails for want of it; neither outlives the replay.
    public var roles: [String] = []
    /// Whether a role made for a statement that lacked it is named in a warning. A
    /// proof loads a model that names the roles its side's replay had: it makes them
    /// as a replay would, but they are not the history's to declare.
    public var warnsOfMissingRoles = true

    public init(scratch: String? = nil, useCache: Bool = true, filter: SchemaFilter = .everything,
                progress: (@Sendable (Int, Int, MigrationFile) -> Void)? = nil,
                warn: (@Sendable (String) -> Void)? = nil) {
        self.scratch = scratch
        self.useCache = useCache
        self.filter = filter
        self.progress = progress
        self.warn = warn
    }

    /// The files a replay of `directory` applies, in order.
    public static func files(of directory: MigrationDirectory, selection: MigrationSelection) throws -> [MigrationFile] {
        // Named as the user named the directory, so messages point where they look.
        try selection.select(from: directory).map { try directory.file(of: $0) }
    }

    /// The model the migrations of `path` produce.
    public func model(directory path: String, selection: MigrationSelection) throws -> LoadedModel {
        try model(directory: path, loaded: nil, selection: selection)
    }

    /// The same, for a directory the caller has loaded and validated already (consolidate
    /// reads its files too: loading 5,433 of them twice was a tenth of its time).
    /// `guess`: the cache's newest entry, decoding since before the caller loaded the
    /// directory (`guessCachedModel(directory:)`).
    public func model(of directory: MigrationDirectory, selection: MigrationSelection, guess: ReplayCache.Guess? = nil) throws -> LoadedModel {
        try model(directory: directory.path, loaded: directory, selection: selection, guess: guess)
    }

    /// Starts decoding the newest replay cache entry of the migrations directory at `path`
    /// on another thread (nil without the cache), for `model(of:selection:guess:)`: a caller
    /// that loads the directory itself starts it first, so that the two overlap (at 27,166
    /// migrations, each took about 0.4 s of consolidate's 2 s).
    public func guessCachedModel(directory path: String) -> ReplayCache.Guess? {
        useCache ? ReplayCache.beside(migrationsDirectory: path).guessNewest() : nil
    }

    private func model(directory path: String, loaded: MigrationDirectory?, selection: MigrationSelection,
                       guess started: ReplayCache.Guess? = nil) throws -> LoadedModel {
        let clock = ContinuousClock()
        let start = clock.now
        let cache = ReplayCache.beside(migrationsDirectory: path)
        let guess = useCache ? started ?? cache.guessNewest() : nil
        let serverData = URL(fileURLWithPath: cache.folder).deletingLastPathComponent().appendingPathComponent("server/data").path
        // With no cache entry at all the server will be needed: start it while
        // the files are read, validated and hashed.
        if guess == nil { prestartPersistentServer(serverData) }
        let directory = try loaded ?? MigrationDirectory.load(path)
        if loaded == nil { try directory.validate() }
        let files = try Self.files(of: directory, selection: selection)
        guard useCache, let guess else {
            let (model, version) = try replayOnPersistentServer(files, serverData: serverData) ?? replay(files)
            return LoadedModel(model: filtered(model), serverVersion: version, seconds: (clock.now - start).seconds, source: path)
        }
        let (major, state) = try scratchServerIdentity(cache: cache)
        let key = ReplayCache.key(serverMajor: major, server: state, files: files)
        if let hit = cache.load(key: key, guess: guess) {
            return LoadedModel(model: filtered(hit.model), serverVersion: hit.serverVersion,
                               seconds: (clock.now - start).seconds, source: path, replayKey: key)
        }
        // Every prefix's key only on a miss: finalizing thousands of digests is not free.
        let keys = ReplayCache.prefixKeys(serverMajor: major, server: state, files: files)
        let (model, version) = try replayReusingPrefix(files, keys: keys, serverData: serverData) ?? replay(files)
        cache.store(key: keys.last!, model: model, serverVersion: version)
        return LoadedModel(model: filtered(model), serverVersion: version, seconds: (clock.now - start).seconds, source: path,
                           replayKey: keys.last!)
    }

    /// The model a single `.sql` file produces on an empty database.
    public func model(sqlFile path: String) throws -> LoadedModel {
        let clock = ContinuousClock()
        let start = clock.now
        let file = try MigrationFile.read(path, expectedVersion: nil)
        let text = Self.withoutDumpRestrictions(file.text)
        let (model, version) = try replay([MigrationFile(path: path, text: text, expectedVersion: nil)], createSchemaVersions: false)
        return LoadedModel(model: filtered(model), serverVersion: version, seconds: (clock.now - start).seconds, source: path)
    }

    /// pg_dump 15.18 and later (and the other majors' matching releases) open and
    /// close a dump with `\restrict KEY` and `\unrestrict KEY`, psql commands that
    /// only guard psql itself. They are blanked, keeping every line where it was;
    /// any other psql meta-command is still refused with its line.
    /// Byte by byte, each such line made spaces: a whole dump of 67 MB took seconds cut
    /// into a million line strings and joined again.
    static func withoutDumpRestrictions(_ text: String) -> String {
        guard text.contains("\\restrict") || text.contains("\\unrestrict") else { return text }
        var bytes = Array(text.utf8)
        let prefixes = [Array("\\restrict ".utf8), Array("\\unrestrict ".utf8)]
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if bytes[lineStart] == UInt8(ascii: "\\"), prefixes.contains(where: { bytes[lineStart..<lineEnd].starts(with: $0) }) {
                for index in lineStart..<lineEnd { bytes[index] = UInt8(ascii: " ") }
            }
            lineStart = lineEnd + 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Applies `files` to a new scratch database and inspects it; the database is always dropped.
    /// `server` nil: the default scratch server (see `ScratchDatabase.server(explicit:)`).
    public func replay(_ files: [MigrationFile], createSchemaVersions: Bool = true,
                       on server: ConnectionString? = nil, persistentData: String? = nil) throws -> (DatabaseModel, Int) {
        try withScratchDatabase(on: server, persistentData: persistentData, files: files) { connection, runner in
            try runner.apply(files, to: connection, createSchemaVersions: createSchemaVersions)
            return try Self.built(connection)
        }
    }

    /// The model of the database a replay has built on `connection` (its statistics brought
    /// up to date first), with the server's version.
    private static func built(_ connection: Connection) throws -> (DatabaseModel, Int) {
        ScratchStatistics.refresh(connection)
        return (try Inspector().inspect(connection), connection.serverVersionNumber)
    }

    /// `replay` of `files`, then of `lanes` side by side, each on a connection of its own,
    /// then of `later` once every lane is done. A lane's files must need nothing another
    /// lane makes (a proof's source in parts, `SourceLanes`): the server makes one
    /// connection's DDL on one core, and loading a source was most of a proof.
    /// `progress` counts every file of the three stages as one run: a lane's "3 of 20" would
    /// otherwise interleave with the other's "1 of 15".
    public func replay(_ files: [MigrationFile], lanes: [[MigrationFile]], then later: [MigrationFile]) throws -> (DatabaseModel, Int) {
        let all = files + lanes.flatMap { $0 } + later
        let replay = countingProgress(over: all.count)
        return try replay.usingEmbeddedServer(persistentData: nil, files: all) {
            try replay.withScratchDatabase(on: try ScratchDatabase.server(explicit: scratch)) { database, connection, runner in
                try runner.apply(files, to: connection, createSchemaVersions: false)
                // Each lane on a connection of its own (a connection is one thread's); the first waits.
                _ = try lanes.parallelMap { lane in
                    let own = try database.connect()
                    defer { own.close() }
                    try runner.apply(lane, to: own, createSchemaVersions: false)
                }
                try runner.apply(later, to: connection, createSchemaVersions: false)
                return try Self.built(connection)
            }
        }
    }

    /// This replay with its progress counted over `total` files that several runners apply,
    /// some at once: each report under the lock, one at a time, in the order they were applied.
    private func countingProgress(over total: Int) -> MigrationReplay {
        guard let progress else { return self }
        var replay = self
        let applied = Mutex(0)
        replay.progress = { _, _, file in
            applied.withLock { count in
                count += 1
                progress(count, total, file)
            }
        }
        return replay
    }

    /// Of the extensions whose version changes from `source` to `target`, those the scratch
    /// server has no update path for (`pg_extension_update_paths`): most extensions ship no
    /// script back to an older version. A plan drops and creates these (`PlanOptions.extensionsRemade`)
    /// rather than write an `ALTER EXTENSION … UPDATE TO` the server refuses. One the server
    /// does not have at all is left out: its update fails with the server's own words.
    public func extensionsWithoutUpdatePath(from source: DatabaseModel, to target: DatabaseModel) throws -> Set<String> {
        let changing = source.extensions.compactMap { old -> (String, String, String)? in
            guard let new = target.extensions.first(where: { $0.name == old.name }), new.version != old.version else { return nil }
            return (old.name, old.version, new.version)
        }
        guard !changing.isEmpty else { return [] }
        return try usingEmbeddedServer(persistentData: nil) {
            let connection = try Connection(try ScratchDatabase.server(explicit: scratch))
            defer { connection.close() }
            // One query each: the function fails for an extension the server lacks, which must
            // not take the others' answers with it (they are few: those whose version changes).
            return Set(changing.filter { name, from, to in
                let paths = try? connection.query("""
                    SELECT count(*) FROM pg_catalog.pg_extension_update_paths($1)
                     WHERE source = $2 AND target = $3 AND path IS NOT NULL
                    """, [name, from, to])
                return paths?.rows.first?[0] == "0"
            }.map(\.0))
        }
    }

    /// A scratch database set up as a replay's (the replay role, the roles a history
    /// lacks created and named, the server reset after), for work that applies files
    /// one at a time and looks at the schema in between (`verify`).
    /// `server` nil: the default scratch server; `persistentData`: the persistent server's, to reset it.
    /// `files`: those `body` will apply, when known (see `usingEmbeddedServer`).
    public func withScratchDatabase<T>(on server: ConnectionString? = nil, persistentData: String? = nil,
                                       files: [MigrationFile] = [],
                                       _ body: (Connection, MigrationRunner) throws -> T) throws -> T {
        try usingEmbeddedServer(persistentData: persistentData, files: files) {
            try withScratchDatabase(on: try server ?? ScratchDatabase.server(explicit: scratch), body)
        }
    }

    private func withScratchDatabase<T>(on target: ConnectionString, _ body: (Connection, MigrationRunner) throws -> T) throws -> T {
        try withScratchDatabase(on: target) { _, connection, runner in try body(connection, runner) }
    }

    /// The same, with the database itself, to open more connections to it.
    private func withScratchDatabase<T>(on target: ConnectionString,
                                        _ body: (ScratchDatabase, Connection, MigrationRunner) throws -> T) throws -> T {
        let database = try ScratchDatabase(on: target, owner: replayRole)
        defer { database.drop() }
        let connection = try database.connect()
        defer { connection.close() }
        let runner = try runner(on: target, progress: progress)
        return try withPrivilegeHint { try body(database, connection, runner) }
    }

    /// A runner for `server`. On the embedded server, the roles of `roles` are
    /// made first, and any other a statement lacks is made when it fails for
    /// want of it, as a NOLOGIN role, and named: the server is then reset after
    /// the replay (`resetIfChanged`), so none outlives it. A server of the user's
    /// is theirs: its roles are what they are.
    private func runner(on server: ConnectionString,
                        progress: (@Sendable (Int, Int, MigrationFile) -> Void)?) throws -> MigrationRunner {
        guard usesEmbeddedServer else { return MigrationRunner(progress: progress) }
        let member = replayRole
        for role in roles { try Self.createRole(role, on: server, member: member) }
        let warn = warnsOfMissingRoles ? self.warn : nil
        return MigrationRunner(progress: progress, createMissingRole: { role in
            try Self.createRole(role, on: server, member: member)
            warn?("the history uses role \"\(role)\" without creating it: the replay created it (NOLOGIN) on the embedded "
                  + "server, and it ends with the replay. List such roles under [replay] roles in schemactl.toml to say so.")
        })
    }

    /// `CREATE ROLE … NOLOGIN`, granted to `member` (the replay role) so that
    /// `ALTER … OWNER TO` the new role works as it did in production; one that
    /// exists already (another replay made it) is left as it is.
    static func createRole(_ role: String, on server: ConnectionString, member: String?) throws {
        let connection = try Connection(server)
        defer { connection.close() }
        do {
            try connection.execute("CREATE ROLE \(SQLQuoting.identifier(role)) NOLOGIN")
        } catch let PostgresError.server(error) where error.sqlState == "42710" || error.sqlState == "23505" {
            // It exists: made earlier, or at this moment by the other side of a diff (whose
            // concurrent CREATE ROLE then fails on pg_authid's unique index instead).
            return
        }
        if let member, member != role {
            try connection.execute("GRANT \(SQLQuoting.identifier(role)) TO \(SQLQuoting.identifier(member))")
        }
    }

    /// On the embedded server, a replay that changed the cluster as a whole
    /// (roles, role settings, ALTER SYSTEM: see `ClusterState`) must not leave
    /// it for the next replay: the server is reset, and with it every replayed
    /// prefix. A server of the user's own is theirs: it is left as it is, and
    /// its state is part of the cache key instead.
    private func resetIfChanged(persistentData: String?) {
        guard usesEmbeddedServer else { return }
        let target = persistentData.map { EmbeddedPostgres.persistent(data: $0)?.connectionString() } ?? (try? ScratchDatabase.server(explicit: scratch))
        guard let server = target ?? nil, (try? ClusterState.isPristine(server)) != true else { return }
        if let persistentData {
            EmbeddedPostgres.resetPersistent(data: persistentData)
        } else {
            EmbeddedPostgres.resetShared()
        }
    }


    /// Replays under way on each embedded server of this process (the shared one, and each
    /// persistent one by its data directory): the one that ends last resets the server if the
    /// cluster changed. The two sides of a diff replay at once, and a reset when the first
    /// ended cut the other's connection ("server closed the connection unexpectedly").
    private static let serverUsers = Mutex([String: Int]())

    /// `body` as one use of the embedded server (`serverUsers`); on a server of the user's, just `body`.
    /// `files`: what the replay applies, when known, so that one that may change the
    /// cluster holds the server alone (`ReplayGate`) until it has been reset.
    private func usingEmbeddedServer<T>(persistentData: String?, files: [MigrationFile] = [],
                                        _ body: () throws -> T) throws -> T {
        guard usesEmbeddedServer else { return try body() }
        return try ReplayGate.shared.with(exclusive: ReplayGate.mayChangeCluster(files)) {
            let key = persistentData ?? ""
            Self.serverUsers.withLock { $0[key, default: 0] += 1 }
            defer {
                // Under the lock: no replay starts on the server while it is being reset.
                Self.serverUsers.withLock { users in
                    users[key, default: 1] -= 1
                    if users[key] == 0 { resetIfChanged(persistentData: persistentData) }
                }
            }
            return try body()
        }
    }

    /// The role replays log in as: the embedded server's unprivileged replay role,
    /// unless `trustedSQL`; nil (the connection's own user) on a server of the user's.
    var replayRole: String? {
        usesEmbeddedServer && !trustedSQL ? EmbeddedPostgres.replayRole : nil
    }

    /// A statement refused for lack of privilege, while replaying as the
    /// unprivileged role, says how to replay a history that needs a superuser.
    private func withPrivilegeHint<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let MigrationRunError.statementFailed(file, location, error, line) where replayRole != nil && error.sqlState == "42501" {
            throw ReplayError.needsSuperuser(.statementFailed(file: file, location: location, error: error, line: line),
                                             role: replayRole ?? "")
        }
    }

    /// Whether scratch databases go to the embedded server (no `--scratch`, no `$SCHEMACTL_SCRATCH_URL`).
    private var usesEmbeddedServer: Bool {
        ScratchDatabase.chosenServer(explicit: scratch) == nil
    }

    /// The persistent embedded server, when scratch databases go to the embedded
    /// server and no other process holds it.
    private func persistentServer(_ serverData: String) -> EmbeddedPostgres? {
        guard usesEmbeddedServer else { return nil }
        if let server = EmbeddedPostgres.persistent(data: serverData) { return server }
        if let reason = EmbeddedPostgres.persistentFailure(data: serverData) {
            warnOnce("the persistent embedded server in \(serverData) cannot be used (\(reason)); "
                                 + "replaying on a temporary server instead, without reusing earlier replays", through: warn)
        }
        return nil
    }

    /// Starts the persistent embedded server on another thread; whoever asks
    /// for it next waits for that start rather than beginning a second one.
    private func prestartPersistentServer(_ serverData: String) {
        guard usesEmbeddedServer else { return }
        Thread.detachNewThread { _ = EmbeddedPostgres.persistent(data: serverData) }
    }

    /// `--no-cache`: a new, empty scratch database on the persistent embedded
    /// server, dropped afterwards. Neither the model cache nor a replayed prefix
    /// is read or written; only initdb is saved (about a second). nil when that
    /// server is not available: the caller uses a temporary one.
    func replayOnPersistentServer(_ files: [MigrationFile], serverData: String) throws -> (DatabaseModel, Int)? {
        guard let server = persistentServer(serverData) else { return nil }
        return try replay(files, on: server.connectionString(), persistentData: serverData)
    }

    /// On the persistent embedded server: take the database of the longest
    /// history already replayed, apply the rest, and file it under the new
    /// history. nil when that server is not available (another process holds it,
    /// `--scratch` was given): the caller replays from nothing.
    func replayReusingPrefix(_ files: [MigrationFile], keys: [String], serverData: String) throws -> (DatabaseModel, Int)? {
        try usingEmbeddedServer(persistentData: serverData, files: files) {
            guard let server = persistentServer(serverData) else { return nil }
            return try advancePrefix(files, keys: keys, on: server) { connection in
                (try Inspector().inspect(connection), connection.serverVersionNumber)
            }
        }
    }

    /// Brings the longest prefix database of `files` up to all of them, runs
    /// `finish` on it, and files it under `keys.last`. What did apply is kept on
    /// failure (each file is its own transaction), unless the failing file ran
    /// outside one and may have left half its work.
    private func advancePrefix<T>(_ files: [MigrationFile], keys: [String], on server: EmbeddedPostgres,
                                  finish: (Connection) throws -> T) throws -> T {
        let templates = PrefixTemplates(server: server.connectionString(), owner: replayRole)
        try templates.dropLeftovers()
        let existing = Set(try templates.existing())
        let start = keys.indices.reversed().first { $0 > 0 && existing.contains(PrefixTemplates.name(forKey: keys[$0])) } ?? 0
        let work = try templates.checkOut(prefix: start > 0 ? PrefixTemplates.name(forKey: keys[start]) : nil)
        let applied = Mutex(0)
        do {
            let connection = try Connection(server.connectionString(database: work, user: replayRole ?? EmbeddedPostgres.superuser))
            defer { connection.close() }
            let report = progress
            let total = files.count
            let runner = try runner(on: server.connectionString(), progress: { position, _, file in
                applied.withLock { $0 = position - 1 }
                report?(start + position, total, file)
            })
            try withPrivilegeHint { try runner.apply(Array(files[start...]), to: connection, createSchemaVersions: start == 0) }
            applied.withLock { $0 = files.count - start }
            // Kept with the template, and by every copy of it.
            ScratchStatistics.refresh(connection)
            let result = try finish(connection)
            connection.close()
            try templates.checkIn(work, key: keys.last!)
            return result
        } catch {
            let done = start + applied.current
            let failedOutside = done < files.count && files[done].runsOutsideTransaction
            try? templates.checkIn(work, key: done > 0 && !failedOutside ? keys[done] : nil)
            throw error
        }
    }

    /// A scratch database holding the replay of `files` (the start of the
    /// history of `directory`), for work that goes on from there: `verify
    /// --changed` checks the migrations after them. On the persistent embedded
    /// server the longest prefix already replayed is brought up to `files` and
    /// kept for the next run, and the work runs on a copy of it (`CREATE DATABASE
    /// … TEMPLATE`), dropped after; elsewhere `files` are applied to a new scratch
    /// database. The copy costs about what the template comment in
    /// `PrefixTemplates` says (seconds at 1,000 tables), against a replay of the whole prefix.
    public func withReplayed<T>(_ files: [MigrationFile], directory path: String,
                                _ body: (Connection, MigrationRunner) throws -> T) throws -> T {
        let cache = ReplayCache.beside(migrationsDirectory: path)
        let serverData = URL(fileURLWithPath: cache.folder).deletingLastPathComponent().appendingPathComponent("server/data").path
        // Without the persistent server (or the cache): the whole history on a new scratch database.
        func fromNothing() throws -> T {
            try withScratchDatabase(files: files) { connection, runner in
                try runner.apply(files, to: connection)
                ScratchStatistics.refresh(connection)
                return try body(connection, runner)
            }
        }
        guard useCache, !files.isEmpty, persistentServer(serverData) != nil else { return try fromNothing() }
        return try usingEmbeddedServer(persistentData: serverData, files: files) {
            guard let server = persistentServer(serverData) else { return try fromNothing() }
            return try withReplayedPrefix(files, cache: cache, on: server, body)
        }
    }

    private func withReplayedPrefix<T>(_ files: [MigrationFile], cache: ReplayCache, on server: EmbeddedPostgres,
                                       _ body: (Connection, MigrationRunner) throws -> T) throws -> T {
        let (major, state) = try scratchServerIdentity(cache: cache)
        let keys = ReplayCache.prefixKeys(serverMajor: major, server: state, files: files)
        try advancePrefix(files, keys: keys, on: server) { _ in }
        let admin = try Connection(server.connectionString())
        defer { admin.close() }
        let copy = PrefixTemplates.workPrefix + String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16)).lowercased()
        try admin.execute("CREATE DATABASE \(SQLQuoting.identifier(copy)) TEMPLATE \(SQLQuoting.identifier(PrefixTemplates.name(forKey: keys.last!)))"
                          + (replayRole.map { " OWNER \(SQLQuoting.identifier($0))" } ?? ""))
        defer { _ = try? admin.execute("DROP DATABASE IF EXISTS \(SQLQuoting.identifier(copy)) WITH (FORCE)") }
        let connection = try Connection(server.connectionString(database: copy, user: replayRole ?? EmbeddedPostgres.superuser))
        defer { connection.close() }
        let runner = try runner(on: server.connectionString(), progress: progress)
        return try withPrivilegeHint { try body(connection, runner) }
    }

    private func filtered(_ model: DatabaseModel) -> DatabaseModel {
        var copy = model
        filter.apply(to: &copy)
        return copy
    }

    /// The scratch server's major version, without starting the embedded server
    /// when it is the one: `postgres -V`, remembered beside the cache for as long
    /// as the binary's size and modification time stay the same.
    ///
    /// With the major, what else decides a replay's result on that server: a user's
    /// scratch server's roles and settings (`ClusterState.fingerprint`), read on the
    /// same connection; for the embedded server, the role replays run as (a prefix
    /// replayed as the superuser owns what the replay role could not continue).
    private func scratchServerIdentity(cache: ReplayCache) throws -> (major: Int, state: String) {
        if let chosen = ScratchDatabase.chosenServer(explicit: scratch) {
            let connection = try Connection(chosen)
            defer { connection.close() }
            return (connection.serverVersionNumber / 10000, try ClusterState.fingerprint(connection))
        }
        let state = (replayRole.map { "role " + $0 } ?? "")
            + (roles.isEmpty ? "" : " roles " + roles.sorted().map(SQLQuoting.identifier).joined(separator: ","))
        let binaries = try ServerBinaries.locate()
        let program = binaries.path("postgres")
        let attributes = try? FileManager.default.attributesOfItem(atPath: program)
        let identity = "\(program) \((attributes?[.size] as? NSNumber)?.intValue ?? 0) "
            + "\((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        let memo = cache.folder + "/server-version"
        if let text = try? String(contentsOfFile: memo, encoding: .utf8) {
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
            if parts.count >= 2, parts[0] == identity, let major = Int(parts[1]) { return (major, state) }
        }
        let major = try binaries.majorVersion()
        try? FileManager.default.createDirectory(atPath: cache.folder, withIntermediateDirectories: true)
        try? "\(identity)\n\(major)\n".write(toFile: memo, atomically: true, encoding: .utf8)
        return (major, state)
    }
}
/// Each warning once per process, however many replays run.
private let warned = Mutex(Set<String>())

private func warnOnce(_ message: String, through sink: (@Sendable (String) -> Void)?) {
    guard let sink, warned.withLock({ $0.insert(message).inserted }) else { return }
    sink(message)
}
