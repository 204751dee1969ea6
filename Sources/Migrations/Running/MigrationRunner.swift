import PostgresClient
import SQLText

/// Applies files in order through one connection, as their authors wrote them.
///
/// A file with its own `BEGIN; … COMMIT;` runs as it is; one without is wrapped
/// in a transaction; one whose first line is `-- schemactl:no-transaction` runs
/// statement by statement outside any transaction. After each migration, its
/// version, and no other, must have been recorded in `schema_versions`.
public struct MigrationRunner: Sendable {
    /// Called before each file: (1-based position, count, file).
    public var progress: (@Sendable (Int, Int, MigrationFile) -> Void)?
    /// Asked to create a role a statement needs and the server lacks
    /// (`role "app_user" does not exist`); the statement, or its whole file when
    /// it ran in a transaction, then runs again. nil: such a statement fails.
    public var createMissingRole: (@Sendable (String) throws -> Void)?

    public init(progress: (@Sendable (Int, Int, MigrationFile) -> Void)? = nil,
                createMissingRole: (@Sendable (String) throws -> Void)? = nil) {
        self.progress = progress
        self.createMissingRole = createMissingRole
    }

    /// The role named by a "role … does not exist" error (SQLSTATE 42704), if that is what `error` is.
    static func missingRole(in error: ServerError) -> String? {
        let prefix = "role \"", suffix = "\" does not exist"
        guard error.sqlState == "42704", error.message.hasPrefix(prefix), error.message.hasSuffix(suffix),
              error.message.count > prefix.count + suffix.count else { return nil }
        return String(error.message.dropFirst(prefix.count).dropLast(suffix.count))
    }

    /// Creates the role `error` says is missing, once per role and file; false when it cannot.
    private func createdRole(for error: ServerError, alreadyCreated created: inout Set<String>) throws -> Bool {
        guard let createMissingRole, let role = Self.missingRole(in: error), created.insert(role).inserted else { return false }
        try createMissingRole(role)
        return true
    }

    /// Creates `schema_versions` (the guide's definition) when `createSchemaVersions`, then applies `files`.
    /// `prelude`: SQL run first inside each file's transaction (before a bare file's first statement);
    /// `postlude`: SQL run last inside it, before its COMMIT (after a bare file's last statement), so
    /// that a check that fails there keeps nothing of the file.
    public func apply(_ files: [MigrationFile], to connection: Connection, createSchemaVersions: Bool = true,
                      prelude: String? = nil, postlude: String? = nil) throws {
        if createSchemaVersions { try connection.execute(SchemaVersions.createStatement) }
        // One query after each file both checks what it recorded and moves the mark.
        var lastID = files.contains { $0.expectedVersion != nil } ? try Self.lastRecordedID(connection) : 0
        for (position, file) in files.enumerated() {
            progress?(position + 1, files.count, file)
            let check = file.expectedVersion.map { _ in Self.recordedSince(lastID) }
            let result = try runCreatingRoles(file, on: connection, thenQuery: check, prelude: prelude, postlude: postlude)
            if let expected = file.expectedVersion {
                // A file run outside a transaction returns no result: ask separately.
                let rows = try result?.rows ?? connection.query(Self.recordedSince(lastID)).rows
                let recorded = try rows.map { try $0.string("version") }
                guard recorded == [expected] else {
                    throw MigrationRunError.versionNotRecorded(file: file.path, expected: expected, recorded: recorded)
                }
                lastID = try rows.last?.int("id") ?? lastID
            }
        }
    }

    /// What was recorded after row `id` (an integer we hold, so inlining it is safe).
    private static func recordedSince(_ id: Int) -> String {
        "SELECT id, version FROM schema_versions WHERE id > \(id) ORDER BY id"
    }

    /// The id of the last row of `schema_versions` (0 when empty).
    public static func lastRecordedID(_ connection: Connection) throws -> Int {
        try connection.query("SELECT coalesce(max(id), 0) AS id FROM schema_versions").rows.first?.int("id") ?? 0
    }

    /// What a new psql session would not have inherited from the previous
    /// file: settings (search_path above all), a SET ROLE or SET SESSION
    /// AUTHORIZATION, temporary tables, prepared statements, cursors, LISTENs,
    /// advisory locks. `DISCARD ALL` in parts, because `DISCARD ALL` itself
    /// refuses to run in a multi-statement string, and sending it alone costs
    /// a round trip per file (a new session per file costs a backend start).
    static let sessionReset = (sessionResetKeepingPlans + ["DEALLOCATE ALL", "DISCARD PLANS"]).joined(separator: "; ")

    /// The reset's statements without `DEALLOCATE ALL` and `DISCARD PLANS`, for files that
    /// prepare nothing (`RollbackTrial`): the session's own prepared reads keep their plans.
    static let sessionResetKeepingPlans = [
        "RESET ALL", "SET SESSION AUTHORIZATION DEFAULT", "CLOSE ALL", "UNLISTEN *", "SELECT pg_advisory_unlock_all()",
        "DISCARD TEMP", "DISCARD SEQUENCES",
    ]

    /// `run`, again after creating each role the file lacks (see `createMissingRole`).
    /// One statement alone, with the rows its `COPY … FROM STDIN` reads from the file.
    private static func execute(_ statement: SQLStatement, of lexer: SQLLexer, on connection: Connection) throws {
        try connection.execute(statement.text, copying: lexer.copyData(of: statement).map { [$0] } ?? [])
    }

