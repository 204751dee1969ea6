import SchemaModel

enum ConstraintDDL {
    static func exists(_ constraint: Constraint, on table: QualifiedName) -> String {
        "SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = \(SQLWriting.regclass(table)) AND conname = \(SQLWriting.literal(constraint.name))"
    }

    /// `ALTER TABLE … ADD CONSTRAINT`; guarded, it is skipped when the table has
    /// one of that name already (a copy its parent gave it, or a second run). `only`: a
    /// partitioned table's key added to the table alone (`ALTER TABLE ONLY`), as pg_dump adds
    /// it, its partitions' keys attached after.
    static func add(_ constraint: Constraint, on table: QualifiedName, guarded: Bool, online: Bool = false, only: Bool = false) -> [Statement] {
        if online, !guarded, let statements = addedThroughIndex(constraint, on: table) { return statements + comments(constraint, on: table) }
        var definition = constraint.definition
        // Online: a check or foreign key is added NOT VALID and validated apart, under a weaker lock.
        let validateApart = online && constraint.validated && (constraint.kind == .check || constraint.kind == .foreignKey)
        if validateApart { definition += " NOT VALID" }
        let add = "ALTER TABLE \(only ? "ONLY " : "")\(table.sql) ADD CONSTRAINT \(SQLWriting.ident(constraint.name)) \(definition)"
        var statements = [SQLWriting.unless(guarded ? exists(constraint, on: table) : nil, add)]
        if validateApart {
            statements.append(Statement("ALTER TABLE \(table.sql) VALIDATE CONSTRAINT \(SQLWriting.ident(constraint.name))"))
        }
        return statements + comments(constraint, on: table)
    }

    /// Online, a primary key or unique constraint: its index built first without blocking writes
    /// (`CREATE UNIQUE INDEX CONCURRENTLY`, outside a transaction), then made the constraint's
    /// (`ADD CONSTRAINT … USING INDEX`, a short lock). Built by `ADD CONSTRAINT`, the index
    /// would be built under an `ACCESS EXCLUSIVE` lock on the table. nil where the definition has
    /// no such form (`WITHOUT OVERLAPS`, a shape this does not know): added the plain way.
    static func addedThroughIndex(_ constraint: Constraint, on table: QualifiedName) -> [Statement]? {
        let head: String
        switch constraint.kind {
        case .primaryKey: head = "PRIMARY KEY "
        case .unique: head = "UNIQUE "
        default: return nil
        }
        var rest = Substring(constraint.definition)
        guard rest.hasPrefix(head), !rest.contains("WITHOUT OVERLAPS") else { return nil }
        rest = rest.dropFirst(head.count)
        let nullsNotDistinct = rest.hasPrefix("NULLS NOT DISTINCT ")
        if nullsNotDistinct { rest = rest.dropFirst("NULLS NOT DISTINCT ".count) }
        // The key's columns, then INCLUDE, WITH and USING INDEX TABLESPACE as the server writes them,
        // then the constraint's own DEFERRABLE and INITIALLY clauses (which USING INDEX takes).
        guard let columns = SQLWriting.parenthesized(rest) else { return nil }
        rest = rest.dropFirst(columns.count)
        var timing = ""
        for clause in [" NOT DEFERRABLE", " DEFERRABLE"] {
            if let at = rest.range(of: clause) { timing = String(rest[at.lowerBound...]); rest = rest[..<at.lowerBound]; break }
        }
        var index = String(columns)
        if let include = rest.range(of: " INCLUDE (") {
            guard let list = SQLWriting.parenthesized(rest[rest.index(before: include.upperBound)...]) else { return nil }
            index += " INCLUDE " + list
        }
        if nullsNotDistinct { index += " NULLS NOT DISTINCT" }
        if let with = rest.range(of: " WITH (") {
            guard let list = SQLWriting.parenthesized(rest[rest.index(before: with.upperBound)...]) else { return nil }
            index += " WITH " + list
        }
        if let space = rest.range(of: " USING INDEX TABLESPACE ") {
            index += " TABLESPACE " + rest[space.upperBound...].prefix { $0 != " " }
        }
        let name = SQLWriting.ident(constraint.name)
        return [
            Statement("CREATE UNIQUE INDEX CONCURRENTLY \(name) ON \(table.sql) USING btree \(index)", outsideTransaction: true),
            Statement("ALTER TABLE \(table.sql) ADD CONSTRAINT \(name) \(head)USING INDEX \(name)\(timing)"),
        ]
    }

