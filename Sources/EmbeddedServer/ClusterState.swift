import PostgresClient
/// What a replay may change beyond its own database: the cluster-wide state
/// that every later session, and so every later replay, would inherit.
///
/// Roles, role and all-database settings (`ALTER ROLE … SET`, `ALTER DATABASE
/// postgres SET`), `ALTER SYSTEM` and tablespaces live outside any one
/// database. A replayed `ALTER ROLE postgres SET search_path = app` would put
/// every table of the next replay in the wrong schema; a `CREATE ROLE` would
/// make the next history that creates the same role fail. On the embedded
/// server, such a change means the server is reset after the replay.
public enum ClusterState {
    /// Counts every cluster-wide change a fresh initdb does not have; 0 when pristine.
    static let changesQuery = """
        SELECT (SELECT count(*) FROM pg_catalog.pg_authid WHERE oid >= 16384 AND rolname <> 'schemactl_replay')
             + (SELECT count(*) FROM pg_catalog.pg_db_role_setting s
                  LEFT JOIN pg_catalog.pg_database d ON d.oid = s.setdatabase
                 WHERE s.setrole <> 0 OR s.setdatabase = 0 OR d.datname IN ('postgres', 'template0', 'template1'))
             + (SELECT count(*) FROM pg_catalog.pg_file_settings WHERE sourcefile LIKE '%postgresql.auto.conf')
             + (SELECT count(*) FROM pg_catalog.pg_tablespace WHERE oid >= 16384) AS changes
        """

    /// Whether the server's cluster-wide state is still that of a fresh initdb.
    /// Only for servers of our own (the embedded one): a user's server has roles.
    public static func isPristine(_ server: ConnectionString) throws -> Bool {
        let connection = try Connection(server)
        defer { connection.close() }
        return try connection.query(changesQuery).rows.first?.int("changes") == 0
    }

    /// What a scratch server of the user's own brings to every replay: its
    /// roles, and the settings its new sessions start with. Part of the replay
    /// cache's key, so that a model replayed under one state is not returned
    /// under another.
    public static func fingerprint(_ connection: Connection) throws -> String {
        let rows = try connection.query("""
            SELECT 'role ' || rolname AS item FROM pg_catalog.pg_roles WHERE oid >= 16384
            UNION ALL
            SELECT 'setting ' || name || '=' || setting FROM pg_catalog.pg_settings
             WHERE source IN ('configuration file', 'global', 'user')
            ORDER BY 1
            """).rows
        return try rows.map { try $0.string("item") }.joined(separator: "\n")
    }
}
