import PostgresClient
import SQLText

/// The definitions of a few named objects, read in one round trip through the
/// server's own deparsers (`pg_get_indexdef`, `pg_get_constraintdef`,
/// `pg_get_viewdef`, `pg_get_functiondef`, …), with names where the catalogs
/// hold OIDs: two reads compare equal exactly when the objects are the same,
/// even if one was dropped and created again in between. What `verify`
/// compares around a rollback when it knows which objects a migration touches
/// (`TouchedObjects`); it costs what those objects cost, not the whole schema.
///
/// Columns are listed by name, not position, as the diff compares them unless
/// `--column-order`. Lookups go through the catalogs' name indexes.
///
/// The reader keeps a connection of its own to the same database, with the query
/// prepared once and planned generically: planning it costs more than running it
/// (3 ms against 2 on a 100-table schema), and a migration runner's connection
/// deallocates prepared statements between files. It sees what has committed.
public final class ObjectFingerprint {
    private let connection: Connection

    /// A reader beside `sibling`, on the same database with the same credentials.
    public init(beside sibling: Connection) throws {
        connection = try Connection(sibling.connectionString)
        for (name, value) in Self.planSettings.sorted(by: { $0.key < $1.key }) { try connection.execute("SET \(name) = \(value)") }
        try connection.prepare(Self.statementName, Self.query(major: connection.serverVersionNumber / 10000))
    }

    public func close() { connection.close() }

    /// Object header ("relation public.t", "function public.f(integer)") → its definition, one property a line.
    public func read(relations: Set<String>, functions: Set<String>, types: Set<String>, schemas: Set<String>) throws -> [String: String] {
        let names = Self.arguments(relations: relations, functions: functions, types: types, schemas: schemas)
        return try Self.definitions(connection.run(prepared: Self.statementName, names))
    }

    /// The settings under which the query runs: its plan is made once (planning it costs
    /// more than running it) and must be right at every size of the catalogs. A plan made
    /// while they were small (a new scratch database) scans them whole once they are not:
    /// 10 ms a read at 1,000 tables instead of 1. For a few named objects, index lookups are
    /// right at every size. (The query is also written so that no join can be turned around
    /// to start from a whole catalog: the sequence check is a scalar subquery, not EXISTS.)
    public static let planSettings = ["plan_cache_mode": "force_generic_plan", "enable_seqscan": "off"]

    /// The name the query is prepared under, on the sibling or by `prepare(on:)`.
    public static let statementName = "schemactl_fingerprint"

    /// Prepares the query on `connection` itself, for reads inside its own
    /// transaction (`RollbackTrial`), which a sibling cannot see. A session reset
    /// with `DEALLOCATE ALL` removes it.
    public static func prepare(on connection: Connection) throws {
        try connection.prepare(statementName, query(major: connection.serverVersionNumber / 10000))
    }

    /// The statement that reads these objects through the prepared query, for a
    /// multi-statement string; its result goes to `definitions(_:)`.
    public static func execute(relations: Set<String>, functions: Set<String>, types: Set<String>, schemas: Set<String>) -> String {
        let names = arguments(relations: relations, functions: functions, types: types, schemas: schemas)
        // E'' strings read the same whatever a migration set standard_conforming_strings to.
        func literal(_ text: String) -> String {
            "E'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
        }
        return "EXECUTE \(statementName)(" + names.map(literal).joined(separator: ", ") + ")"
    }

    /// Object header → definition, from a result of the query.
    public static func definitions(_ result: QueryResult) throws -> [String: String] {
        var definitions: [String: String] = [:]
        for row in result.rows { definitions[try row.string("object")] = try row.string("definition") }
        return definitions
    }

    /// Names joined by U+0001, which no identifier holds, and split by the server: no array quoting to get wrong.
    private static func arguments(relations: Set<String>, functions: Set<String>, types: Set<String>, schemas: Set<String>) -> [String] {
        [relations, functions, types, schemas].map { $0.sorted().joined(separator: "\u{1}") }
    }

