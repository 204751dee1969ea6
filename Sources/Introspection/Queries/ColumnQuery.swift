import PostgresClient
import SQLText
import SchemaModel

/// Columns of every table. pg_attribute: measured on 1,000 tables,
/// information_schema.columns took 222 ms where this took 35 ms for the same
/// 13,545 rows, and it says more (identity columns, collation oids). The
/// options of identity sequences come from `SequenceQuery`.
///
/// A default cannot refer to a column, so it is deparsed without its table
/// (`pg_get_expr(adbin, 0)`): with the table, the server builds the relation
/// cache entry of every table in this backend, which took 170 of the 200 ms
/// the 25,000 defaults of 5,000 tables cost. Generated columns do refer to
/// columns and keep their table.
enum ColumnQuery {
    /// A column's `SET COMPRESSION` (of `pg_attribute a`), or NULL; a table's and a materialized view's alike.
    static func compression(_ version: CatalogVersion) -> String {
        version.major >= 14 ? "CASE a.attcompression WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END" : "NULL"
    }

    /// A column's `SET STATISTICS`, or NULL when not set (-1 before 17).
    static func statisticsTarget(_ version: CatalogVersion) -> String {
        version.major >= 17 ? "a.attstattarget" : "NULLIF(a.attstattarget, -1)"
    }

    /// `attstorage`'s letter as `SET STORAGE` names it.
    static func storageName(_ letter: String) -> String {
        ["p": "PLAIN", "e": "EXTERNAL", "x": "EXTENDED", "m": "MAIN"][letter] ?? letter
    }

    static func sql(_ version: CatalogVersion) -> String {
        let compression = compression(version), statisticsTarget = statisticsTarget(version)
        // 18 keeps a column's NOT NULL as a constraint (one per column). One NOT VALID sets
        // attnotnull too: the model holds it as a constraint. A valid one's name is kept where it
        // is not one the server gives: `table_column_not_null`, or a parent's (a table renamed
        // keeps the old).
        let eighteen = version.major >= 18
        let notNull = eighteen ? "a.attnotnull AND coalesce(k.convalidated, true)" : "a.attnotnull"
        // An inherited one's name is its parent's unless the child declares it too (its own
        // name is then kept, even where it is the parent's, `Column.notNullLocal`). A partition's
        // inherited one is read against its parent's name alone: `PARTITION OF` gives it the
        // parent's, and one attached later keeps its own, the table's name included
        // (`t_c_not_null`, kept then).
        let partitionInherited = "c.relispartition AND k.coninhcount > 0"
        let notNullName = eighteen
            ? """
              CASE WHEN k.convalidated AND (\(partitionInherited) OR k.conname <> c.relname || '_' || a.attname || '_not_null')
                        AND (k.conislocal AND NOT c.relispartition OR NOT EXISTS (SELECT FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_constraint pk ON pk.conrelid = i.inhparent
                                        WHERE i.inhrelid = a.attrelid AND pk.contype = 'n' AND pk.conname = k.conname))
                   THEN k.conname END
              """
            : "NULL"
        let notNullJoin = eighteen
            ? "LEFT JOIN pg_catalog.pg_constraint k ON k.conrelid = a.attrelid AND k.contype = 'n' AND k.conkey[1] = a.attnum\n"
                + CatalogFilter.commentJoin(alias: "dk", catalog: "pg_constraint", oid: "k.oid")
            : ""
        return """
        SELECT a.attrelid AS table_oid, a.attname AS name, a.attnum AS position,
               pg_catalog.quote_ident(a.attname) AS quoted_name, a.atttypid AS type_oid, a.attcollation AS collation_oid,
               pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, \(notNull) AS not_null, \(notNullName) AS not_null_name,
               \(eighteen ? "CASE WHEN k.convalidated THEN dk.description END" : "NULL") AS not_null_comment,
               \(eighteen ? "k.convalidated AND k.connoinherit" : "false") AS not_null_no_inherit,
               \(eighteen ? "CASE WHEN k.convalidated AND k.coninhcount > 0 AND NOT c.relispartition THEN k.conislocal END" : "NULL::boolean") AS not_null_local,
               \(eighteen ? "CASE WHEN NOT (\(partitionInherited)) THEN c.relname END" : "NULL") AS relation_name,
               CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, 0) END AS default_expression,
               CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS generated_expression,
               a.attgenerated = 'v' AS virtual,
               a.attinhcount > 0 AND a.attislocal AND NOT c.relispartition AS inherited_and_local,
               a.attidentity AS identity, c.relispartition AS partition,
               CASE WHEN a.attcollation <> t.typcollation
                    THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname) END AS collation,
               d.description AS comment,
               \(PrivilegeSQL.privileges(acl: "a.attacl", owner: "c.relowner", type: "'c'")) AS privileges,
               CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage END AS storage,
               \(compression) AS compression, \(statisticsTarget) AS statistics_target, a.attoptions AS options
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
        LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
        LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
        \(notNullJoin)
        \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_class", oid: "a.attrelid", subid: "a.attnum"))
        WHERE c.relkind IN ('r', 'p', 'm') AND a.attnum > 0 AND NOT a.attisdropped
          AND \(CatalogFilter.userSchema("n.nspname"))
          AND \(CatalogFilter.notExtensionMember(catalog: "pg_class", oid: "c.oid"))
        """
    }

