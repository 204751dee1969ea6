import PostgresClient
import SQLText
import SchemaModel

/// The kinds the model holds by definition (`DefinedObject`): one query, one
/// `SELECT` per kind, each writing the statements that create the object from
/// its catalog row as pg_dump's dumpCast, dumpAgg, dumpCollation, … do (or with
/// the server's own `pg_get_ruledef` and `pg_get_statisticsobjdef`). Objects of
/// extensions, and objects that belong to another (a range type's cast to its
/// multirange), are left out.
///
/// A user mapping's options are never read: they hold passwords. The mapping's
/// existence is all the model says of it. Nor is any other option that may hold one
/// (`SecretOption`).
enum DefinedObjectQuery {
    private static func q(_ expression: String) -> String { "pg_catalog.quote_ident(\(expression))" }
    private static func qualified(_ schema: String, _ name: String) -> String { "\(q(schema)) || '.' || \(q(name))" }
    /// The tables the relation `oid` inherits from (a partition: its one parent), qualified, in order.
    private static func parents(of oid: String) -> String {
        """
        (SELECT pg_catalog.string_agg(\(qualified("pn.nspname", "pc.relname")), ', ' ORDER BY h.inhseqno)
           FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_class pc ON pc.oid = h.inhparent
           JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace WHERE h.inhrelid = \(oid))
        """
    }

    private static func comment(_ catalog: String, _ oid: String) -> String {
        """
        (SELECT d.description FROM pg_catalog.pg_description d WHERE d.objoid = \(oid) \
        AND d.classoid = 'pg_catalog.\(catalog)'::pg_catalog.regclass AND d.objsubid = 0)
        """
    }

    /// `OPTIONS (key 'value', …)` from a `{key=value}` array, or '': without the options that
    /// may hold a password (`SecretOption`), which the census names.
    private static func options(_ column: String) -> String {
        """
        coalesce(' OPTIONS (' || (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(pg_catalog.split_part(o, '=', 1)) || ' ' \
        || pg_catalog.quote_literal(pg_catalog.substr(o, pg_catalog.strpos(o, '=') + 1)), ', ') \
        FROM pg_catalog.unnest(\(column)) o WHERE NOT \(SecretOption.test("o"))) || ')', '')
        """
    }

    /// The select list every kind fills, in this order, after its kind (`sql(_:kinds:)` writes that).
    private static func row(schema: String = "NULL", name: String, tableSchema: String = "NULL",
                            tableName: String = "NULL", signature: String = "NULL", definition: String,
                            comment: String, owner: String = "NULL", privileges: String = "NULL") -> String {
        """
        \(schema)::pg_catalog.text AS schema, \(name)::pg_catalog.text AS name,
               \(tableSchema)::pg_catalog.text AS table_schema, \(tableName)::pg_catalog.text AS table_name,
               \(signature)::pg_catalog.text AS signature, \(definition) AS definition, \(comment) AS comment,
               \(owner)::pg_catalog.text AS owner, (\(privileges))::pg_catalog.json AS privileges
        """
    }

    /// ` FOR ORDER BY family` after an ordering operator (a GiST `<->`): without it the server
    /// takes the operator as a search operator and refuses one that returns no boolean.
    private static func orderingFamily(_ amop: String) -> String {
        """
        CASE WHEN \(amop).amoppurpose = 'o' THEN ' FOR ORDER BY ' || (SELECT \(qualified("sn.nspname", "sf.opfname"))
             FROM pg_catalog.pg_opfamily sf JOIN pg_catalog.pg_namespace sn ON sn.oid = sf.opfnamespace
             WHERE sf.oid = \(amop).amopsortfamily) ELSE '' END
        """
    }

    /// `ALTER OPERATOR FAMILY … ADD …` for the members of family `alias` that belong to the family
    /// itself (`pg_depend` auto, not internal to a class), each on its own line; '' when none.
    private static func looseMembers(_ alias: String) -> String {
        """
        coalesce((SELECT pg_catalog.string_agg(E'\\nALTER OPERATOR FAMILY ' || \(qualified("ln.nspname", "\(alias).opfname")) || ' USING '
                    || (SELECT \(q("lam.amname")) FROM pg_catalog.pg_am lam WHERE lam.oid = \(alias).opfmethod)
                    || ' ADD ' || m.member || ';', '' ORDER BY m.member)
                  FROM pg_catalog.pg_namespace ln,
                       (SELECT 'OPERATOR ' || o.amopstrategy || ' ' || o.amopopr::pg_catalog.regoperator::pg_catalog.text
                               || \(orderingFamily("o")) AS member
                          FROM pg_catalog.pg_amop o JOIN pg_catalog.pg_depend d ON d.objid = o.oid
                           AND d.classid = 'pg_catalog.pg_amop'::pg_catalog.regclass AND d.deptype = 'a'
                           AND d.refclassid = 'pg_catalog.pg_opfamily'::pg_catalog.regclass
                         WHERE o.amopfamily = \(alias).oid
                        UNION ALL
                        SELECT 'FUNCTION ' || p.amprocnum || ' (' || pg_catalog.format_type(p.amproclefttype, NULL) || ', '
                               || pg_catalog.format_type(p.amprocrighttype, NULL) || ') ' || p.amproc::pg_catalog.regprocedure::pg_catalog.text
                          FROM pg_catalog.pg_amproc p JOIN pg_catalog.pg_depend d ON d.objid = p.oid
                           AND d.classid = 'pg_catalog.pg_amproc'::pg_catalog.regclass AND d.deptype = 'a'
                           AND d.refclassid = 'pg_catalog.pg_opfamily'::pg_catalog.regclass
                         WHERE p.amprocfamily = \(alias).oid) m
                 WHERE ln.oid = \(alias).opfnamespace), '')
        """
    }

    /// `kinds`: the kinds to read, of those a presence test can rule out (nil: all).
    static func sql(_ version: CatalogVersion, kinds: Set<String>? = nil) -> String {
        selects(version).filter { $0.present == nil || kinds?.contains($0.kind) ?? true }
            .map { "SELECT '\($0.kind)'::pg_catalog.text AS kind, " + $0.sql }
            .joined(separator: "\nUNION ALL\n")
    }

    /// A select-list item naming, comma-separated, the kinds whose presence test holds.
    ///
    /// Each kind's test holds wherever its `SELECT` would return a row (most through the oid
    /// index: what a user makes has an oid from 16384, initdb's objects below); a kind without
    /// one (`system privileges`) is always read. Why: planning the whole `UNION` took 22 ms
    /// and running it over an empty database 12 ms more, of an inspection's 70; most databases
    /// hold none of these kinds, and the tests and proofs inspect thousands of small ones.
    static func presentKindsColumn(_ version: CatalogVersion) -> String {
        "pg_catalog.concat_ws(',', "
            + selects(version).compactMap { select in select.present.map { "CASE WHEN \($0) THEN '\(select.kind)' END" } }
                .joined(separator: ", ")
            + ") AS defined_kinds"
    }

    /// Any object of the user's in `catalog` (an oid from 16384) that meets `condition`.
    private static func userObject(in catalog: String, _ condition: String = "") -> String {
        "EXISTS (SELECT FROM pg_catalog.\(catalog) x WHERE x.oid >= 16384\(condition.isEmpty ? "" : " AND " + condition))"
    }

    /// Any row in `catalog`, which initdb leaves empty.
    private static func anyRow(in catalog: String) -> String { "EXISTS (SELECT FROM pg_catalog.\(catalog))" }