    /// The constraint's comment, and its index's (the index has the constraint's name): those it has,
    /// or, given the diff's changed property names, those that changed (a removed one set to NULL).
    static func comments(_ constraint: Constraint, on table: QualifiedName, changed: Set<String>? = nil) -> [Statement] {
        var statements: [Statement] = []
        if changed.map({ $0.contains("comment") }) ?? (constraint.comment != nil) {
            statements.append(SQLWriting.comment(on: "CONSTRAINT \(SQLWriting.ident(constraint.name)) ON \(table.sql)", constraint.comment))
        }
        if changed.map({ $0.contains("index comment") }) ?? (constraint.indexComment != nil) {
            statements.append(IndexDDL.comment(on: constraint.name, of: table, constraint.indexComment))
        }
        return statements
    }

    static func drop(_ constraint: Constraint, on table: QualifiedName, only: Bool = false) -> Statement {
        Statement("ALTER TABLE \(only ? "ONLY " : "")\(table.sql) DROP CONSTRAINT IF EXISTS \(SQLWriting.ident(constraint.name))")
    }
}

enum IndexDDL {
    /// The index's own definition, `IF NOT EXISTS` when guarded. `ON ONLY` (as the server
    /// writes an index of a partitioned table) only when `only`, and its partitions' indexes are
    /// attached after; otherwise the index is built on (or attached from) every partition.
    /// `partitioned`: the index is a partitioned table's, whose statistics targets reach the
    /// indexes attached to it: guarded, they are set only where not set yet, so that running the
    /// script again does not reach those a partition holds of its own.
    static func create(_ index: Index, on relation: QualifiedName, guarded: Bool, concurrently: Bool = false,
                       only: Bool = false, partitioned: Bool = false) -> [Statement] {
        var sql = only || !index.definition.containsBytes(" ON ONLY ") ? index.definition : index.definition.replacingOccurrences(of: " ON ONLY ", with: " ON ")
        for head in ["CREATE UNIQUE INDEX ", "CREATE INDEX "] where sql.hasPrefix(head) {
            let rest = sql.dropFirst(head.count)
            sql = head + (concurrently ? "CONCURRENTLY " : "") + (guarded ? "IF NOT EXISTS " : "") + rest
            break
        }
        var statements = [Statement(sql, outsideTransaction: concurrently)]
        let name = QualifiedName(schema: relation.schema, name: index.name)
        for target in index.statisticsTargets ?? [] {
            let statement = setStatistics(of: name, target)
            statements.append(guarded && partitioned
                ? SQLWriting.unless("SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = \(SQLWriting.regclass(name)) "
                                    + "AND attnum = \(target.column) AND attstattarget = \(target.target)", statement.sql)
                : statement)
        }
        if let text = index.comment { statements.append(comment(on: index.name, of: relation, text)) }
        return statements
    }

    /// `ALTER INDEX … ALTER COLUMN n SET STATISTICS t` for each target `new` sets that `old` did
    /// not, and `-1` (the default, on every major) for each it leaves out. Changes the catalog
    /// only, for the next `ANALYZE`; on a partitioned table's index it reaches its partitions'.
    static func statistics(of index: String, on relation: QualifiedName, from old: [IndexStatisticsTarget]?,
                           to new: [IndexStatisticsTarget]?) -> [Statement] {
        let name = QualifiedName(schema: relation.schema, name: index)
        return IndexStatisticsTarget.columnsChanged(from: old, to: new).map {
            setStatistics(of: name, IndexStatisticsTarget(column: $0, target: IndexStatisticsTarget.target(of: $0, in: new)))
        }
    }

    /// `ALTER INDEX … ALTER COLUMN n SET STATISTICS t` (`-1`: the default).
    static func setStatistics(of index: QualifiedName, _ target: IndexStatisticsTarget) -> Statement {
        Statement("ALTER INDEX \(index.sql) ALTER COLUMN \(target.column) SET STATISTICS \(target.target)")
    }

    /// `COMMENT ON INDEX` (an index is in its table's schema); nil removes it.
    static func comment(on index: String, of relation: QualifiedName, _ text: String?) -> Statement {
        SQLWriting.comment(on: "INDEX \(QualifiedName(schema: relation.schema, name: index).sql)", text)
    }

