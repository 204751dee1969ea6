import PostgresClient
import SQLText

/// What a database's catalog is at one snapshot, in a line of text that changes
/// whenever a committed change could change its model: the key under which a
/// model read once is kept (`ModelMemory`), so that reading an unchanged
/// database again costs one scan of its catalogs instead of a full inspection
/// (at 5,000 tables: about 0.15 s of the server's time against 1.7 s).
///
/// Why the transaction ids of the rows, and why that is exact: every
/// transactional change to a catalog row (insert, update, delete) leaves the
/// set of visible rows with a row whose `xmin` no row visible before had (the
/// committing transaction's own id, or a subtransaction's), or with fewer rows.
/// So the count and a 64-bit hash-sum of the `xmin`s of each catalog's visible
/// rows change with any committed change, in any commit order, whatever
/// `ctid`s vacuum reuses. Two things escape that and are added apart:
/// - updates made in place (`heap_inplace_update`): statistics and flags of
///   pg_class and pg_database the model does not read, and pg_index's
///   `indisvalid`, `indisready` and `indislive` (CREATE and DROP INDEX
///   CONCURRENTLY), which it does: those three are hashed by value;
/// - catalogs shared by the cluster, of which the model reads a few rows
///   (the database's own, its settings and comment, tablespaces, the names of
///   the roles it names, subscriptions): those rows only, so that another
///   database's DDL, or a role it does not name, does not count; role names and
///   subscriptions by value (pg_authid and pg_subscription's `xmin` are a
///   superuser's to read).
///
/// Left out as data, not schema, which ANALYZE, applications and replication
/// write all day and the model does not read: pg_statistic,
/// pg_statistic_ext_data, large objects (pg_largeobject and its metadata:
/// `pg_dump -s` leaves them out too) and a subscription's per-table sync state
/// (pg_subscription_rel).
///
/// Two clusters can hand out the same transaction ids for different changes
/// (two containers made the same way): the stamp starts with the cluster's
/// system identifier, the postmaster's start time, the database's oid and the
/// role that reads, so that equal ids mean the same rows of the same database.
public enum CatalogStamp {
    /// Select-list item for the opening round trip: the database's own catalogs
    /// this role can read whole, and the one it reads through a view, as
    /// `catalogs` (a space-separated list) — what `sql(catalogs:)` is built from.
    static let catalogsColumn = """
        (SELECT pg_catalog.string_agg(c.relname || CASE WHEN pg_catalog.has_table_privilege(c.oid, 'SELECT') THEN '' ELSE '?' END, \
        ' ' ORDER BY c.relname) FROM pg_catalog.pg_class c WHERE c.relnamespace = 'pg_catalog'::pg_catalog.regnamespace \
        AND c.relkind = 'r' AND NOT c.relisshared AND c.relname NOT IN (\(excluded.map { SQLQuoting.literal($0) }.joined(separator: ", ")))) \
        AS stamp_catalogs
        """

    /// Data the server writes without a schema change.
    static let excluded = ["pg_statistic", "pg_statistic_ext_data", "pg_largeobject", "pg_largeobject_metadata", "pg_subscription_rel"]