    /// Columns by table oid (no names: 50,000 rows of them cost both ends
    /// more than the lookup by oid), with what index and constraint
    /// definitions need of them (`ColumnNames`).
    static func decode(_ result: QueryResult, identities: [SequenceQuery.ColumnKey: SequenceQuery.IdentitySequence]) throws
        -> [(Column, ColumnNames.Entry, tableOID: UInt32)] {
        let tableOID = try result.column("table_oid")
        let name = try result.column("name"), position = try result.column("position"), type = try result.column("type")
        let notNull = try result.column("not_null"), defaultExpression = try result.column("default_expression")
        let identityColumn = try result.column("identity"), generatedExpression = try result.column("generated_expression")
        let collation = try result.column("collation"), comment = try result.column("comment")
        let quotedName = try result.column("quoted_name"), typeOID = try result.column("type_oid")
        let collationOID = try result.column("collation_oid"), privileges = try result.column("privileges")
        let storage = try result.column("storage"), compression = try result.column("compression")
        let statisticsTarget = try result.column("statistics_target"), options = try result.column("options")
        let virtual = try result.column("virtual"), inheritedAndLocal = try result.column("inherited_and_local")
        let partition = try result.column("partition"), notNullName = try result.column("not_null_name")
        let relationName = try result.column("relation_name"), notNullLocal = try result.column("not_null_local")
        let notNullComment = try result.column("not_null_comment"), notNullNoInherit = try result.column("not_null_no_inherit")
        return try result.rows.map { row in
            let oid = try row.oid(tableOID), number = try row.int(position)
            var identity: Column.Identity?
            let generation = try row.string(identityColumn)
            // From PostgreSQL 17 a partition's identity column is the parent's: it draws on the
            // parent's sequence and has none of its own. `PARTITION OF` and `ATTACH PARTITION`
            // give it back, so the partition's column holds no identity of its own here.
            let inheritedIdentity = try row.bool(partition) && identities[SequenceQuery.ColumnKey(table: oid, column: number)] == nil
            if (generation == "a" || generation == "d") && !inheritedIdentity {
                guard let sequence = identities[SequenceQuery.ColumnKey(table: oid, column: number)] else {
                    throw IntrospectionError(query: "columns", underlying: "identity column \(try row.string(name)) of the table with oid \(oid) has no sequence")
                }
                identity = Column.Identity(generation: generation == "a" ? .always : .byDefault, sequence: sequence.options)
                // The name is kept for now and left out by the inspector where it is the default (it knows the table's).
                identity?.sequenceName = sequence.name
                identity?.sequenceComment = sequence.comment
                identity?.sequencePrivileges = sequence.privileges.isEmpty ? nil : sequence.privileges
                // Kept for now, and left out by the inspector where it is the table's.
                identity?.sequenceUnlogged = sequence.unlogged
            }
            var column = Column(
                name: try row.string(name), position: number, type: try row.string(type),
                notNull: try row.bool(notNull), defaultExpression: row.optionalString(defaultExpression),
                identity: identity, generatedExpression: row.optionalString(generatedExpression),
                collation: row.optionalString(collation), comment: row.optionalString(comment),
                privileges: (try row.json(privileges, as: [Privilege].self) ?? []).sorted())
            column.storage = row.optionalString(storage).map(storageName)
            column.compression = row.optionalString(compression)
            if try row.bool(virtual) { column.generatedStorage = "VIRTUAL" }
            if try row.bool(inheritedAndLocal) { column.inheritedAndLocal = true }
            // The server's name for a long table and column is cut to fit (`makeObjectName`), which
            // the query's comparison does not know: such a name is the server's too (not on a
            // partition's inherited one, whose relation name the query leaves out).
            column.notNullName = row.optionalString(notNullName).flatMap { kept in
                row.optionalString(relationName).map { ServerNames.objectName($0, column.name, label: "not_null") } == kept ? nil : kept
            }
            column.notNullLocal = try row.optionalBool(notNullLocal)
            column.notNullComment = row.optionalString(notNullComment)
            if try row.optionalBool(notNullNoInherit) == true { column.notNullNoInherit = true }
            column.statisticsTarget = row.optionalString(statisticsTarget).flatMap { Int($0) }
            if let text = row.optionalString(options) { column.options = userOptions(PostgresArray.parse(text)) }
            let entry = ColumnNames.Entry(name: column.name, quoted: try row.string(quotedName),
                                          typeOID: try row.string(typeOID), collationOID: try row.string(collationOID))
            return (column, entry, oid)
        }
    }

    /// The options a user set (`n_distinct`, `n_distinct_inherited`), in the catalog's order
    /// (pg_dump writes them so; compared as a set, `ModelFlattener`). Names that
    /// begin `pg_` are the server's own: Debian's PostgreSQL 15.20 keeps a `pg_attver=N`
    /// on every column it makes, a number no two databases share and that pg_dump leaves
    /// out. A user cannot set such a name (`ALTER COLUMN … SET` accepts only the two above).
    /// The same rule in SQL: `CatalogFilter.userColumnOptions`.
    static func userOptions(_ options: [String?]) -> [String] {
        options.compactMap { $0 }.filter { !$0.hasPrefix("pg_") }
    }
}