    /// The lines of `before` and `after` that differ, object by object, as `- line` / `+ line`; empty when equal.
    ///
    /// `sameQuery` says whether two texts of one view's query mean the same where they differ
    /// (the diff's `ExpressionForms.differOnlyInHiddenNames`): a rollback that restores a view
    /// from its printed text may name a hidden column the original SQL left unnamed.
    public static func difference(_ before: [String: String], _ after: [String: String],
                                  sameQuery: (String, String) -> Bool = { $0 == $1 }) -> [String] {
        var lines: [String] = []
        for object in Set(before.keys).union(after.keys).sorted() where before[object] != after[object] {
            guard let old = before[object] else { lines.append("+ \(object) (created)"); continue }
            guard let new = after[object] else { lines.append("- \(object) (gone)"); continue }
            let oldLines = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let newLines = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let view = "view "
            if oldLines.count == newLines.count, zip(oldLines, newLines).allSatisfy({ old, new in
                old == new || old.hasPrefix(view) && new.hasPrefix(view) && sameQuery(query(old.dropFirst(view.count)), query(new.dropFirst(view.count)))
            }) { continue }
            lines.append("~ \(object)")
            lines += oldLines.filter { !newLines.contains($0) }.map { "    - " + $0 }
            lines += newLines.filter { !oldLines.contains($0) }.map { "    + " + $0 }
        }
        return lines
    }

    /// A view's query as the server printed it, from its one-line form in a fingerprint.
    private static func query(_ line: Substring) -> String {
        var text = ""
        var escaped = false
        for char in line {
            if escaped { text.append(char == "n" ? "\n" : char); escaped = false } else if char == "\\" { escaped = true } else { text.append(char) }
        }
        return text
    }

    private static let userSchema = CatalogFilter.userSchema("n.nspname")

    /// The comment on an object, read from pg_description directly: `obj_description` and
    /// `col_description` are SQL functions, each call an executor start of its own.
    private static func comment(of object: String, in catalog: String, column: String = "0") -> String {
        "(SELECT ds.description FROM pg_catalog.pg_description ds WHERE ds.objoid = \(object) "
            + "AND ds.classoid = 'pg_catalog.\(catalog)'::pg_catalog.regclass AND ds.objsubid = \(column))"
    }