    /// A file in a transaction was rolled back whole: it runs again from its start.
    private func runCreatingRoles(_ file: MigrationFile, on connection: Connection, thenQuery query: String?,
                                  prelude: String?, postlude: String? = nil) throws -> QueryResult? {
        var created: Set<String> = []
        while true {
            do {
                return try run(file, on: connection, thenQuery: query, prelude: prelude, postlude: postlude, created: &created)
            } catch let failure as MigrationRunError {
                guard !file.runsOutsideTransaction, case let .statementFailed(_, _, error, _) = failure,
                      try createdRole(for: error, alreadyCreated: &created) else { throw failure }
            }
        }
    }

    /// Runs `file`; for a file in a transaction, `query` follows it in the same
    /// round trip (after its COMMIT and the session reset, so it sees what the
    /// file recorded) and its result is returned. Thousands of small files make
    /// round trips count.
    private func run(_ file: MigrationFile, on connection: Connection, thenQuery query: String?, prelude: String?,
                     postlude: String?, created: inout Set<String>) throws -> QueryResult? {
        let statements: [SQLStatement]
        let lexer = SQLLexer(file.text)
        do {
            statements = try lexer.statements()
        } catch let error as SQLLexerError {
            throw MigrationRunError.lexical(file: file.path, error: error)
        }
        if file.runsOutsideTransaction {
            if let prelude { try connection.execute(prelude) }
            for statement in statements {
                while true {
                    do {
                        try Self.execute(statement, of: lexer, on: connection)
                        break
                    } catch let PostgresError.server(error) {
                        if try createdRole(for: error, alreadyCreated: &created) { continue }
                        // The position counts characters of the statement; move it into the file.
                        let lines = LineIndex(file.text)
                        let inStatement = error.position.map { LineIndex(statement.text).byteOffset(ofCharacter: $0 - 1) }
                        let location = inStatement.map { lines.location(ofByte: statement.byteRange.lowerBound + $0) }
                        throw MigrationRunError.statementFailed(file: file.path, location: location, error: error,
                                                          line: location.map { lines.text(ofLine: $0.line) })
                    }
                }
            }
            if let postlude { try connection.execute(postlude) }
            try checkTransactionEnded(file, on: connection)
            try connection.execute(Self.sessionReset)
            return nil
        }
        // A file that manages its own transactions runs as written; any other is wrapped in one.
        let wrapped = !statements.contains { $0.controlsTransaction }
        // The file's text comes first and unchanged, so the server's error
        // positions still count from the start of the file. The newline ends a
        // trailing `--` comment; the `;` ends a last statement left open.
        // The rows of each `COPY … FROM STDIN` go apart from the text (`textWithoutCopyData`).
        let fileText = lexer.textWithoutCopyData(statements)
        var text = fileText + "\n;"
        if let postlude {
            // Before the file's closing COMMIT: the text up to it is unchanged, so error positions still hold.
            if !wrapped, let last = statements.last, last.isCommit {
                text = String(decoding: Array(fileText.utf8)[..<last.byteRange.lowerBound], as: UTF8.self) + "\n;\n" + postlude + ";\nCOMMIT;"
            } else {
                text += "\n" + postlude + ";"
            }
        }
        if wrapped { text += "\nCOMMIT;" }
        text += "\n" + Self.sessionReset + ";"
        if let query { text += "\n" + query }
        let result: QueryResult
        do {
            // With a prelude, the transaction is opened here; a file's own BEGIN then only warns
            // ("already a transaction in progress") and its COMMIT ends both.
            if wrapped || prelude != nil { try connection.execute("BEGIN") }
            if let prelude { try connection.execute(prelude) }
            result = try connection.execute(text, copying: statements.compactMap(lexer.copyData(of:)))
        } catch let PostgresError.server(error) {
            _ = try? connection.execute("ROLLBACK")
            let lines = LineIndex(file.text)
            if let position = error.position, position <= file.text.unicodeScalars.count {
                let location = lines.location(ofPostgresPosition: position)
                throw MigrationRunError.statementFailed(file: file.path, location: location, error: error,
                                                  line: lines.text(ofLine: location.line))
            }
            throw locateFailure(of: file, on: connection, prelude: prelude) ?? MigrationRunError.statementFailed(
                file: file.path, location: nil, error: error, line: nil)
        }
        try checkTransactionEnded(file, on: connection)
        if statements.last?.isRollback == true {
            throw MigrationRunError.endsInRollback(file: file.path, expected: file.expectedVersion)
        }
        return query == nil ? nil : result
    }

    /// A transaction the file left open is rolled back, as the end of a psql session would, and the file fails.
    private func checkTransactionEnded(_ file: MigrationFile, on connection: Connection) throws {
        guard connection.isInTransaction else { return }
        _ = try? connection.execute("ROLLBACK")
        throw MigrationRunError.transactionLeftOpen(file: file.path)
    }

    /// Some errors carry no position (`CREATE INDEX … ON missing`). The file was
    /// rolled back whole, so run it again statement by statement inside one
    /// transaction, to find the statement that fails, then roll that back too.
    private func locateFailure(of file: MigrationFile, on connection: Connection, prelude: String?) -> MigrationRunError? {
        let lexer = SQLLexer(file.text)
        guard let statements = try? lexer.statements() else { return nil }
        let lines = LineIndex(file.text)
        defer { _ = try? connection.execute("ROLLBACK") }
        guard (try? connection.execute("BEGIN")) != nil else { return nil }
        if let prelude, (try? connection.execute(prelude)) == nil { return nil }
        for statement in statements where !statement.isBegin && !statement.isCommit {
            do {
                try Self.execute(statement, of: lexer, on: connection)
            } catch let PostgresError.server(error) {
                let offset = error.position.map { LineIndex(statement.text).byteOffset(ofCharacter: $0 - 1) } ?? 0
                let location = lines.location(ofByte: statement.byteRange.lowerBound + offset)
                return .statementFailed(file: file.path, location: location, error: error, line: lines.text(ofLine: location.line))
            } catch {
                return nil
            }
        }
        return nil
    }
}