    /// Each kind: its name, the test of its presence (nil: always read) and its select list.
    private static func selects(_ version: CatalogVersion) -> [(kind: String, present: String?, sql: String)] {
        let user = { (column: String) in CatalogFilter.userSchema(column) }
        let statisticsTarget = version.major >= 17 ? "x.stxstattarget IS NOT NULL" : "x.stxstattarget >= 0"
        let iculocale = version.major >= 17 ? "co.colllocale" : version.major >= 15 ? "co.colliculocale" : "co.collcollate"
        let icuRules = version.major >= 16 ? "CASE WHEN co.collicurules IS NOT NULL THEN 'RULES = ' || pg_catalog.quote_literal(co.collicurules) END" : "NULL"
        let builtinLocale = version.major >= 17 ? "co.colllocale" : "NULL"
        // SUBSCRIPT (14+) whenever set: a type made with ELEMENT alone gets raw_array_subscript_handler.
        let baseTypeSubscript = version.major >= 14 ? "CASE WHEN t.typsubscript <> 0 THEN 'SUBSCRIPT = ' || t.typsubscript::pg_catalog.regproc::pg_catalog.text END" : "NULL"
        let multirange = version.major >= 14 ? "'MULTIRANGE_TYPE_NAME = ' || r.rngmultitypid::pg_catalog.regtype::pg_catalog.text" : "NULL"
        // Each table `ONLY`, as pg_dump writes them: each pg_publication_rel row is one table, and
        // a table named without it brings its inheritance children along (which may not be there).
        let publicationTables = version.major >= 15
            ? """
              (SELECT pg_catalog.string_agg('ONLY ' || \(qualified("pn.nspname", "pc.relname"))
                        || coalesce(' (' || (SELECT pg_catalog.string_agg(\(q("a.attname")), ', ' ORDER BY k.ord)
                                              FROM pg_catalog.unnest(pr.prattrs) WITH ORDINALITY k(attnum, ord)
                                              JOIN pg_catalog.pg_attribute a ON a.attrelid = pr.prrelid AND a.attnum = k.attnum) || ')', '')
                        || coalesce(' WHERE (' || pg_catalog.pg_get_expr(pr.prqual, pr.prrelid) || ')', ''),
                      ', ' ORDER BY pn.nspname, pc.relname)
                 FROM pg_catalog.pg_publication_rel pr JOIN pg_catalog.pg_class pc ON pc.oid = pr.prrelid
                 JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace WHERE pr.prpubid = x.oid)
              """
            : """
              (SELECT pg_catalog.string_agg('ONLY ' || \(qualified("pn.nspname", "pc.relname")), ', ' ORDER BY pn.nspname, pc.relname)
                 FROM pg_catalog.pg_publication_rel pr JOIN pg_catalog.pg_class pc ON pc.oid = pr.prrelid
                 JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace WHERE pr.prpubid = x.oid)
              """
        let publicationSchemas = version.major >= 15
            ? """
              (SELECT pg_catalog.string_agg(\(q("pn.nspname")), ', ' ORDER BY pn.nspname)
                 FROM pg_catalog.pg_publication_namespace pp JOIN pg_catalog.pg_namespace pn ON pn.oid = pp.pnnspid
                 WHERE pp.pnpubid = x.oid)
              """
            : "NULL"
        let generatedColumns = version.major >= 18
            ? "CASE WHEN x.pubgencols = 's' THEN ', publish_generated_columns = stored' ELSE '' END" : "''"
        let regproc = { (column: String) in "\(column)::pg_catalog.regproc::pg_catalog.text" }
        let operatorName = { (oid: String) in
            "(SELECT 'OPERATOR(' || \(q("on2.nspname")) || '.' || o2.oprname || ')' FROM pg_catalog.pg_operator o2 "
                + "JOIN pg_catalog.pg_namespace on2 ON on2.oid = o2.oprnamespace WHERE o2.oid = \(oid))"
        }
        let aclLetter = "(CASE x.defaclobjtype WHEN 'r' THEN 'r' WHEN 'S' THEN 's' WHEN 'f' THEN 'f' WHEN 'T' THEN 'T' WHEN 'n' THEN 'n' ELSE 'L' END)::pg_catalog.\"char\""
        let defaultPrivilegesName = """
            'for role ' || \(q("pg_catalog.pg_get_userbyid(x.defaclrole)"))
            || coalesce(' in schema ' || \(q("n.nspname")), '') || ' on '
            || CASE x.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions'
               WHEN 'T' THEN 'types' WHEN 'n' THEN 'schemas' ELSE 'large objects' END
            """
        return [
            // Rules other than a view's _RETURN, with their state.
            (kind: "rule", present: userObject(in: "pg_rewrite", "x.rulename <> '_RETURN'"), sql: row(schema: "n.nspname", name: "w.rulename", tableSchema: "n.nspname", tableName: "c.relname",
                definition: """
                    pg_catalog.pg_get_ruledef(w.oid) || CASE w.ev_enabled WHEN 'O' THEN '' ELSE E'\\nALTER TABLE '
                    || \(qualified("n.nspname", "c.relname")) || CASE w.ev_enabled WHEN 'D' THEN ' DISABLE' WHEN 'R' THEN ' ENABLE REPLICA'
                    ELSE ' ENABLE ALWAYS' END || ' RULE ' || \(q("w.rulename")) || ';' END
                    """,
                comment: comment("pg_rewrite", "w.oid"))
                + """

                FROM pg_catalog.pg_rewrite w JOIN pg_catalog.pg_class c ON c.oid = w.ev_class
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE w.rulename <> '_RETURN' AND \(user("n.nspname")) AND \(CatalogFilter.ownObject(catalog: "pg_class", oid: "c.oid"))
                """),
            (kind: "statistics", present: userObject(in: "pg_statistic_ext"), sql: row(schema: "n.nspname", name: "x.stxname",
                definition: """
                    pg_catalog.pg_get_statisticsobjdef(x.oid) || ';' || CASE WHEN \(statisticsTarget) THEN E'\\nALTER STATISTICS '
                    || \(qualified("n.nspname", "x.stxname")) || ' SET STATISTICS ' || x.stxstattarget || ';' ELSE '' END
                    """,
                comment: comment("pg_statistic_ext", "x.oid"), owner: "pg_catalog.pg_get_userbyid(x.stxowner)")
                + """

                FROM pg_catalog.pg_statistic_ext x JOIN pg_catalog.pg_namespace n ON n.oid = x.stxnamespace
                WHERE \(user("n.nspname")) AND \(CatalogFilter.ownObject(catalog: "pg_statistic_ext", oid: "x.oid"))
                """),
            (kind: "aggregate", present: userObject(in: "pg_proc", "x.prokind = 'a'"), sql: row(schema: "n.nspname", name: "p.proname",
                signature: "pg_catalog.pg_get_function_identity_arguments(p.oid)",
                definition: """
                    'CREATE AGGREGATE ' || \(qualified("n.nspname", "p.proname")) || '('
                    || CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_catalog.pg_get_function_arguments(p.oid) END
                    || ') (' || pg_catalog.concat_ws(', ', 'SFUNC = ' || \(regproc("a.aggtransfn")),
                      'STYPE = ' || pg_catalog.format_type(a.aggtranstype, NULL),
                      CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
                      CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || \(regproc("a.aggfinalfn")) END,
                      CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
                      CASE WHEN a.aggfinalfn <> 0 AND a.aggfinalmodify <> CASE WHEN a.aggkind = 'n' THEN 'r' ELSE 'w' END
                           THEN 'FINALFUNC_MODIFY = ' || CASE a.aggfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE'
                           ELSE 'READ_WRITE' END END,
                      CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || \(regproc("a.aggcombinefn")) END,
                      CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || \(regproc("a.aggserialfn")) END,
                      CASE WHEN a.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || \(regproc("a.aggdeserialfn")) END,
                      CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || pg_catalog.quote_literal(a.agginitval) END,
                      CASE WHEN a.aggmtransfn <> 0 THEN 'MSFUNC = ' || \(regproc("a.aggmtransfn")) END,
                      CASE WHEN a.aggminvtransfn <> 0 THEN 'MINVFUNC = ' || \(regproc("a.aggminvtransfn")) END,
                      CASE WHEN a.aggmtranstype <> 0 THEN 'MSTYPE = ' || pg_catalog.format_type(a.aggmtranstype, NULL) END,
                      CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,
                      CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || \(regproc("a.aggmfinalfn")) END,
                      CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
                      CASE WHEN a.aggminitval IS NOT NULL THEN 'MINITCOND = ' || pg_catalog.quote_literal(a.aggminitval) END,
                      CASE WHEN a.aggsortop <> 0 THEN 'SORTOP = ' || \(operatorName("a.aggsortop")) END,
                      CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,
                      CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END) || ');'
                    """,
                comment: comment("pg_proc", "p.oid"), owner: "pg_catalog.pg_get_userbyid(p.proowner)",
                privileges: PrivilegeSQL.privileges(acl: "p.proacl", owner: "p.proowner", type: "'f'"))
                + """

                FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid
                JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                WHERE p.prokind = 'a' AND \(user("n.nspname")) AND \(CatalogFilter.ownObject(catalog: "pg_proc", oid: "p.oid"))
                """),
            (kind: "range type", present: "EXISTS (SELECT FROM pg_catalog.pg_range x WHERE x.rngtypid >= 16384)",
             sql: row(schema: "n.nspname", name: "t.typname",
                definition: """
                    'CREATE TYPE ' || \(qualified("n.nspname", "t.typname")) || ' AS RANGE (' || pg_catalog.concat_ws(', ',
                      'SUBTYPE = ' || pg_catalog.format_type(r.rngsubtype, NULL),
                      (SELECT 'SUBTYPE_OPCLASS = ' || \(qualified("ocn.nspname", "oc.opcname")) FROM pg_catalog.pg_opclass oc
                         JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace WHERE oc.oid = r.rngsubopc AND NOT oc.opcdefault),
                      (SELECT 'COLLATION = ' || \(qualified("cn.nspname", "co.collname")) FROM pg_catalog.pg_collation co
                         JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype
                         WHERE co.oid = r.rngcollation AND r.rngcollation <> st.typcollation),
                      CASE WHEN r.rngcanonical <> 0 THEN 'CANONICAL = ' || \(regproc("r.rngcanonical")) END,
                      CASE WHEN r.rngsubdiff <> 0 THEN 'SUBTYPE_DIFF = ' || \(regproc("r.rngsubdiff")) END,
                      \(multirange)) || ');'
                    """,
                comment: comment("pg_type", "t.oid"), owner: "pg_catalog.pg_get_userbyid(t.typowner)",
                privileges: PrivilegeSQL.privileges(acl: "t.typacl", owner: "t.typowner", type: "'T'"))
                + """

                FROM pg_catalog.pg_range r JOIN pg_catalog.pg_type t ON t.oid = r.rngtypid
                JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                WHERE \(user("n.nspname")) AND \(CatalogFilter.ownObject(catalog: "pg_type", oid: "t.oid"))
                """),
            (kind: "collation", present: userObject(in: "pg_collation"), sql: row(schema: "n.nspname", name: "co.collname",
                definition: """
                    'CREATE COLLATION ' || \(qualified("n.nspname", "co.collname")) || ' (' || pg_catalog.concat_ws(', ',
                      'PROVIDER = ' || CASE co.collprovider WHEN 'i' THEN 'icu' WHEN 'b' THEN 'builtin' ELSE 'libc' END,
                      CASE WHEN co.collprovider = 'i' THEN 'LOCALE = ' || pg_catalog.quote_literal(\(iculocale))
                           WHEN co.collprovider = 'b' THEN 'LOCALE = ' || pg_catalog.quote_literal(\(builtinLocale))
                           WHEN co.collcollate = co.collctype THEN 'LOCALE = ' || pg_catalog.quote_literal(co.collcollate)
                           ELSE 'LC_COLLATE = ' || pg_catalog.quote_literal(co.collcollate) || ', LC_CTYPE = '
                                || pg_catalog.quote_literal(co.collctype) END,
                      \(icuRules),
                      CASE WHEN NOT co.collisdeterministic THEN 'DETERMINISTIC = false' END) || ');'
                    """,
                comment: comment("pg_collation", "co.oid"), owner: "pg_catalog.pg_get_userbyid(co.collowner)")
                + """

                FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace n ON n.oid = co.collnamespace
                WHERE \(user("n.nspname")) AND \(CatalogFilter.ownObject(catalog: "pg_collation", oid: "co.oid"))
                """),
            // A shell operator (no function: made by another's COMMUTATOR or NEGATOR before it
            // was defined) is left out, as pg_dump leaves it: the operator naming it makes it again.
            (kind: "operator", present: userObject(in: "pg_operator"), sql: row(schema: "n.nspname", name: "o.oprname",
                signature: """
                    coalesce(pg_catalog.format_type(NULLIF(o.oprleft, 0), NULL), 'NONE') || ', '
                    || coalesce(pg_catalog.format_type(NULLIF(o.oprright, 0), NULL), 'NONE')
                    """,
                definition: """
                    'CREATE OPERATOR ' || \(q("n.nspname")) || '.' || o.oprname || ' (' || pg_catalog.concat_ws(', ',
                      'FUNCTION = ' || \(regproc("o.oprcode")),
                      CASE WHEN o.oprleft <> 0 THEN 'LEFTARG = ' || pg_catalog.format_type(o.oprleft, NULL) END,
                      CASE WHEN o.oprright <> 0 THEN 'RIGHTARG = ' || pg_catalog.format_type(o.oprright, NULL) END,
                      CASE WHEN o.oprcom <> 0 THEN 'COMMUTATOR = ' || \(operatorName("o.oprcom")) END,
                      CASE WHEN o.oprnegate <> 0 THEN 'NEGATOR = ' || \(operatorName("o.oprnegate")) END,
                      CASE WHEN o.oprrest <> 0 THEN 'RESTRICT = ' || \(regproc("o.oprrest")) END,
                      CASE WHEN o.oprjoin <> 0 THEN 'JOIN = ' || \(regproc("o.oprjoin")) END,
                      CASE WHEN o.oprcanhash THEN 'HASHES' END, CASE WHEN o.oprcanmerge THEN 'MERGES' END) || ');'
                    """,
                comment: comment("pg_operator", "o.oid"), owner: "pg_catalog.pg_get_userbyid(o.oprowner)")
                + """

                FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
                WHERE o.oprcode <> 0 AND \(user("n.nspname")) AND \(CatalogFilter.ownObject(catalog: "pg_operator", oid: "o.oid"))
                """),
            (kind: "shell type", present: userObject(in: "pg_type", "x.typtype = 'p'"), sql: row(schema: "n.nspname", name: "t.typname",
                definition: "'CREATE TYPE ' || \(qualified("n.nspname", "t.typname")) || ';'",
                comment: comment("pg_type", "t.oid"), owner: "pg_catalog.pg_get_userbyid(t.typowner)")
                + """

                FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                WHERE t.typtype = 'p' AND \(user("n.nspname")) AND \(CatalogFilter.ownObject(catalog: "pg_type", oid: "t.oid"))
                """),
            // A base type, as pg_dump's dumpBaseType writes it. Its input and output functions
            // take or return it: the plan creates it as a shell before them (Planner), and
            // the array type the server made for it belongs to it.
            // A base type's input function returns it, so it is the user's too; an array's is array_in.
            (kind: "base type", present: userObject(in: "pg_type", "x.typtype = 'b' AND (x.typelem = 0 OR x.typinput::pg_catalog.oid >= 16384)"),
             sql: row(schema: "n.nspname", name: "t.typname",
                definition: """
                    'CREATE TYPE ' || \(qualified("n.nspname", "t.typname")) || ' (' || pg_catalog.concat_ws(', ',
                      'INTERNALLENGTH = ' || CASE WHEN t.typlen = -1 THEN 'variable' ELSE t.typlen::pg_catalog.text END,
                      'INPUT = ' || \(regproc("t.typinput")), 'OUTPUT = ' || \(regproc("t.typoutput")),
                      CASE WHEN t.typreceive <> 0 THEN 'RECEIVE = ' || \(regproc("t.typreceive")) END,
                      CASE WHEN t.typsend <> 0 THEN 'SEND = ' || \(regproc("t.typsend")) END,
                      CASE WHEN t.typmodin <> 0 THEN 'TYPMOD_IN = ' || \(regproc("t.typmodin")) END,
                      CASE WHEN t.typmodout <> 0 THEN 'TYPMOD_OUT = ' || \(regproc("t.typmodout")) END,
                      CASE WHEN t.typanalyze <> 0 THEN 'ANALYZE = ' || \(regproc("t.typanalyze")) END,
                      \(baseTypeSubscript),
                      CASE WHEN t.typcollation <> 0 THEN 'COLLATABLE = true' END,
                      CASE WHEN t.typdefault IS NOT NULL THEN 'DEFAULT = ' || pg_catalog.quote_literal(t.typdefault) END,
                      CASE WHEN t.typelem <> 0 THEN 'ELEMENT = ' || pg_catalog.format_type(t.typelem, NULL) END,
                      CASE WHEN t.typcategory <> 'U' THEN 'CATEGORY = ' || pg_catalog.quote_literal(t.typcategory::pg_catalog.text) END,
                      CASE WHEN t.typispreferred THEN 'PREFERRED = true' END,
                      CASE WHEN t.typdelim <> ',' THEN 'DELIMITER = ' || pg_catalog.quote_literal(t.typdelim::pg_catalog.text) END,
                      'ALIGNMENT = ' || CASE t.typalign WHEN 'c' THEN 'char' WHEN 's' THEN 'int2' WHEN 'i' THEN 'int4' ELSE 'double' END,
                      'STORAGE = ' || CASE t.typstorage WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external' WHEN 'm' THEN 'main' ELSE 'extended' END,
                      CASE WHEN t.typbyval THEN 'PASSEDBYVALUE' END) || ');'
                    """,
                comment: comment("pg_type", "t.oid"), owner: "pg_catalog.pg_get_userbyid(t.typowner)",
                privileges: PrivilegeSQL.privileges(acl: "t.typacl", owner: "t.typowner", type: "'T'"))
                + """

                FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                WHERE t.typtype = 'b' AND \(user("n.nspname")) AND \(CatalogFilter.ownObject(catalog: "pg_type", oid: "t.oid"))
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.typarray = t.oid)
                """),
            // An operator family, with the members that belong to it rather than to one of its classes.
            // One made by CREATE OPERATOR CLASS (same name) is its class's: its loose members go there.
            (kind: "operator family", present: userObject(in: "pg_opfamily"), sql: row(schema: "n.nspname", name: "f.opfname", signature: "am.amname",
                definition: """
                    'CREATE OPERATOR FAMILY ' || \(qualified("n.nspname", "f.opfname")) || ' USING ' || \(q("am.amname")) || ';'
                    || \(looseMembers("f"))
                    """,
                comment: comment("pg_opfamily", "f.oid"), owner: "pg_catalog.pg_get_userbyid(f.opfowner)")
                + """

                FROM pg_catalog.pg_opfamily f JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
                JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
                WHERE \(user("n.nspname")) AND \(CatalogFilter.ownObject(catalog: "pg_opfamily", oid: "f.oid"))
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_opclass oc WHERE oc.opcfamily = f.oid
                                  AND oc.opcname = f.opfname AND oc.opcnamespace = f.opfnamespace)
                """),
            (kind: "operator class", present: userObject(in: "pg_opclass"), sql: row(schema: "n.nspname", name: "oc.opcname", signature: "am.amname",
                definition: """
                    'CREATE OPERATOR CLASS ' || \(qualified("n.nspname", "oc.opcname")) || CASE WHEN oc.opcdefault THEN ' DEFAULT' ELSE '' END
                    || ' FOR TYPE ' || pg_catalog.format_type(oc.opcintype, NULL) || ' USING ' || \(q("am.amname"))
                    || CASE WHEN f.opfname <> oc.opcname OR f.opfnamespace <> oc.opcnamespace
                            THEN ' FAMILY ' || \(qualified("fn.nspname", "f.opfname")) ELSE '' END
                    -- A class of no member gets a STORAGE of its own type, as pg_dump writes it: a
                    -- no-op the grammar takes, where a bare AS is a syntax error.
                    || ' AS ' || coalesce(NULLIF(pg_catalog.concat_ws(', ',
                         (SELECT pg_catalog.string_agg('OPERATOR ' || o.amopstrategy || ' ' || o.amopopr::pg_catalog.regoperator::pg_catalog.text
                                   || \(orderingFamily("o")), ', ' ORDER BY o.amopstrategy)
                            FROM pg_catalog.pg_amop o JOIN pg_catalog.pg_depend d ON d.objid = o.oid
                             AND d.classid = 'pg_catalog.pg_amop'::pg_catalog.regclass AND d.refobjid = oc.oid
                             AND d.refclassid = 'pg_catalog.pg_opclass'::pg_catalog.regclass),
                         (SELECT pg_catalog.string_agg('FUNCTION ' || p.amprocnum || ' (' || pg_catalog.format_type(p.amproclefttype, NULL)
                                   || ', ' || pg_catalog.format_type(p.amprocrighttype, NULL) || ') '
                                   || p.amproc::pg_catalog.regprocedure::pg_catalog.text, ', ' ORDER BY p.amprocnum)
                            FROM pg_catalog.pg_amproc p JOIN pg_catalog.pg_depend d ON d.objid = p.oid
                             AND d.classid = 'pg_catalog.pg_amproc'::pg_catalog.regclass AND d.refobjid = oc.oid
                             AND d.refclassid = 'pg_catalog.pg_opclass'::pg_catalog.regclass),
                         CASE WHEN oc.opckeytype <> 0 THEN 'STORAGE ' || pg_catalog.format_type(oc.opckeytype, NULL) END), ''),
                         'STORAGE ' || pg_catalog.format_type(oc.opcintype, NULL)) || ';'
                    || CASE WHEN f.opfname = oc.opcname AND f.opfnamespace = oc.opcnamespace THEN \(looseMembers("f")) ELSE '' END
                    """,
                comment: comment("pg_opclass", "oc.oid"), owner: "pg_catalog.pg_get_userbyid(oc.opcowner)")
                + """

                FROM pg_catalog.pg_opclass oc JOIN pg_catalog.pg_namespace n ON n.oid = oc.opcnamespace
                JOIN pg_catalog.pg_am am ON am.oid = oc.opcmethod
                JOIN pg_catalog.pg_opfamily f ON f.oid = oc.opcfamily JOIN pg_catalog.pg_namespace fn ON fn.oid = f.opfnamespace
                WHERE \(user("n.nspname")) AND \(CatalogFilter.ownObject(catalog: "pg_opclass", oid: "oc.oid"))
                """),
            (kind: "cast", present: userObject(in: "pg_cast"), sql: row(
                name: "'(' || pg_catalog.format_type(x.castsource, NULL) || ' AS ' || pg_catalog.format_type(x.casttarget, NULL) || ')'",
                definition: """
                    'CREATE CAST (' || pg_catalog.format_type(x.castsource, NULL) || ' AS ' || pg_catalog.format_type(x.casttarget, NULL)
                    || ') ' || CASE x.castmethod WHEN 'f' THEN 'WITH FUNCTION ' || x.castfunc::pg_catalog.regprocedure::pg_catalog.text
                    WHEN 'i' THEN 'WITH INOUT' ELSE 'WITHOUT FUNCTION' END
                    || CASE x.castcontext WHEN 'a' THEN ' AS ASSIGNMENT' WHEN 'i' THEN ' AS IMPLICIT' ELSE '' END || ';'
                    """,
                comment: comment("pg_cast", "x.oid"))
                + """

                FROM pg_catalog.pg_cast x WHERE x.oid >= 16384 AND \(CatalogFilter.ownObject(catalog: "pg_cast", oid: "x.oid"))
                """),
            // A security label of any object in a user schema (or of the database: a schema, a
            // language, an event trigger), named as SECURITY LABEL names it: `FOR "p" ON TABLE s.t`.
            (kind: "security label", present: anyRow(in: "pg_seclabel"), sql: row(schema: "o.schema",
                name: """
                    'FOR ' || \(q("x.provider")) || ' ON ' || pg_catalog.upper(CASE o.type WHEN 'table column' THEN 'column' ELSE o.type END)
                    || ' ' || o.identity
                    """,
                definition: """
                    'SECURITY LABEL FOR ' || \(q("x.provider")) || ' ON '
                    || pg_catalog.upper(CASE o.type WHEN 'table column' THEN 'column' ELSE o.type END) || ' ' || o.identity
                    || ' IS ' || pg_catalog.quote_literal(x.label) || ';'
                    """,
                comment: "NULL")
                + """

                FROM pg_catalog.pg_seclabel x CROSS JOIN LATERAL pg_catalog.pg_identify_object(x.classoid, x.objoid, x.objsubid) o
                WHERE x.objoid >= 16384 AND (o.schema IS NULL OR \(user("o.schema")))
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = x.classoid AND e.objid = x.objoid AND e.deptype = 'e')
                """),
            // `FOR type LANGUAGE lang` names it, as DROP TRANSFORM does.
            (kind: "transform", present: userObject(in: "pg_transform"), sql: row(
                name: "'FOR ' || pg_catalog.format_type(x.trftype, NULL) || ' LANGUAGE ' || \(q("l.lanname"))",
                definition: """
                    'CREATE TRANSFORM FOR ' || pg_catalog.format_type(x.trftype, NULL) || ' LANGUAGE ' || \(q("l.lanname")) || ' ('
                    || pg_catalog.concat_ws(', ',
                         CASE WHEN x.trffromsql <> 0 THEN 'FROM SQL WITH FUNCTION ' || x.trffromsql::pg_catalog.regprocedure::pg_catalog.text END,
                         CASE WHEN x.trftosql <> 0 THEN 'TO SQL WITH FUNCTION ' || x.trftosql::pg_catalog.regprocedure::pg_catalog.text END)
                    || ');'
                    """,
                comment: comment("pg_transform", "x.oid"))
                + """

                FROM pg_catalog.pg_transform x JOIN pg_catalog.pg_language l ON l.oid = x.trflang
                WHERE x.oid >= 16384 AND \(CatalogFilter.ownObject(catalog: "pg_transform", oid: "x.oid"))
                """),
            (kind: "conversion", present: userObject(in: "pg_conversion"), sql: row(schema: "n.nspname", name: "x.conname",
                definition: """
                    'CREATE ' || CASE WHEN x.condefault THEN 'DEFAULT ' ELSE '' END || 'CONVERSION ' || \(qualified("n.nspname", "x.conname"))
                    || ' FOR ' || pg_catalog.quote_literal(pg_catalog.pg_encoding_to_char(x.conforencoding)) || ' TO '
                    || pg_catalog.quote_literal(pg_catalog.pg_encoding_to_char(x.contoencoding)) || ' FROM ' || \(regproc("x.conproc")) || ';'
                    """,
                comment: comment("pg_conversion", "x.oid"), owner: "pg_catalog.pg_get_userbyid(x.conowner)")
                + """

                FROM pg_catalog.pg_conversion x JOIN pg_catalog.pg_namespace n ON n.oid = x.connamespace
                WHERE \(user("n.nspname")) AND \(CatalogFilter.ownObject(catalog: "pg_conversion", oid: "x.oid"))
                """),
            (kind: "language", present: userObject(in: "pg_language"), sql: row(name: "x.lanname",
                definition: """
                    'CREATE ' || CASE WHEN x.lanpltrusted THEN 'TRUSTED ' ELSE '' END || 'LANGUAGE ' || \(q("x.lanname"))
                    || ' HANDLER ' || \(regproc("x.lanplcallfoid"))
                    || CASE WHEN x.laninline <> 0 THEN ' INLINE ' || \(regproc("x.laninline")) ELSE '' END
                    || CASE WHEN x.lanvalidator <> 0 THEN ' VALIDATOR ' || \(regproc("x.lanvalidator")) ELSE '' END || ';'
                    """,
                comment: comment("pg_language", "x.oid"), owner: "pg_catalog.pg_get_userbyid(x.lanowner)",
                privileges: PrivilegeSQL.privileges(acl: "x.lanacl", owner: "x.lanowner", type: "'l'"))
                + """

                FROM pg_catalog.pg_language x WHERE x.oid >= 16384 AND x.lanispl AND \(CatalogFilter.ownObject(catalog: "pg_language", oid: "x.oid"))
                """),
            (kind: "access method", present: userObject(in: "pg_am"), sql: row(name: "x.amname",
                definition: """
                    'CREATE ACCESS METHOD ' || \(q("x.amname")) || ' TYPE ' || CASE x.amtype WHEN 'i' THEN 'INDEX' ELSE 'TABLE' END
                    || ' HANDLER ' || \(regproc("x.amhandler")) || ';'
                    """,
                comment: comment("pg_am", "x.oid"))
                + """

                FROM pg_catalog.pg_am x WHERE x.oid >= 16384 AND \(CatalogFilter.ownObject(catalog: "pg_am", oid: "x.oid"))
                """),
            (kind: "text search parser", present: userObject(in: "pg_ts_parser"), sql: row(schema: "n.nspname", name: "x.prsname",
                definition: """
                    'CREATE TEXT SEARCH PARSER ' || \(qualified("n.nspname", "x.prsname")) || ' (START = ' || \(regproc("x.prsstart"))
                    || ', GETTOKEN = ' || \(regproc("x.prstoken")) || ', END = ' || \(regproc("x.prsend"))
                    || ', LEXTYPES = ' || \(regproc("x.prslextype"))
                    || CASE WHEN x.prsheadline <> 0 THEN ', HEADLINE = ' || \(regproc("x.prsheadline")) ELSE '' END || ');'
                    """,
                comment: comment("pg_ts_parser", "x.oid"))
                + """

                FROM pg_catalog.pg_ts_parser x JOIN pg_catalog.pg_namespace n ON n.oid = x.prsnamespace
                WHERE \(user("n.nspname")) AND \(CatalogFilter.ownObject(catalog: "pg_ts_parser", oid: "x.oid"))
                """),
            (kind: "text search template", present: userObject(in: "pg_ts_template"), sql: row(schema: "n.nspname", name: "x.tmplname",
                definition: """
                    'CREATE TEXT SEARCH TEMPLATE ' || \(qualified("n.nspname", "x.tmplname")) || ' ('
                    || CASE WHEN x.tmplinit <> 0 THEN 'INIT = ' || \(regproc("x.tmplinit")) || ', ' ELSE '' END
                    || 'LEXIZE = ' || \(regproc("x.tmpllexize")) || ');'
                    """,
                comment: comment("pg_ts_template", "x.oid"))
                + """

                FROM pg_catalog.pg_ts_template x JOIN pg_catalog.pg_namespace n ON n.oid = x.tmplnamespace
                WHERE \(user("n.nspname")) AND \(CatalogFilter.ownObject(catalog: "pg_ts_template", oid: "x.oid"))
                """),
            (kind: "text search dictionary", present: userObject(in: "pg_ts_dict"), sql: row(schema: "n.nspname", name: "x.dictname",
                definition: """
                    'CREATE TEXT SEARCH DICTIONARY ' || \(qualified("n.nspname", "x.dictname")) || ' (TEMPLATE = '
                    || (SELECT \(qualified("tn.nspname", "tt.tmplname")) FROM pg_catalog.pg_ts_template tt
                        JOIN pg_catalog.pg_namespace tn ON tn.oid = tt.tmplnamespace WHERE tt.oid = x.dicttemplate)
                    || coalesce(', ' || x.dictinitoption, '') || ');'
                    """,
                comment: comment("pg_ts_dict", "x.oid"), owner: "pg_catalog.pg_get_userbyid(x.dictowner)")
                + """

                FROM pg_catalog.pg_ts_dict x JOIN pg_catalog.pg_namespace n ON n.oid = x.dictnamespace
                WHERE \(user("n.nspname")) AND \(CatalogFilter.ownObject(catalog: "pg_ts_dict", oid: "x.oid"))
                """),
            (kind: "text search configuration", present: userObject(in: "pg_ts_config"), sql: row(schema: "n.nspname", name: "x.cfgname",
                definition: """
                    'CREATE TEXT SEARCH CONFIGURATION ' || \(qualified("n.nspname", "x.cfgname")) || ' (PARSER = '
                    || (SELECT \(qualified("pn.nspname", "pp.prsname")) FROM pg_catalog.pg_ts_parser pp
                        JOIN pg_catalog.pg_namespace pn ON pn.oid = pp.prsnamespace WHERE pp.oid = x.cfgparser) || ');'
                    || coalesce((SELECT pg_catalog.string_agg(E'\\nALTER TEXT SEARCH CONFIGURATION ' || \(qualified("n.nspname", "x.cfgname"))
                                   || ' ADD MAPPING FOR ' || m.alias || ' WITH ' || m.dictionaries || ';', '' ORDER BY m.alias)
                                 FROM (SELECT tt.alias, pg_catalog.string_agg(\(qualified("dn.nspname", "d.dictname")), ', '
                                                                              ORDER BY mp.mapseqno) AS dictionaries
                                       FROM pg_catalog.pg_ts_config_map mp
                                       JOIN pg_catalog.ts_token_type(x.cfgparser) tt ON tt.tokid = mp.maptokentype
                                       JOIN pg_catalog.pg_ts_dict d ON d.oid = mp.mapdict
                                       JOIN pg_catalog.pg_namespace dn ON dn.oid = d.dictnamespace
                                       WHERE mp.mapcfg = x.oid GROUP BY tt.alias) m), '')
                    """,
                comment: comment("pg_ts_config", "x.oid"), owner: "pg_catalog.pg_get_userbyid(x.cfgowner)")
                + """

                FROM pg_catalog.pg_ts_config x JOIN pg_catalog.pg_namespace n ON n.oid = x.cfgnamespace
                WHERE \(user("n.nspname")) AND \(CatalogFilter.ownObject(catalog: "pg_ts_config", oid: "x.oid"))
                """),
            (kind: "foreign-data wrapper", present: userObject(in: "pg_foreign_data_wrapper"), sql: row(name: "x.fdwname",
                definition: """
                    'CREATE FOREIGN DATA WRAPPER ' || \(q("x.fdwname"))
                    || CASE WHEN x.fdwhandler <> 0 THEN ' HANDLER ' || \(regproc("x.fdwhandler")) ELSE ' NO HANDLER' END
                    || CASE WHEN x.fdwvalidator <> 0 THEN ' VALIDATOR ' || \(regproc("x.fdwvalidator")) ELSE ' NO VALIDATOR' END
                    || \(options("x.fdwoptions")) || ';'
                    """,
                comment: comment("pg_foreign_data_wrapper", "x.oid"), owner: "pg_catalog.pg_get_userbyid(x.fdwowner)",
                privileges: PrivilegeSQL.privileges(acl: "x.fdwacl", owner: "x.fdwowner", type: "'F'"))
                + """

                FROM pg_catalog.pg_foreign_data_wrapper x WHERE x.oid >= 16384 AND \(CatalogFilter.ownObject(catalog: "pg_foreign_data_wrapper", oid: "x.oid"))
                """),
            (kind: "server", present: userObject(in: "pg_foreign_server"), sql: row(name: "x.srvname",
                definition: """
                    'CREATE SERVER ' || \(q("x.srvname")) || coalesce(' TYPE ' || pg_catalog.quote_literal(x.srvtype), '')
                    || coalesce(' VERSION ' || pg_catalog.quote_literal(x.srvversion), '') || ' FOREIGN DATA WRAPPER '
                    || (SELECT \(q("w.fdwname")) FROM pg_catalog.pg_foreign_data_wrapper w WHERE w.oid = x.srvfdw)
                    || \(options("x.srvoptions")) || ';'
                    """,
                comment: comment("pg_foreign_server", "x.oid"), owner: "pg_catalog.pg_get_userbyid(x.srvowner)",
                privileges: PrivilegeSQL.privileges(acl: "x.srvacl", owner: "x.srvowner", type: "'S'"))
                + """

                FROM pg_catalog.pg_foreign_server x WHERE x.oid >= 16384 AND \(CatalogFilter.ownObject(catalog: "pg_foreign_server", oid: "x.oid"))
                """),
            // pg_user_mapping itself is a superuser's to read (its options); a mapping needs a server.
            (kind: "user mapping", present: userObject(in: "pg_foreign_server"), sql: row(
                name: "'for ' || CASE WHEN x.umuser = 0 THEN 'PUBLIC' ELSE \(q("x.usename")) END || ' on server ' || \(q("x.srvname"))",
                definition: """
                    'CREATE USER MAPPING FOR ' || CASE WHEN x.umuser = 0 THEN 'PUBLIC' ELSE \(q("x.usename")) END
                    || ' SERVER ' || \(q("x.srvname")) || '; -- options not read: they may hold passwords'
                    """,
                comment: "NULL::pg_catalog.text")
                + """

                FROM pg_catalog.pg_user_mappings x
                """),
            (kind: "foreign table", present: anyRow(in: "pg_foreign_table"), sql: row(schema: "n.nspname", name: "c.relname",
                definition: """
                    'CREATE FOREIGN TABLE ' || \(qualified("n.nspname", "c.relname"))
                    -- A partition takes its columns from its parent; a child declares its own (and the
                    -- inherited ones it also declares) with its own checks, as pg_dump writes them.
                    || CASE WHEN c.relispartition
                       THEN ' PARTITION OF ' || \(parents(of: "c.oid")) || ' ' || pg_catalog.pg_get_expr(c.relpartbound, c.oid)
                       ELSE ' (' || pg_catalog.concat_ws(', ',
                              (SELECT pg_catalog.string_agg(\(q("a.attname")) || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod)
                                        || \(options("a.attfdwoptions"))
                                        || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
                                        || coalesce(CASE a.attgenerated WHEN 's' THEN ' GENERATED ALWAYS AS (' || pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) || ') STORED'
                                                    WHEN 'v' THEN ' GENERATED ALWAYS AS (' || pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) || ') VIRTUAL'
                                                    ELSE ' DEFAULT ' || pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END, ''), ', ' ORDER BY a.attnum)
                                 FROM pg_catalog.pg_attribute a
                                 LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
                                 WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attislocal),
                              (SELECT pg_catalog.string_agg('CONSTRAINT ' || \(q("k.conname")) || ' ' || pg_catalog.pg_get_constraintdef(k.oid),
                                                            ', ' ORDER BY k.conname)
                                 FROM pg_catalog.pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'c' AND k.conislocal)) || ')'
                            || coalesce(' INHERITS (' || \(parents(of: "c.oid")) || ')', '')
                       END
                    || ' SERVER ' || (SELECT \(q("s.srvname")) FROM pg_catalog.pg_foreign_server s WHERE s.oid = ft.ftserver)
                    || \(options("ft.ftoptions")) || ';'
                    -- A partition's own checks, and what the columns it did not declare have of their own.
                    || coalesce((SELECT pg_catalog.string_agg(E'\nALTER FOREIGN TABLE ' || \(qualified("n.nspname", "c.relname"))
                                          || ' ADD CONSTRAINT ' || \(q("k.conname")) || ' ' || pg_catalog.pg_get_constraintdef(k.oid) || ';',
                                          '' ORDER BY k.conname)
                                 FROM pg_catalog.pg_constraint k
                                 WHERE c.relispartition AND k.conrelid = c.oid AND k.contype = 'c' AND k.conislocal), '')
                    || coalesce((SELECT pg_catalog.string_agg(
                                   coalesce(E'\nALTER FOREIGN TABLE ' || \(qualified("n.nspname", "c.relname"))
                                            || ' ALTER COLUMN ' || \(q("a.attname")) || NULLIF(\(options("a.attfdwoptions")), '') || ';', '')
                                   -- A generated column's expression comes from the parent: it has no default to set.
                                   || CASE WHEN a.attgenerated = '' THEN coalesce(E'\nALTER FOREIGN TABLE ' || \(qualified("n.nspname", "c.relname"))
                                               || ' ALTER COLUMN ' || \(q("a.attname")) || ' SET DEFAULT '
                                               || pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) || ';', '') ELSE '' END
                                   || CASE WHEN a.attnotnull THEN E'\nALTER FOREIGN TABLE ' || \(qualified("n.nspname", "c.relname"))
                                        || ' ALTER COLUMN ' || \(q("a.attname")) || ' SET NOT NULL;' ELSE '' END, '' ORDER BY a.attnum)
                                 FROM pg_catalog.pg_attribute a
                                 LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
                                 WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                                   AND (c.relispartition OR NOT a.attislocal)), '')
                    || coalesce((SELECT pg_catalog.string_agg(E'\\nCOMMENT ON COLUMN ' || \(qualified("n.nspname", "c.relname")) || '.'
                                          || \(q("a.attname")) || ' IS ' || pg_catalog.quote_literal(cd.description) || ';', '' ORDER BY a.attnum)
                                 FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_description cd ON cd.objoid = a.attrelid
                                  AND cd.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND cd.objsubid = a.attnum
                                 WHERE a.attrelid = c.oid AND a.attnum > 0), '')
                    || coalesce((SELECT pg_catalog.string_agg(E'\\nCOMMENT ON CONSTRAINT ' || \(q("k.conname")) || ' ON '
                                          || \(qualified("n.nspname", "c.relname")) || ' IS ' || pg_catalog.quote_literal(kd.description) || ';',
                                          '' ORDER BY k.conname)
                                 FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_description kd ON kd.objoid = k.oid
                                  AND kd.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND kd.objsubid = 0
                                 WHERE k.conrelid = c.oid), '')
                    || coalesce((SELECT pg_catalog.string_agg(E'\\n' || pg_catalog.pg_get_triggerdef(t.oid) || ';'
                                          || CASE t.tgenabled WHEN 'O' THEN '' ELSE E'\\nALTER FOREIGN TABLE '
                                             || \(qualified("n.nspname", "c.relname")) || CASE t.tgenabled WHEN 'D' THEN ' DISABLE'
                                             WHEN 'R' THEN ' ENABLE REPLICA' ELSE ' ENABLE ALWAYS' END || ' TRIGGER ' || \(q("t.tgname")) || ';' END
                                          || coalesce(E'\\nCOMMENT ON TRIGGER ' || \(q("t.tgname")) || ' ON ' || \(qualified("n.nspname", "c.relname"))
                                                      || ' IS ' || pg_catalog.quote_literal((SELECT td.description FROM pg_catalog.pg_description td
                                                         WHERE td.objoid = t.oid AND td.classoid = 'pg_catalog.pg_trigger'::pg_catalog.regclass)) || ';', ''),
                                          '' ORDER BY t.tgname)
                                 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal), '')
                    -- Column privileges (a column's ACL has no default: every entry is a grant; grantors left out).
                    || coalesce((SELECT pg_catalog.string_agg(E'\nGRANT ' || x.privilege_type || ' (' || \(q("a.attname")) || ') ON TABLE '
                                          || \(qualified("n.nspname", "c.relname")) || ' TO '
                                          || CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE \(q("pg_catalog.pg_get_userbyid(x.grantee)")) END
                                          || CASE WHEN x.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END || ';',
                                          '' ORDER BY a.attnum, x.privilege_type, x.grantee)
                                 FROM pg_catalog.pg_attribute a CROSS JOIN LATERAL pg_catalog.aclexplode(a.attacl) x
                                 WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attacl IS NOT NULL), '')
                    """,
                comment: comment("pg_class", "c.oid"), owner: "pg_catalog.pg_get_userbyid(c.relowner)",
                privileges: PrivilegeSQL.privileges(acl: "c.relacl", owner: "c.relowner", type: "'r'"))
                + """

                FROM pg_catalog.pg_foreign_table ft JOIN pg_catalog.pg_class c ON c.oid = ft.ftrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE \(user("n.nspname")) AND \(CatalogFilter.ownObject(catalog: "pg_class", oid: "c.oid"))
                """),
            (kind: "event trigger", present: anyRow(in: "pg_event_trigger"), sql: row(name: "x.evtname",
                definition: """
                    'CREATE EVENT TRIGGER ' || \(q("x.evtname")) || ' ON ' || \(q("x.evtevent"))
                    || coalesce(' WHEN TAG IN (' || (SELECT pg_catalog.string_agg(pg_catalog.quote_literal(tag), ', ')
                                                     FROM pg_catalog.unnest(x.evttags) tag) || ')', '')
                    || ' EXECUTE FUNCTION ' || \(regproc("x.evtfoid")) || '();'
                    || CASE x.evtenabled WHEN 'O' THEN '' ELSE E'\\nALTER EVENT TRIGGER ' || \(q("x.evtname"))
                       || CASE x.evtenabled WHEN 'D' THEN ' DISABLE' WHEN 'R' THEN ' ENABLE REPLICA' ELSE ' ENABLE ALWAYS' END || ';' END
                    """,
                comment: comment("pg_event_trigger", "x.oid"), owner: "pg_catalog.pg_get_userbyid(x.evtowner)")
                + """

                FROM pg_catalog.pg_event_trigger x WHERE x.oid >= 16384 AND \(CatalogFilter.ownObject(catalog: "pg_event_trigger", oid: "x.oid"))
                """),
            (kind: "publication", present: anyRow(in: "pg_publication"), sql: row(name: "x.pubname",
                definition: """
                    'CREATE PUBLICATION ' || \(q("x.pubname"))
                    || CASE WHEN x.puballtables THEN ' FOR ALL TABLES'
                       ELSE coalesce(' FOR ' || NULLIF(pg_catalog.concat_ws(', ', 'TABLE ' || \(publicationTables),
                                                                             'TABLES IN SCHEMA ' || \(publicationSchemas)), ''), '') END
                    || ' WITH (publish = ''' || pg_catalog.concat_ws(', ', CASE WHEN x.pubinsert THEN 'insert' END,
                         CASE WHEN x.pubupdate THEN 'update' END, CASE WHEN x.pubdelete THEN 'delete' END,
                         CASE WHEN x.pubtruncate THEN 'truncate' END) || ''''
                    || CASE WHEN x.pubviaroot THEN ', publish_via_partition_root = true' ELSE '' END || \(generatedColumns) || ');'
                    """,
                comment: comment("pg_publication", "x.oid"), owner: "pg_catalog.pg_get_userbyid(x.pubowner)")
                + """

                FROM pg_catalog.pg_publication x
                """),
            (kind: "default privileges", present: anyRow(in: "pg_default_acl"), sql: row(schema: "n.nspname", name: defaultPrivilegesName,
                // `ALTER DEFAULT PRIVILEGES FOR ROLE r IN SCHEMA s`, a tab, `TABLES`: the statements are written in Swift.
                definition: """
                    'ALTER DEFAULT PRIVILEGES FOR ROLE ' || \(q("pg_catalog.pg_get_userbyid(x.defaclrole)"))
                    || coalesce(' IN SCHEMA ' || \(q("n.nspname")), '') || E'\\t'
                    || CASE x.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS'
                       WHEN 'T' THEN 'TYPES' WHEN 'n' THEN 'SCHEMAS' ELSE 'LARGE OBJECTS' END
                    """,
                comment: "NULL::pg_catalog.text", owner: "pg_catalog.pg_get_userbyid(x.defaclrole)",
                privileges: PrivilegeSQL.privileges(
                    acl: "x.defaclacl", owner: "x.defaclrole", type: aclLetter,
                    // Default privileges in a schema add to the global ones: nothing to compare them with.
                    baseline: "CASE WHEN x.defaclnamespace = 0 THEN pg_catalog.acldefault(\(aclLetter), x.defaclrole) END"))
                + """

                FROM pg_catalog.pg_default_acl x LEFT JOIN pg_catalog.pg_namespace n ON n.oid = x.defaclnamespace
                """),
            // Grants and revokes on what the model does not hold otherwise: the system's objects
            // and extensions' members, against what initdb or CREATE EXTENSION gave them. The
            // name is the GRANT's target; the statements are written in Swift.
            (kind: "system privileges", present: nil, sql: row(schema: "x.schema", name: "x.target || coalesce(' (' || x.column_name || ')', '')",
                signature: "x.column_name", definition: "x.target", comment: "NULL::pg_catalog.text",
                owner: "pg_catalog.pg_get_userbyid(x.owner)", privileges: "p.privileges")
                + """

                FROM (\(Self.systemPrivilegeTargets)) x
                CROSS JOIN LATERAL (SELECT \(PrivilegeSQL.privileges(acl: "x.acl", owner: "x.owner", type: "x.type", initial: "x.initial")) AS privileges) p
                WHERE p.privileges IS NOT NULL
                """),
        ]
    }