    /// The copy of the parent's index (or key) `parent` the server made on `partition`, renamed
    /// `name`, found in the catalog by its attachment (where the server's name for it cannot be told).
    static func renameCopy(of parent: QualifiedName, on partition: QualifiedName, to name: String) -> Statement {
        let body = """
            DECLARE copy_name name; holder pg_catalog.oid;
            BEGIN
                SELECT c.relname INTO copy_name FROM pg_catalog.pg_inherits h
                  JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid JOIN pg_catalog.pg_class c ON c.oid = h.inhrelid
                 WHERE h.inhparent = \(SQLWriting.regclass(parent)) AND x.indrelid = \(SQLWriting.regclass(partition));
                IF copy_name IS DISTINCT FROM \(SQLWriting.literal(name)) THEN
                    -- Another copy on the partition holding the name (the server named two copies
                    -- of one shape in another order): set aside, it is renamed by its own block.
                    SELECT c.oid INTO holder FROM pg_catalog.pg_class c JOIN pg_catalog.pg_index x ON x.indexrelid = c.oid
                     WHERE c.relnamespace = \(SQLWriting.literal(SQLWriting.ident(partition.schema)))::pg_catalog.regnamespace
                       AND c.relname = \(SQLWriting.literal(name)) AND x.indrelid = \(SQLWriting.regclass(partition));
                    IF holder IS NOT NULL THEN
                        EXECUTE pg_catalog.format('ALTER INDEX %s RENAME TO %I', holder::pg_catalog.regclass, 'schemactl_aside_' || holder);
                    END IF;
                    EXECUTE pg_catalog.format('ALTER INDEX %I.%I RENAME TO %I', \(SQLWriting.literal(partition.schema)), copy_name, \(SQLWriting.literal(name)));
                END IF;
            END
            """
        return Statement(SQLWriting.doBlock(body))
    }

    /// `concurrently`: online, on a table that holds rows (not a partitioned one: the server refuses).
    /// `cascade`: a partitioned table's index that partitions' keys are attached to.
    static func drop(_ index: Index, on relation: QualifiedName, concurrently: Bool = false, cascade: Bool = false) -> Statement {
        Statement("DROP INDEX \(concurrently ? "CONCURRENTLY " : "")IF EXISTS \(QualifiedName(schema: relation.schema, name: index.name).sql)"
                  + (cascade ? " CASCADE" : ""), outsideTransaction: concurrently)
    }
}

enum TriggerDDL {
    static func create(_ trigger: Trigger, on relation: QualifiedName, guarded: Bool) -> [Statement] {
        let exists = "SELECT 1 FROM pg_catalog.pg_trigger WHERE tgrelid = \(SQLWriting.regclass(relation)) AND tgname = \(SQLWriting.literal(trigger.name))"
        var statements = [SQLWriting.unless(guarded ? exists : nil, trigger.definition)]
        if trigger.enabled != "ORIGIN" { statements += state(trigger, on: relation) }
        if let comment = trigger.comment {
            statements.append(SQLWriting.comment(on: "TRIGGER \(SQLWriting.ident(trigger.name)) ON \(relation.sql)", comment))
        }
        return statements
    }

    /// `DISABLE`, `ENABLE REPLICA` or `ENABLE ALWAYS`; nothing for a trigger enabled as created.
    static func state(_ trigger: Trigger, on relation: QualifiedName) -> [Statement] {
        state(trigger.name, trigger.enabled, on: relation)
    }

    /// `enabled` (`Trigger.enabled`'s words) set on trigger `trigger` of `relation`.
    static func state(_ trigger: String, _ enabled: String, on relation: QualifiedName) -> [Statement] {
        let name = SQLWriting.ident(trigger)
        switch enabled {
        case "DISABLED": return [Statement("ALTER TABLE \(relation.sql) DISABLE TRIGGER \(name)")]
        case "REPLICA": return [Statement("ALTER TABLE \(relation.sql) ENABLE REPLICA TRIGGER \(name)")]
        case "ALWAYS": return [Statement("ALTER TABLE \(relation.sql) ENABLE ALWAYS TRIGGER \(name)")]
        default: return [Statement("ALTER TABLE \(relation.sql) ENABLE TRIGGER \(name)")]
        }
    }

    static func drop(_ trigger: Trigger, on relation: QualifiedName) -> Statement {
        Statement("DROP TRIGGER IF EXISTS \(SQLWriting.ident(trigger.name)) ON \(relation.sql)")
    }
}

enum PolicyDDL {
    static func create(_ policy: Policy, on table: QualifiedName, guarded: Bool) -> [Statement] {
        var sql = "CREATE POLICY \(SQLWriting.ident(policy.name)) ON \(table.sql) AS \(policy.permissive ? "PERMISSIVE" : "RESTRICTIVE") "
            + "FOR \(policy.command) TO \(policy.roles.map { SQLWriting.role($0) }.joined(separator: ", "))"
        if let using = policy.using { sql += " USING (\(using))" }
        if let check = policy.withCheck { sql += " WITH CHECK (\(check))" }
        let exists = "SELECT 1 FROM pg_catalog.pg_policy WHERE polrelid = \(SQLWriting.regclass(table)) AND polname = \(SQLWriting.literal(policy.name))"
        var statements = [SQLWriting.unless(guarded ? exists : nil, sql)]
        if let comment = policy.comment {
            statements.append(SQLWriting.comment(on: "POLICY \(SQLWriting.ident(policy.name)) ON \(table.sql)", comment))
        }
        return statements
    }

    static func drop(_ policy: Policy, on table: QualifiedName) -> Statement {
        Statement("DROP POLICY IF EXISTS \(SQLWriting.ident(policy.name)) ON \(table.sql)")
    }
}
