import SQLText
import SchemaModel

/// Tables and their columns: `CREATE TABLE` with every column, and what a
/// column or table carries beside it (storage, statistics, comments, grants).
enum TableDDL {
    /// `"name" type COLLATE … GENERATED … DEFAULT … NOT NULL`, as in CREATE TABLE and ADD COLUMN.
    static func columnDefinition(_ column: Column) -> String {
        var text = SQLWriting.ident(column.name) + " " + column.type
        if let collation = column.collation { text += " COLLATE \(collation)" }
        if let clause = generation(column) { text += " " + clause }
        if let identity = column.identity { text += " GENERATED \(identity.generation.rawValue) AS IDENTITY (\(identityOptions(identity)))" }
        if let value = column.defaultExpression { text += " DEFAULT \(value)" }
        if column.notNull { text += " " + notNull(named: column.notNullName) + (column.notNullNoInherit == true ? " NO INHERIT" : "") }
        return text
    }

    /// `table` with the NOT NULL constraints that take the default name (18) named so outright
    /// where another table of its schema holds that name as its own (a partition detached keeps
    /// its parent's): left to the server, theirs would be `…_not_null1`.
    static func namingTakenNotNulls(_ table: Table, in model: ModelIndex) -> Table {
        guard let taken = model.namedNotNulls[table.name.schema] else { return table }
        var named = table
        let parent = table.partitionOf.flatMap { model.tables[$0] }
        for index in named.columns.indices where named.columns[index].notNull && named.columns[index].notNullName == nil
            && parent.flatMap({ parentNotNullName(named.columns[index].name, of: $0, in: model.tables) }) == nil {
            let name = notNullName(of: named.columns[index], in: table.name)
            if taken.contains(name) { named.columns[index].notNullName = name }
        }
        return named
    }

    /// The name of `column`'s NOT NULL constraint: its own, or the one the server gives (18).
    static func notNullName(of column: Column, in table: QualifiedName) -> String {
        column.notNullName ?? ServerNames.objectName(table.name, column.name, label: "not_null")
    }

    /// The name of `column`'s NOT NULL constraint as the model reads it (18): its own; on a
    /// partition whose parent gives it the NOT NULL, the parent's (`PARTITION OF` gives that,
    /// and the reader leaves it unnamed), and on a child that only inherits it, its first
    /// parent's that gives it; else the one the server gives the table.
    /// `tables`: where the parents are looked up.
    static func givenNotNullName(of column: Column, in table: Table, _ tables: [QualifiedName: Table]) -> String {
        if let name = column.notNullName { return name }
        if let parent = table.partitionOf.flatMap({ tables[$0] }), let name = parentNotNullName(column.name, of: parent, in: tables) {
            return name
        }
        if column.notNullLocal != true,
           let name = table.inherits.lazy.compactMap({ tables[$0] }).compactMap({ parentNotNullName(column.name, of: $0, in: tables) }).first {
            return name
        }
        return notNullName(of: column, in: table.name)
    }

    /// `COMMENT ON CONSTRAINT` of `column`'s NOT NULL (18), under the name it holds in `table`,
    /// where its comment is not `old`.
    static func notNullComment(_ column: Column, of table: Table, _ tables: [QualifiedName: Table], from old: String? = nil) -> [Statement] {
        guard column.notNull, column.notNullComment != old else { return [] }
        let name = SQLWriting.ident(givenNotNullName(of: column, in: table, tables))
        return [SQLWriting.comment(on: "CONSTRAINT \(name) ON \(table.name.sql)", column.notNullComment)]
    }

    /// The name of the NOT NULL constraint `parent` holds on its column `column` and gives its
    /// children, valid or `NOT VALID` (which the model holds apart, as a constraint); nil where
    /// it holds none, or one `NO INHERIT`.
    static func parentNotNullName(_ column: String, of parent: Table, in tables: [QualifiedName: Table]) -> String? {
        if let held = parent.column(column), held.notNull {
            return held.notNullInherited ? givenNotNullName(of: held, in: parent, tables) : nil
        }
        return parent.constraints.first {
            $0.kind == .notNull && $0.columns == [column] && !$0.definition.contains(" NO INHERIT")
        }?.name
    }

    /// `GENERATED ALWAYS AS (…) STORED | VIRTUAL` of a generated column, or nil.
    static func generation(_ column: Column) -> String? {
        column.generatedExpression.map { "GENERATED ALWAYS AS (\($0)) \(column.generatedStorage ?? "STORED")" }
    }