    /// The kinds named by `presentKindsColumn`'s value.
    static func presentKinds(_ column: String) -> Set<String> {
        Set(column.split(separator: ",").map(String.init))
    }

    /// The objects whose privileges `system privileges` reads: the system's (initdb's: where it
    /// recorded what it gave them, or in pg_catalog, where what it did not record it left at the
    /// default; information_schema's are not recorded before some majors, and it grants on
    /// them) and extensions' members, each with a NOT NULL ACL, its GRANT target, its owner,
    /// its `acldefault` letter and its initial ACL. A column's privileges (`GRANT SELECT (prosrc)
    /// ON pg_catalog.pg_proc`, which the server's regression tests give) are their own row,
    /// with the column's name; the relations whose columns are read are the system's (a few
    /// hundred, by pg_attribute's index) and extensions' members, never the user's thousands.
    private static let systemPrivilegeTargets = """
        SELECT y.* FROM (
          -- A join, not a subquery per object: pg_init_privs has no statistics in a new
          -- database, and the planner scanned it once for each of 260 objects (5 of 8 ms).
          -- pg_depend grows with the schema: its lookup stays one per object, by its index.
          SELECT y.*, ip.initprivs AS initial,
                 EXISTS (SELECT FROM pg_catalog.pg_depend e WHERE e.classid = y.classid AND e.objid = y.oid AND e.deptype = 'e') AS extension
          FROM (
            SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass AS classid, p.oid, p.pronamespace AS namespace, n.nspname AS schema,
                   CASE WHEN p.prokind = 'p' THEN 'PROCEDURE ' ELSE 'FUNCTION ' END || pg_catalog.quote_ident(n.nspname) || '.'
                   || pg_catalog.quote_ident(p.proname) || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')' AS target,
                   p.proacl AS acl, p.proowner AS owner, 'f'::"char" AS type, 0 AS subid, NULL::pg_catalog.text AS column_name
            FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE p.proacl IS NOT NULL
            UNION ALL
            SELECT 'pg_catalog.pg_class'::pg_catalog.regclass, c.oid, c.relnamespace, n.nspname,
                   CASE WHEN c.relkind = 'S' THEN 'SEQUENCE ' ELSE 'TABLE ' END || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname),
                   c.relacl, c.relowner, CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char", 0, NULL
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relacl IS NOT NULL
            UNION ALL
            SELECT 'pg_catalog.pg_class'::pg_catalog.regclass, c.oid, c.relnamespace, n.nspname,
                   'TABLE ' || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname),
                   a.attacl, c.relowner, 'c'::"char", a.attnum, a.attname::pg_catalog.text
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attacl IS NOT NULL
            WHERE c.oid < 16384 OR c.oid IN (SELECT e.objid FROM pg_catalog.pg_depend e
                                             WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.deptype = 'e')
            UNION ALL
            SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid, t.typnamespace, n.nspname,
                   'TYPE ' || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(t.typname), t.typacl, t.typowner, 'T'::"char", 0, NULL
            FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE t.typacl IS NOT NULL
            UNION ALL
            SELECT 'pg_catalog.pg_namespace'::pg_catalog.regclass, s.oid, s.oid, NULL, 'SCHEMA ' || pg_catalog.quote_ident(s.nspname),
                   s.nspacl, s.nspowner, 'n'::"char", 0, NULL
            FROM pg_catalog.pg_namespace s WHERE s.nspacl IS NOT NULL AND s.nspname <> 'public'
            UNION ALL
            SELECT 'pg_catalog.pg_language'::pg_catalog.regclass, l.oid, NULL, NULL, 'LANGUAGE ' || pg_catalog.quote_ident(l.lanname),
                   l.lanacl, l.lanowner, 'l'::"char", 0, NULL
            FROM pg_catalog.pg_language l WHERE l.lanacl IS NOT NULL AND l.oid < 16384
          ) y
          LEFT JOIN pg_catalog.pg_init_privs ip ON ip.objoid = y.oid AND ip.classoid = y.classid AND ip.objsubid = y.subid
        ) y
        WHERE (y.extension OR (y.oid < 16384 AND (y.initial IS NOT NULL OR y.namespace = 'pg_catalog'::pg_catalog.regnamespace)))
          -- What initdb's superuser (oid 10) still owns with the very ACL initdb gave: nothing to
          -- compare, and comparing the 200 of a new database took 8 of an inspection's 50 ms.
          AND NOT (y.owner = 10 AND y.acl IS NOT DISTINCT FROM y.initial)
        """