    /// The stamp's query for the catalogs `catalogsColumn` listed; nil when one
    /// of them cannot be read, whole or through a view (no stamp: no memory).
    static func sql(catalogs listed: String) -> String? {
        var parts: [String] = []
        for entry in listed.split(separator: " ").map(String.init) {
            if entry.hasSuffix("?") {
                // A user mapping's catalog holds its options (passwords): a superuser's to read.
                // The model reads the mappings through the view, which every role may.
                guard entry == "pg_user_mapping?" else { return nil }
                parts.append(byValue("pg_catalog.pg_user_mappings", "umid::pg_catalog.text || ' ' || srvid::pg_catalog.text || ' ' || umuser::pg_catalog.text"))
            } else if entry == "pg_index" {
                parts.append("(SELECT \(countAndSum) || ':' || coalesce(pg_catalog.sum(pg_catalog.hashtext(indexrelid::pg_catalog.text "
                             + "|| indisvalid::pg_catalog.text || indisready::pg_catalog.text || indislive::pg_catalog.text)), 0) FROM pg_catalog.pg_index)")
            } else {
                parts.append(byTransaction("pg_catalog." + SQLQuoting.identifier(entry)))
            }
        }
        let database = UnmodelledQuery.currentDatabase
        parts.append(byTransaction("pg_catalog.pg_database", where: "oid = \(database)"))
        parts.append(byTransaction("pg_catalog.pg_db_role_setting", where: "setdatabase = \(database)"))
        parts.append(byTransaction("pg_catalog.pg_shdescription",
                                   where: "objoid = \(database) AND classoid = 'pg_catalog.pg_database'::pg_catalog.regclass"))
        parts.append(byTransaction("pg_catalog.pg_tablespace"))
        parts.append(byValue("pg_catalog.pg_roles", "oid::pg_catalog.text || ' ' || rolname", where: namedRoles(database)))
        parts.append(byValue("pg_catalog.pg_subscription", "oid::pg_catalog.text || ' ' || subname", where: "subdbid = \(database)"))
        return "SELECT pg_catalog.concat_ws(' ', " + parts.joined(separator: ", ") + ") AS stamp"
    }

    /// The roles whose names the model can hold: those this database's objects name (owners,
    /// grantees and grantors, policies' roles, user mappings, default privileges: each has a
    /// pg_shdepend row, written in the transaction that names the role), the database's owner,
    /// the owners of tablespaces and subscriptions, the roles with settings in this database, and
    /// the roles initdb made (the bootstrap superuser owns the system objects, and no pg_shdepend
    /// row says so). Not every role: a role made, renamed or dropped that this database does not
    /// name leaves its model as it is, so a cluster that makes roles all day keeps its models.
    private static func namedRoles(_ database: String) -> String {
        let role = "'pg_catalog.pg_authid'::pg_catalog.regclass"
        return "oid < 16384 OR oid IN (SELECT refobjid FROM pg_catalog.pg_shdepend WHERE refclassid = \(role) AND (dbid = \(database) "
            + "OR dbid = 0 AND (classid = 'pg_catalog.pg_database'::pg_catalog.regclass AND objid = \(database) "
            + "OR classid IN ('pg_catalog.pg_tablespace'::pg_catalog.regclass, 'pg_catalog.pg_subscription'::pg_catalog.regclass)))) "
            + "OR oid IN (SELECT setrole FROM pg_catalog.pg_db_role_setting WHERE setdatabase = \(database))"
    }

    private static let countAndSum = "pg_catalog.count(*)::pg_catalog.text || ':' || coalesce(pg_catalog.sum(pg_catalog.hashint8extended(xmin::pg_catalog.text::pg_catalog.int8, 0)), 0)"

    private static func byTransaction(_ catalog: String, where condition: String? = nil) -> String {
        "(SELECT \(countAndSum) FROM \(catalog)\(condition.map { " WHERE " + $0 } ?? ""))"
    }

    private static func byValue(_ relation: String, _ value: String, where condition: String? = nil) -> String {
        "(SELECT pg_catalog.count(*)::pg_catalog.text || ':' || coalesce(pg_catalog.sum(pg_catalog.hashtextextended(\(value), 0)), 0) "
            + "FROM \(relation)\(condition.map { " WHERE " + $0 } ?? ""))"
    }

    /// Select-list item for the opening round trip: which cluster, which start of it, which
    /// database, read by whom and on which version, as `stamp_identity`. The system identifier
    /// is asked only of a role allowed to call the function.
    static let identityColumn = "(" + identity + ") AS stamp_identity"

    private static let identity = """
        'cluster ' || coalesce(CASE WHEN pg_catalog.has_function_privilege('pg_catalog.pg_control_system()', 'EXECUTE') \
        THEN (SELECT s.system_identifier::pg_catalog.text FROM pg_catalog.pg_control_system() s) END, '?') \
        || ' started ' || pg_catalog.pg_postmaster_start_time()::pg_catalog.text \
        || ' database ' || \(UnmodelledQuery.currentDatabase)::pg_catalog.text \
        || ' role ' || CURRENT_USER::pg_catalog.text || ' version ' || pg_catalog.current_setting('server_version_num')
        """
}