    /// `NOT NULL`, or `CONSTRAINT name NOT NULL` where the constraint has a name of its own
    /// (a column's from 18, a domain's from 17).
    static func notNull(named name: String?) -> String {
        name.map { "CONSTRAINT \(SQLWriting.ident($0)) NOT NULL" } ?? "NOT NULL"
    }

    /// `SET NOT NULL`; where the column's constraint has a name of its own (18), `ADD CONSTRAINT
    /// name NOT NULL column`, which a second run finds there and leaves.
    static func setNotNull(_ column: Column, of table: QualifiedName) -> String {
        // SET NOT NULL makes no NOT NULL `NO INHERIT` (18): one is added as a constraint.
        if column.notNullNoInherit == true {
            return "ALTER TABLE \(table.sql) ADD \(notNull(named: notNullName(of: column, in: table))) \(SQLWriting.ident(column.name)) NO INHERIT"
        }
        if let name = column.notNullName {
            return "ALTER TABLE \(table.sql) ADD \(notNull(named: name)) \(SQLWriting.ident(column.name))"
        }
        return "ALTER TABLE \(table.sql) ALTER COLUMN \(SQLWriting.ident(column.name)) SET NOT NULL"
    }

    /// Whether a child is created as a table of its own that then joins its parents
    /// (`ALTER TABLE … INHERIT`), as it was made: every column it inherits it also declares
    /// itself (`Column.inheritedAndLocal`), and in its own order, which `CREATE TABLE …
    /// INHERITS` would not keep (it puts inherited columns first).
    /// `parents`: the tables it inherits from.
    static func joinsParentsLater(_ table: Table, parents: [Table]) -> Bool {
        guard !table.inherits.isEmpty, table.partitionOf == nil, table.ofType == nil else { return false }
        let inherited = Set(parents.flatMap(\.columns).map(\.name))
        return table.columns.allSatisfy { !inherited.contains($0.name) || $0.inheritedAndLocal == true }
    }

    /// Whether a partition is created as a table of its own, then attached (`ATTACH
    /// PARTITION`), as pg_dump writes every partition: where its columns are not in its
    /// parent's order (it was made apart and attached, or its parent lost and gained columns
    /// since), which `PARTITION OF` would not keep. Under a parent with an identity column only
    /// where the partition has none of its own (from 17 partitions share their parent's, and
    /// the model gives them none; an attached table may not have one): its column is made
    /// NOT NULL under the parent's constraint's name, as pg_dump writes it (18's regression
    /// suite: `pitest1_p2`).
    /// Also where it holds a check of its parent's `NOT VALID` (it was there when the parent's
    /// was added): a partition made by `PARTITION OF` holds its copies valid, and an attached
    /// table's own `NOT VALID` check is merged as it is.
    /// `parent`: the table it is a partition of.
    static func attachesLater(_ table: Table, parent: Table?) -> Bool {
        guard table.partitionOf != nil, let parent,
              !(parent.columns.contains { $0.identity != nil } && table.columns.contains { $0.identity != nil }) else { return false }
        return table.columns.map(\.name) != parent.columns.map(\.name).filter { name in table.columns.contains { $0.name == name } }
            || !invalidInheritedChecks(table, parent: parent).isEmpty
    }

    /// Whether `column` of a child or partition holds, valid and inherited only, a copy of a
    /// parent's `NOT VALID` NOT NULL (18: a child made after the parent's constraint gets it
    /// valid). Made by the parent's constraint and validated on the child
    /// (`DDLWriter.validatingCopies`): set on the child, it would be the child's own, under the
    /// child's name.
    static func validatesParentsNotNull(_ column: Column, parents: [Table]) -> Bool {
        column.notNull && column.notNullLocal != true && column.notNullName == nil && parents.contains { parent in
            parent.constraints.contains { $0.kind == .notNull && !$0.validated && $0.columns == [column.name] }
        }
    }

    /// The NOT NULLs (18) a child that joins its parents later (`joinsParentsLater`) only inherits
    /// (`Column.notNullLocal` false), with the parent's column that gives each: where the server
    /// lets the parent drop it a while (not inherited in turn, not an identity, not in its primary
    /// key or replica identity); elsewhere the child's is its own as well.
    static func notNullsInheritedOnly(_ table: Table, parents: [Table], in model: ModelIndex) -> [(parent: QualifiedName, column: Column)] {
        table.columns.filter { $0.notNull && $0.notNullLocal == false }.compactMap { column in
            guard let parent = parents.first(where: { $0.column(column.name)?.notNullInherited == true }),
                  let given = parent.column(column.name), given.notNullLocal == nil, given.identity == nil,
                  !parent.constraints.contains(where: { $0.kind == .primaryKey && $0.columns.contains(column.name) }),
                  !(parent.replicaIdentity?.hasPrefix("USING INDEX") ?? false),
                  !parent.parents.contains(where: { model.tables[$0]?.column(column.name)?.notNullInherited == true }) else { return nil }
            return (parent.name, given)
        }
    }