    /// One `GRANT` or `REVOKE` per privilege on `target` (`FUNCTION pg_catalog.f(integer)`), after
    /// `head` where there is one (`ALTER DEFAULT PRIVILEGES FOR ROLE r`); the owner (nil grantee)
    /// is `owner`.
    static func grantStatements(head: String = "", on target: String, column: String? = nil, owner: String,
                                _ privileges: [Privilege]) -> String {
        let prefix = head.isEmpty ? "" : head + " "
        let columns = column.map { " (" + SQLQuoting.identifier($0) + ")" } ?? ""
        return privileges.map { privilege in
            let grantee = privilege.grantee.map { $0 == "PUBLIC" ? $0 : SQLQuoting.identifier($0) } ?? owner
            return privilege.revoked
                ? "\(prefix)REVOKE \(privilege.privilege)\(columns) ON \(target) FROM \(grantee);"
                : "\(prefix)GRANT \(privilege.privilege)\(columns) ON \(target) TO \(grantee)" + (privilege.withGrantOption ? " WITH GRANT OPTION;" : ";")
        }.joined(separator: "\n")
    }

    /// One `GRANT` or `REVOKE` per privilege, from `ALTER DEFAULT PRIVILEGES FOR ROLE r [IN SCHEMA s]` and,
    /// after a tab, the kind of object (`TABLES`). The owner (nil grantee) is the role itself.
    static func defaultPrivilegeStatements(_ head: String, _ privileges: [Privilege]) -> String {
        let parts = head.split(separator: "\t", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return head }
        let (prefix, objects) = (parts[0], parts[1])
        let role = prefix.dropFirst("ALTER DEFAULT PRIVILEGES FOR ROLE ".count).prefix { $0 != " " }
        return grantStatements(head: prefix, on: objects, owner: String(role), privileges)
    }

