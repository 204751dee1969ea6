import Foundation
import PostgresClient
import SQLText
import SchemaModel

/// The replayed state of recent histories, kept as databases on the persistent
/// embedded server, each named after the hash of the files it holds
/// (`schemactl_prefix_<sha256>`). A replay takes the database of the longest
/// history already replayed, applies only the files after it, and renames it
/// after the new history: adding one migration replays one migration.
///
/// Why move a database forward instead of copying templates (`CREATE DATABASE
/// … TEMPLATE`): on this project's machine, copying a 1,000-table database took
/// 2.7 s (FILE_COPY) to 4.0 s (WAL_LOG), more than the one-migration budget; a
/// rename is free. While in use the database carries a working name, so a
/// replay killed half-way never leaves a database whose name lies about its
/// content; leftovers are dropped by the next run, which holds the server alone.
struct PrefixTemplates {
    static let namePrefix = "schemactl_prefix_"
    static let workPrefix = "schemactl_work_"
    let server: ConnectionString
    /// The role a new working database belongs to (the replay role, unless `--trusted-sql`).
    var owner: String?
    var keep = 3

    static func name(forKey key: String) -> String { namePrefix + key.prefix(40) }

    /// Prefix databases present on the server, newest last (by oid).
    func existing() throws -> [String] {
        try names(like: "schemactl\\_prefix\\_%")
    }

    /// Drops databases a killed run left under a working name.
    func dropLeftovers() throws {
        let admin = try Connection(server)
        for name in try names(like: "schemactl\\_work\\_%") {
            try admin.execute("DROP DATABASE IF EXISTS \(SQLQuoting.identifier(name)) WITH (FORCE)")
        }
    }

    /// A working database: `prefix` renamed, or a new empty one.
    func checkOut(prefix: String?) throws -> String {
        let admin = try Connection(server)
        let work = Self.workPrefix + String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16)).lowercased()
        if let prefix {
            try admin.execute("ALTER DATABASE \(SQLQuoting.identifier(prefix)) RENAME TO \(SQLQuoting.identifier(work))")
        } else {
            try admin.execute("CREATE DATABASE \(SQLQuoting.identifier(work))" + (owner.map { " OWNER \(SQLQuoting.identifier($0))" } ?? ""))
        }
        return work
    }

    /// Files the working database under `key`'s name, or drops it (key nil, or that name taken).
    func checkIn(_ work: String, key: String?) throws {
        let admin = try Connection(server)
        if let key {
            let name = Self.name(forKey: key)
            if try admin.query("SELECT 1 FROM pg_catalog.pg_database WHERE datname = $1", [name]).rows.isEmpty {
                try admin.execute("ALTER DATABASE \(SQLQuoting.identifier(work)) RENAME TO \(SQLQuoting.identifier(name))")
            } else {
                try admin.execute("DROP DATABASE IF EXISTS \(SQLQuoting.identifier(work)) WITH (FORCE)")
            }
        } else {
            try admin.execute("DROP DATABASE IF EXISTS \(SQLQuoting.identifier(work)) WITH (FORCE)")
        }
        for old in try existing().dropLast(keep) {
            try admin.execute("DROP DATABASE IF EXISTS \(SQLQuoting.identifier(old))")
        }
    }

    private func names(like pattern: String) throws -> [String] {
        try Connection(server).query(
            "SELECT datname FROM pg_catalog.pg_database WHERE datname LIKE $1 ORDER BY oid", [pattern]
        ).rows.map { try $0.string("datname") }
    }
}