    /// A partition's checks that are its parent's, `NOT VALID` on it.
    static func invalidInheritedChecks(_ table: Table, parent: Table) -> [Constraint] {
        table.constraints.filter { check in
            check.kind == .check && !check.validated && parent.constraints.contains { $0.kind == .check && $0.name == check.name }
        }
    }

    /// An identity's sequence options, with `SEQUENCE NAME` where the model names it.
    static func identityOptions(_ identity: Column.Identity) -> String {
        (identity.sequenceName.map { "SEQUENCE NAME \($0.sql) " } ?? "") + TypeDDL.sequenceOptions(identity.sequence, withType: false)
    }

    /// The name of an identity column's sequence: the model's, or the one PostgreSQL gives it.
    static func identitySequence(_ identity: Column.Identity, of column: String, in table: QualifiedName) -> QualifiedName {
        identity.sequence(of: column, in: table)
    }

    /// The comment, privileges and persistence of an identity column's sequence, from `old`
    /// ones. `unlogged`: where the sequence is unlogged now, when it was made before this plan
    /// (its table's persistence, or what it was set to), and the table's at the end.
    static func identitySequenceExtras(_ identity: Column.Identity, from old: Column.Identity?, of column: String,
                                       in table: QualifiedName,
                                       unlogged: (now: Bool, table: Bool)? = nil) -> [Statement] {
        let sequence = identitySequence(identity, of: column, in: table)
        var statements: [Statement] = []
        // A new sequence is made with its table's persistence: set apart only where the model says so.
        let persistence = unlogged.map { (identity.sequenceUnlogged ?? $0.table, $0.now) }
            ?? identity.sequenceUnlogged.map { ($0, !$0) }
        if let (final, now) = persistence, final != now {
            statements.append(Statement("ALTER SEQUENCE \(sequence.sql) SET \(final ? "UNLOGGED" : "LOGGED")"))
        }
        if identity.sequenceComment != old?.sequenceComment {
            statements.append(SQLWriting.comment(on: "SEQUENCE \(sequence.sql)", identity.sequenceComment))
        }
        statements += PrivilegeDDL.statements(on: "SEQUENCE \(sequence.sql)", from: old?.sequencePrivileges ?? [],
                                              to: identity.sequencePrivileges ?? [])
        return statements
    }