    static func decode(_ result: QueryResult) throws -> [DefinedObject] {
        try result.rows.map { row in
            guard let kind = ObjectKind(rawValue: try row.string("kind")) else {
                throw IntrospectionError(query: "defined objects", underlying: "unknown kind \(try row.string("kind"))")
            }
            let table = try row.optionalString("table_name").map { QualifiedName(schema: try row.string("table_schema"), name: $0) }
            let privileges = try row.privileges()
            var definition = try row.string("definition")
            if kind == .defaultPrivileges { definition = Self.defaultPrivilegeStatements(definition, privileges) }
            // The statements hold the privileges; the owner is initdb's superuser or an
            // extension's, the same object's owner everywhere it is.
            let system = kind == .systemPrivileges
            if system {
                definition = Self.grantStatements(on: definition, column: try row.optionalString("signature"),
                                                  owner: SQLQuoting.identifier(try row.optionalString("owner") ?? ""), privileges)
            }
            return DefinedObject(kind: kind, schema: try row.optionalString("schema"), name: try row.string("name"), table: table,
                                 signature: try row.optionalString("signature"), definition: definition,
                                 comment: try row.optionalString("comment"), owner: system ? nil : try row.optionalString("owner"),
                                 privileges: system ? [] : privileges)
        }
    }
}
