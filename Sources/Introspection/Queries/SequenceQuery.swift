import PostgresClient
import SchemaModel

/// Sequences. pg_sequence (PostgreSQL 10+) with pg_depend for OWNED BY:
/// information_schema.sequences says nothing of ownership. Sequences behind
/// identity columns (pg_depend `deptype = 'i'`) belong to their column: they
/// are read here too, and handed to the columns by table oid and attribute
/// number. Joined in the columns query instead, they cost it a quarter of
/// its time at 5,000 tables (a hash of every column, for 5,000 identities).
enum SequenceQuery {
    /// An identity column: its table's oid and its attribute number.
    struct ColumnKey: Hashable {
        var table: UInt32
        var column: Int
    }

    static let sql = """
        SELECT n.nspname AS schema, c.relname AS name, d.description AS comment,
               \(PrivilegeSQL.owner("c.relowner")) AS owner,
               \(PrivilegeSQL.privileges(acl: "c.relacl", owner: "c.relowner", type: "'s'")) AS privileges,
               pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
               s.seqstart AS start, s.seqincrement AS increment, s.seqmin AS min_value, s.seqmax AS max_value,
               s.seqcache AS cache, s.seqcycle AS cycle, c.relpersistence = 'u' AS unlogged,
               -- Names only for OWNED BY: an identity sequence goes to its column by oid and
               -- number, and looking up three names for each of them was a third of this query.
               CASE WHEN owner.deptype = 'a' THEN (SELECT tn.nspname FROM pg_catalog.pg_class tc
                    JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace WHERE tc.oid = owner.table_oid) END AS table_schema,
               CASE WHEN owner.deptype = 'a' THEN (SELECT tc.relname FROM pg_catalog.pg_class tc
                    WHERE tc.oid = owner.table_oid) END AS table_name,
               CASE WHEN owner.deptype = 'a' THEN (SELECT a.attname FROM pg_catalog.pg_attribute a
                    WHERE a.attrelid = owner.table_oid AND a.attnum = owner.column_number) END AS column_name,
               owner.deptype AS ownership, owner.table_oid, owner.column_number
        FROM pg_catalog.pg_sequence s
        JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN LATERAL (
            SELECT dep.deptype, dep.refobjid AS table_oid, dep.refobjsubid AS column_number
            FROM pg_catalog.pg_depend dep
            WHERE dep.classid = 'pg_class'::pg_catalog.regclass AND dep.objid = c.oid
              AND dep.refclassid = 'pg_class'::pg_catalog.regclass AND dep.refobjsubid > 0
              AND dep.deptype IN ('a', 'i')
            LIMIT 1) owner ON true
        \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_class", oid: "c.oid"))
        WHERE \(CatalogFilter.userSchema("n.nspname"))
          AND \(CatalogFilter.notExtensionMember(catalog: "pg_class", oid: "c.oid"))
        """

    /// An identity column's sequence: its options, name, comment, privileges and persistence.
    struct IdentitySequence {
        var options: SequenceOptions
        var name: QualifiedName
        var comment: String?
        var privileges: [Privilege]
        var unlogged: Bool
    }

    /// The sequences, and apart from them identity columns' sequences.
    static func decode(_ result: QueryResult) throws -> (sequences: [Sequence], identities: [ColumnKey: IdentitySequence]) {
        var sequences: [Sequence] = [], identities: [ColumnKey: IdentitySequence] = [:]
        for row in result.rows {
            if try row.optionalString("ownership") == "i" {
                identities[ColumnKey(table: try row.oid("table_oid"), column: try row.int("column_number"))] = IdentitySequence(
                    options: try options(row), name: try row.qualifiedName(), comment: try row.optionalString("comment"),
                    privileges: try row.privileges(), unlogged: try row.bool("unlogged"))
                continue
            }
            var ownedBy: ColumnReference?
            if let table = try row.optionalString("table_name") {
                ownedBy = ColumnReference(table: QualifiedName(schema: try row.string("table_schema"), name: table),
                                          column: try row.string("column_name"))
            }
            var sequence = try row.owned(Sequence(name: try row.qualifiedName(), options: try options(row), ownedBy: ownedBy,
                                                  comment: try row.optionalString("comment")))
            sequence.unlogged = try row.bool("unlogged")
            sequences.append(sequence)
        }
        return (sequences, identities)
    }

    static func options(_ row: Row) throws -> SequenceOptions {
        SequenceOptions(dataType: try row.string("data_type"), start: try row.int64("start"),
                        increment: try row.int64("increment"), minValue: try row.int64("min_value"),
                        maxValue: try row.int64("max_value"), cache: try row.int64("cache"),
                        cycle: try row.bool("cycle"))
    }
}