    /// `constraints`: written inside the column list (a plain table's; a partition's keys attached
    /// to its parent's, which make it a table of its own that is then attached).
    /// `model`: where its parents are looked up, by name (a scan of the tables per partition
    /// was quadratic in a schema of thousands of partitions).
    static func create(_ table: Table, in model: ModelIndex, guarded: Bool, constraints: [Constraint] = []) -> [Statement] {
        let table = namingTakenNotNulls(table, in: model)
        let prefix = "CREATE \(table.unlogged ? "UNLOGGED " : "")TABLE \(guarded ? "IF NOT EXISTS " : "")\(table.name.sql)"
        var create: String
        var columnsAfter: [Column] = []
        var checksAfter: [Constraint] = []
        let parents = table.inherits.compactMap { model.tables[$0] }
        let joinsLater = joinsParentsLater(table, parents: parents)
        // A partition's or child's NOT NULL of a name its own (18), on a column it inherits, is
        // said in CREATE TABLE: after, the one it inherits is there under its parent's name. So is
        // one a child declares as well as inherits (`Column.notNullLocal`): the server can make an
        // inherited one local later (SET NOT NULL on the child) but not rename it.
        let inheritedColumns = table.partitionOf.map { model.tables[$0]?.columns ?? [] }
            ?? (table.ofType == nil && !table.inherits.isEmpty && !joinsLater ? parents.flatMap(\.columns) : [])
        let namedNotNull = table.columns.filter { column in
            column.notNull && (column.notNullName != nil || column.notNullLocal == true) && inheritedColumns.contains { $0.name == column.name }
        }
        let notNullElements = namedNotNull.map { notNull(named: $0.notNullName) + " " + SQLWriting.ident($0.name) }
        let namedNotNullColumns = Set(namedNotNull.map(\.name))
        let attachesLater = table.partitionOf.map { Self.attachesLater(table, parent: model.tables[$0]) || !constraints.isEmpty } ?? false
        let joinedNotNulls = joinsLater ? notNullsInheritedOnly(table, parents: parents, in: model) : []
        if let parent = table.partitionOf, attachesLater {
            // Its own columns in its own order, and its parent's checks, which ATTACH PARTITION
            // asks it to have (and marks as inherited); its keys and indexes come from the parent's.
            // Those NOT VALID on it come after, as NOT VALID as they are (in CREATE TABLE they would be valid).
            let invalid = Set(model.tables[parent].map { invalidInheritedChecks(table, parent: $0) }?.map(\.name) ?? [])
            let checks = (model.tables[parent]?.constraints ?? []).filter {
                $0.kind == .check && !$0.definition.hasSuffix(" NO INHERIT") && !invalid.contains($0.name)
            }
            checksAfter = table.constraints.filter { invalid.contains($0.name) }
            // Its NOT NULLs under the names they have once attached: the parent's where the model
            // leaves them unnamed (ATTACH PARTITION keeps the table's own).
            let named = table.columns.map { column in
                var made = column
                if made.notNull, made.notNullName == nil, let given = model.tables[parent] {
                    made.notNullName = parentNotNullName(column.name, of: given, in: model.tables)
                }
                return made
            }
            let elements = named.map(columnDefinition) + (checks + constraints).map { "CONSTRAINT \(SQLWriting.ident($0.name)) \($0.definition)" }
            create = prefix + " (\n    " + elements.joined(separator: ",\n    ") + "\n)"
        } else if let parent = table.partitionOf {
            // A partition takes its columns from its parent; what differs is set after.
            let parentColumns = model.tables[parent]?.columns ?? []
            // PostgreSQL 16 lets a partition compute a generated column its own way (17 refuses it).
            let ownGeneration = table.columns.compactMap { column -> String? in
                guard let clause = generation(column), let inherited = parentColumns.first(where: { $0.name == column.name }),
                      inherited.generatedExpression != nil, inherited.generatedExpression != column.generatedExpression else { return nil }
                return SQLWriting.ident(column.name) + " WITH OPTIONS " + clause
            } + notNullElements
            create = prefix + " PARTITION OF \(parent.sql)" + (ownGeneration.isEmpty ? "" : " (" + ownGeneration.joined(separator: ", ") + ")")
                + " \(table.partitionBound ?? "DEFAULT")"
            columnsAfter = table.columns.filter { column in
                guard let inherited = parentColumns.first(where: { $0.name == column.name }) else { return true }
                return inherited.defaultExpression != column.defaultExpression || inherited.notNull != column.notNull
            }
        } else if let type = table.ofType {
            create = prefix + " OF \(type.sql)"
            columnsAfter = table.columns
        } else if !table.inherits.isEmpty && !joinsLater {
            // A child declares its own columns, and the inherited ones it also declares itself (name and
            // type: the server merges them, as pg_dump writes them); an inherited one whose default or
            // NOT NULL is its own gets it after.
            // Each inherited column as its parents give it, in their order.
            let parentColumns = Dictionary(grouping: parents.flatMap(\.columns), by: \.name)
            let inherited = parentColumns.mapValues { $0[0] }
            // The default a column takes from its parents: the one default they give (a parent
            // without one gives none); where two give different ones the server refuses the table
            // ("inherits conflicting default values") unless it declares one itself, so it is
            // written in CREATE TABLE (the child's own, else the first parent's, dropped after).
            let parentDefaults = parentColumns.mapValues { columns in
                columns.compactMap(\.defaultExpression).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            }
            let declaredDefault = { (column: Column) -> String? in
                guard let defaults = parentDefaults[column.name], defaults.count > 1 else { return nil }
                return column.defaultExpression ?? defaults[0]
            }
            let inheritedDefault = { (column: Column) -> String? in declaredDefault(column) ?? parentDefaults[column.name]?.first }
            let own = table.columns.filter { inherited[$0.name] == nil }.map(columnDefinition)
                + table.columns.filter { inherited[$0.name] != nil && ($0.inheritedAndLocal == true || declaredDefault($0) != nil) }.map { column in
                    var text = SQLWriting.ident(column.name) + " " + column.type + (column.collation.map { " COLLATE \($0)" } ?? "")
                    if let value = declaredDefault(column) { text += " DEFAULT " + value }
                    // From PostgreSQL 16 a child may compute a generated column its own way, and must where
                    // two parents disagree; where it agrees with every parent the clause is left to them.
                    if let clause = generation(column),
                       parents.contains(where: { $0.columns.contains { $0.name == column.name && $0.generatedExpression != column.generatedExpression } }) {
                        text += " " + clause
                    }
                    return text
                } + notNullElements
                // A check it declares itself and inherits: merged with the parent's, and its own too.
                + table.constraints.filter { $0.kind == .check && $0.inheritedAndLocal == true }
                    .map { "CONSTRAINT \(SQLWriting.ident($0.name)) \($0.definition)" }
            columnsAfter = table.columns.filter { column in
                guard let parent = inherited[column.name] else { return false }
                return inheritedDefault(column) != column.defaultExpression || parent.notNullInherited != column.notNull
            }
            create = prefix + " (" + (own.isEmpty ? "" : "\n    " + own.joined(separator: ",\n    ") + "\n")
                + ") INHERITS (\(table.inherits.map(\.sql).joined(separator: ", ")))"
        } else {
            let elements = table.columns.map { column in
                var made = column
                if joinedNotNulls.contains(where: { $0.column.name == column.name }) { made.notNull = false }
                // A valid copy of a parent's NOT VALID NOT NULL (18) comes with the parent's
                // constraint once it joins, under the parent's name, and is validated on it
                // (`DDLWriter.validatingCopies`); declared here, it would be its own, under its name.
                if joinsLater && validatesParentsNotNull(column, parents: parents) { made.notNull = false }
                return columnDefinition(made)
            }
                + constraints.map { "CONSTRAINT \(SQLWriting.ident($0.name)) \($0.definition)" }
            create = prefix + " (\n    " + elements.joined(separator: ",\n    ") + "\n)"
        }
        if let key = table.partitionKey { create += " PARTITION BY \(key)" }
        if let method = table.accessMethod { create += " USING \(SQLWriting.ident(method))" }
        if !table.storageParameters.isEmpty { create += " WITH (\(table.storageParameters.joined(separator: ", ")))" }
        var statements = [Statement(create)]
        statements += checksAfter.map { check in
            SQLWriting.unless(guarded ? "SELECT FROM pg_catalog.pg_constraint WHERE conrelid = \(SQLWriting.regclass(table.name)) AND conname = \(SQLWriting.literal(check.name))" : nil,
                              "ALTER TABLE \(table.name.sql) ADD CONSTRAINT \(SQLWriting.ident(check.name)) \(check.definition)")
        }
        if let parent = table.partitionOf, attachesLater {
            let attach = "ALTER TABLE \(parent.sql) ATTACH PARTITION \(table.name.sql) \(table.partitionBound ?? "DEFAULT")"
            statements.append(SQLWriting.unless(
                guarded ? "SELECT FROM pg_catalog.pg_class WHERE oid = \(SQLWriting.regclass(table.name)) AND relispartition" : nil, attach))
        }
        if joinsLater {
            // Its NOT NULLs it only inherits (18): INHERIT asks the child for a NOT NULL of its own,
            // which it then keeps as its own too; so the parent's is dropped while it joins and set
            // again, reaching the child (and its siblings) inherited only. A sibling's own stays.
            let alter = { (parent: QualifiedName, column: Column) in
                "ALTER TABLE \(parent.sql) ALTER COLUMN \(SQLWriting.ident(column.name))" }
            statements += joinedNotNulls.map { Statement(alter($0.parent, $0.column) + " DROP NOT NULL") }
            // Run again on a database it built, INHERIT fails as `duplicate_table`: ignored.
            statements += table.inherits.map { parent in
                let sql = "ALTER TABLE \(table.name.sql) INHERIT \(parent.sql)"
                return Statement(guarded ? SQLWriting.ignoringDuplicate(sql) : sql)
            }
            statements += joinedNotNulls.map { Statement(setNotNull($0.column, of: $0.parent), hazards: [.validation($0.parent)]) }
        }
        let parentTables = (table.partitionOf.map { [$0] } ?? table.inherits).compactMap { model.tables[$0] }
        let parentColumns = parentTables.flatMap(\.columns)
        for column in columnsAfter {
            let givenByParent = parentColumns.contains { $0.name == column.name && $0.notNullInherited }
            if let value = column.defaultExpression {
                statements.append(Statement("ALTER TABLE \(table.name.sql) ALTER COLUMN \(SQLWriting.ident(column.name)) SET DEFAULT \(value)"))
            } else if table.ofType == nil && parentColumns.contains(where: { $0.name == column.name && $0.defaultExpression != nil }) {
                // The parent's default, not wanted here.
                statements.append(Statement("ALTER TABLE \(table.name.sql) ALTER COLUMN \(SQLWriting.ident(column.name)) DROP DEFAULT"))
            }
            // Not where a parent gives it (a column after for its default): on 18 SET NOT NULL on the
            // child would make the inherited one its own as well (GNUmed's `clin.reviewed_test_results`).
            if column.notNull && !namedNotNullColumns.contains(column.name) && !givenByParent
                && !validatesParentsNotNull(column, parents: parentTables) {
                statements.append(Statement(setNotNull(column, of: table.name)))
            } else if !column.notNull && givenByParent && table.partitionOf == nil {
                // An inheritance child may drop the NOT NULL its parent gave it (before 18; GNUmed's
                // `clin.substance_intake.fk_episode` under `clin.clin_root_item`). ONLY: the child's own
                // children, made after it, take its column as it is then.
                statements.append(Statement("ALTER TABLE ONLY \(table.name.sql) ALTER COLUMN \(SQLWriting.ident(column.name)) DROP NOT NULL"))
            }
        }
        for column in table.columns { statements += columnExtras(column, of: table.name) }
        // A copy of a parent's NOT VALID one is made later, with the parent's (`DDLWriter.validatingCopies`).
        for column in table.columns where !validatesParentsNotNull(column, parents: parentTables) {
            statements += notNullComment(column, of: table, model.tables)
        }
        if table.rowLevelSecurity { statements.append(Statement("ALTER TABLE \(table.name.sql) ENABLE ROW LEVEL SECURITY")) }
        if table.forceRowLevelSecurity { statements.append(Statement("ALTER TABLE \(table.name.sql) FORCE ROW LEVEL SECURITY")) }
        if let comment = table.comment { statements.append(SQLWriting.comment(on: "TABLE \(table.name.sql)", comment)) }
        statements += PrivilegeDDL.statements(on: "TABLE \(table.name.sql)", from: [], to: table.privileges)
        return statements
    }