    static func query(major: Int) -> String {
        // attcompression came in 14.
        let compression = major >= 14 ? "a.attcompression::pg_catalog.text" : "''"
        return """
        WITH RECURSIVE named AS (
            SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relname = ANY (pg_catalog.string_to_array($1, E'\\x01')) AND \(userSchema)
            UNION
            SELECT i.inhrelid FROM pg_catalog.pg_inherits i JOIN named ON named.oid = i.inhparent
        ), owned AS (
            -- The sequences behind identity and serial columns: their options change with the table's.
            SELECT oid FROM named
            UNION
            SELECT d.objid FROM pg_catalog.pg_depend d JOIN named ON d.refobjid = named.oid
            WHERE d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
              AND d.deptype IN ('a', 'i')
              AND (SELECT s.relkind FROM pg_catalog.pg_class s WHERE s.oid = d.objid) = 'S'
        )
        SELECT 'relation ' || n.nspname || '.' || c.relname AS object, pg_catalog.concat_ws(E'\\n',
            'kind ' || c.relkind::pg_catalog.text || ' ' || c.relpersistence::pg_catalog.text || ' rls ' || c.relrowsecurity::pg_catalog.text || ' ' || c.relforcerowsecurity::pg_catalog.text
                || ' replica ' || c.relreplident::pg_catalog.text || ' owner ' || pg_catalog.pg_get_userbyid(c.relowner),
            'options ' || c.reloptions::pg_catalog.text,
            'toast options ' || (SELECT t.reloptions::pg_catalog.text FROM pg_catalog.pg_class t WHERE t.oid = c.reltoastrelid), 'acl ' || (SELECT pg_catalog.string_agg(x::pg_catalog.text, ',' ORDER BY x::pg_catalog.text) FROM pg_catalog.unnest(coalesce(c.relacl, pg_catalog.acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::\"char\", c.relowner))) x),
            'comment ' || \(comment(of: "c.oid", in: "pg_class")),
            'partition ' || pg_catalog.pg_get_partkeydef(c.oid), 'bound ' || pg_catalog.pg_get_expr(c.relpartbound, c.oid),
            (SELECT 'inherits ' || pg_catalog.string_agg(p.oid::pg_catalog.regclass::pg_catalog.text, ', ' ORDER BY i.inhseqno)
             FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent WHERE i.inhrelid = c.oid),
            CASE WHEN c.relkind::pg_catalog.text = 'i' THEN pg_catalog.pg_get_indexdef(c.oid) END,
            -- The query on one line (backslashes and line ends escaped), so `difference` can take it whole.
            CASE WHEN c.relkind::pg_catalog.text IN ('v', 'm') THEN 'view ' || pg_catalog.replace(pg_catalog.replace(
                pg_catalog.pg_get_viewdef(c.oid), E'\\\\', E'\\\\\\\\'), E'\\n', E'\\\\n') END,
            CASE WHEN c.relkind::pg_catalog.text = 'S' THEN (SELECT 'sequence ' || pg_catalog.format_type(s.seqtypid, NULL) || ' ' || s.seqstart::pg_catalog.text || ' '
                || s.seqincrement::pg_catalog.text || ' ' || s.seqmax::pg_catalog.text || ' ' || s.seqmin::pg_catalog.text || ' ' || s.seqcache::pg_catalog.text || ' ' || s.seqcycle::pg_catalog.text
                FROM pg_catalog.pg_sequence s WHERE s.seqrelid = c.oid) END,
            (SELECT pg_catalog.string_agg('column ' || a.attname || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod)
                || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                || coalesce(' default ' || pg_catalog.pg_get_expr(d.adbin, d.adrelid), '')
                || ' ' || a.attidentity::pg_catalog.text || a.attgenerated::pg_catalog.text || ' ' || a.attstorage::pg_catalog.text || \(compression)
                || coalesce(' collate ' || (SELECT co.collname FROM pg_catalog.pg_collation co WHERE co.oid = a.attcollation
                    AND a.attcollation <> 100 AND a.attcollation <> (SELECT t.typcollation FROM pg_catalog.pg_type t WHERE t.oid = a.atttypid)), '') || coalesce(' options ' || \(CatalogFilter.userColumnOptions("a.attoptions"))::pg_catalog.text, '')
                || coalesce(' acl ' || (SELECT pg_catalog.string_agg(x::pg_catalog.text, ',' ORDER BY x::pg_catalog.text) FROM pg_catalog.unnest(a.attacl) x), '')
                || coalesce(' comment ' || \(comment(of: "c.oid", in: "pg_class", column: "a.attnum")), ''), E'\\n' ORDER BY a.attname)
             FROM pg_catalog.pg_attribute a
             LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
            (SELECT pg_catalog.string_agg('constraint ' || k.conname || ' ' || pg_catalog.pg_get_constraintdef(k.oid)
                || CASE WHEN k.condeferrable THEN ' deferrable' ELSE '' END || CASE WHEN k.condeferred THEN ' deferred' ELSE '' END
                || coalesce(' comment ' || \(comment(of: "k.oid", in: "pg_constraint")), ''), E'\\n' ORDER BY k.conname)
             FROM pg_catalog.pg_constraint k WHERE k.conrelid = c.oid),
            (SELECT pg_catalog.string_agg('index ' || pg_catalog.pg_get_indexdef(x.indexrelid)
                || CASE WHEN x.indisvalid THEN '' ELSE ' invalid' END || CASE WHEN x.indisclustered THEN ' cluster' ELSE '' END
                || coalesce(' comment ' || \(comment(of: "x.indexrelid", in: "pg_class")), ''), E'\\n'
                ORDER BY (SELECT i.relname FROM pg_catalog.pg_class i WHERE i.oid = x.indexrelid))
             FROM pg_catalog.pg_index x WHERE x.indrelid = c.oid),
            (SELECT pg_catalog.string_agg('trigger ' || pg_catalog.pg_get_triggerdef(t.oid) || ' ' || t.tgenabled::pg_catalog.text
                || coalesce(' comment ' || \(comment(of: "t.oid", in: "pg_trigger")), ''), E'\\n' ORDER BY t.tgname)
             FROM pg_catalog.pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal),
            (SELECT pg_catalog.string_agg('policy ' || p.polname || ' ' || p.polcmd::pg_catalog.text || ' ' || p.polpermissive::pg_catalog.text
                || ' ' || coalesce(pg_catalog.pg_get_expr(p.polqual, p.polrelid), '') || ' check ' || coalesce(pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid), '')
                || ' to ' || (SELECT pg_catalog.string_agg(CASE WHEN r = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r) END, ','
                                                    ORDER BY CASE WHEN r = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r) END)
                              FROM pg_catalog.unnest(p.polroles) r), E'\\n' ORDER BY p.polname)
             FROM pg_catalog.pg_policy p WHERE p.polrelid = c.oid),
            (SELECT pg_catalog.string_agg('rule ' || pg_catalog.pg_get_ruledef(r.oid), E'\\n' ORDER BY r.rulename)
             FROM pg_catalog.pg_rewrite r WHERE r.ev_class = c.oid AND r.rulename <> '_RETURN')
        ) AS definition
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.oid = ANY (ARRAY (SELECT oid FROM owned))
        UNION ALL
        SELECT 'function ' || n.nspname || '.' || p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')',
            pg_catalog.concat_ws(E'\\n', CASE WHEN p.prokind = 'a' THEN 'aggregate' ELSE pg_catalog.pg_get_functiondef(p.oid) END,
                'owner ' || pg_catalog.pg_get_userbyid(p.proowner), 'acl ' || (SELECT pg_catalog.string_agg(x::pg_catalog.text, ',' ORDER BY x::pg_catalog.text) FROM pg_catalog.unnest(coalesce(p.proacl, pg_catalog.acldefault('f', p.proowner))) x),
                'comment ' || \(comment(of: "p.oid", in: "pg_proc")))
        FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
        WHERE p.proname = ANY (pg_catalog.string_to_array($2, E'\\x01')) AND \(userSchema)
        UNION ALL
        SELECT 'type ' || n.nspname || '.' || t.typname, pg_catalog.concat_ws(E'\\n',
            'kind ' || t.typtype::pg_catalog.text || ' owner ' || pg_catalog.pg_get_userbyid(t.typowner), 'acl ' || (SELECT pg_catalog.string_agg(x::pg_catalog.text, ',' ORDER BY x::pg_catalog.text) FROM pg_catalog.unnest(coalesce(t.typacl, pg_catalog.acldefault('T', t.typowner))) x),
            'comment ' || \(comment(of: "t.oid", in: "pg_type")),
            CASE WHEN t.typtype::pg_catalog.text = 'd' THEN 'domain ' || pg_catalog.format_type(t.typbasetype, t.typtypmod)
                || CASE WHEN t.typnotnull THEN ' not null' ELSE '' END || coalesce(' default ' || t.typdefault, '') END,
            (SELECT pg_catalog.string_agg('label ' || e.enumlabel, E'\\n' ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid),
            (SELECT pg_catalog.string_agg('constraint ' || k.conname || ' ' || pg_catalog.pg_get_constraintdef(k.oid), E'\\n' ORDER BY k.conname)
             FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid),
            (SELECT pg_catalog.string_agg('attribute ' || a.attname || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod), E'\\n' ORDER BY a.attnum)
             FROM pg_catalog.pg_attribute a WHERE t.typtype::pg_catalog.text = 'c' AND a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped),
            (SELECT 'range ' || pg_catalog.format_type(r.rngsubtype, NULL) FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid))
        FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        WHERE t.typname = ANY (pg_catalog.string_to_array($3, E'\\x01')) AND \(userSchema)
        UNION ALL
        SELECT 'schema ' || n.nspname, pg_catalog.concat_ws(E'\\n', 'owner ' || pg_catalog.pg_get_userbyid(n.nspowner),
            'acl ' || (SELECT pg_catalog.string_agg(x::pg_catalog.text, ',' ORDER BY x::pg_catalog.text) FROM pg_catalog.unnest(coalesce(n.nspacl, pg_catalog.acldefault('n', n.nspowner))) x), 'comment ' || \(comment(of: "n.oid", in: "pg_namespace")))
        FROM pg_catalog.pg_namespace n
        WHERE n.nspname = ANY (pg_catalog.string_to_array($4, E'\\x01')) AND \(userSchema)
        """
    }
}