    /// Storage, compression, statistics, options, comment and grants of a column (its definition aside).
    static func columnExtras(_ column: Column, of table: QualifiedName) -> [Statement] {
        // Most columns have none of these: nothing is built for them.
        guard column.storage != nil || column.compression != nil || column.statisticsTarget != nil || !column.options.isEmpty
                || column.comment != nil || !column.privileges.isEmpty
                || column.identity?.sequenceComment != nil || column.identity?.sequencePrivileges != nil
                || column.identity?.sequenceUnlogged != nil else { return [] }
        // ONLY: a partitioned table's settings would otherwise reach partitions made before it.
        let alter = "ALTER TABLE ONLY \(table.sql) ALTER COLUMN \(SQLWriting.ident(column.name))"
        var statements: [Statement] = []
        if let storage = column.storage { statements.append(Statement("\(alter) SET STORAGE \(storage)")) }
        if let compression = column.compression { statements.append(Statement("\(alter) SET COMPRESSION \(compression)")) }
        if let target = column.statisticsTarget { statements.append(Statement("\(alter) SET STATISTICS \(target)")) }
        if !column.options.isEmpty { statements.append(Statement("\(alter) SET (\(column.options.joined(separator: ", ")))")) }
        if let comment = column.comment {
            statements.append(SQLWriting.comment(on: "COLUMN \(table.sql).\(SQLWriting.ident(column.name))", comment))
        }
        statements += PrivilegeDDL.statements(on: "TABLE \(table.sql)", from: [], to: column.privileges, column: column.name)
        if let identity = column.identity { statements += identitySequenceExtras(identity, from: nil, of: column.name, in: table) }
        return statements
    }

    /// REPLICA IDENTITY and CLUSTER ON: after the indexes they may name.
    static func indexSettings(_ table: Table) -> [Statement] {
        var statements: [Statement] = []
        if let identity = table.replicaIdentity {
            statements.append(Statement("ALTER TABLE \(table.name.sql) REPLICA IDENTITY \(identity)"))
        }
        if let index = table.clusterOn {
            statements.append(Statement("ALTER TABLE \(table.name.sql) CLUSTER ON \(SQLWriting.ident(index))"))
        }
        return statements
    }
}
