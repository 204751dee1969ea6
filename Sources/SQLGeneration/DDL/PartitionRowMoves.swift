import SchemaModel

/// Rows moved between the partitions of one parent, where the server would refuse a plan
/// on a database holding them (the proof loads no rows, so it cannot see this): a default
/// partition's rows within the bounds of a partition its parent gains
/// (`Planner.Work.defaultsEmptied`), and a re-bounded partition's rows outside its new bounds
/// (`Planner.Work.narrowed`). Each move's condition is the server's own partition constraint.
extension DDLWriter {
    /// A default partition detached while its parent gains partitions in whose bounds it may
    /// hold rows (`Planner.Work.defaultsEmptied`).
    func detachDefault(_ table: QualifiedName) -> Statement {
        let parent = after.tables[table]?.partitionOf ?? table
        return Statement("ALTER TABLE \(parent.sql) DETACH PARTITION \(table.sql)", hazards: locking(parent) + locking(table))
    }

    /// Its rows within the bounds of `partition` moved there, once that partition is attached:
    /// the bounds' condition is the server's own (`pg_get_partition_constraintdef`), whatever the
    /// key (a range over several columns, a list, an expression), so the statement is run from
    /// a DO block. Generated columns are computed again; an identity's values are kept.
    func movingRows(from table: QualifiedName, into partition: QualifiedName) -> Statement {
        let columns = movedColumns(of: after.tables[partition]?.partitionOf)
        let head = "WITH moved AS (DELETE FROM \(table.sql) WHERE "
        let tail = " RETURNING \(columns)) INSERT INTO \(partition.sql) (\(columns)) OVERRIDING SYSTEM VALUE SELECT \(columns) FROM moved"
        let body = "BEGIN\n    EXECUTE \(SQLWriting.literal(head)) || pg_catalog.pg_get_partition_constraintdef(\(SQLWriting.regclass(partition)))\n"
            + "        || \(SQLWriting.literal(tail));\nEND"
        return Statement(SQLWriting.doBlock(body), hazards: [.rowsMoved(from: table, to: partition)])
    }

    /// A partition attached to its parent under its bounds in the target. Its NOT NULLs the
    /// parent gives it are renamed first to the names the target reads (18): ATTACH PARTITION
    /// keeps the table's own, and no inherited constraint is renamed after.
    func attachPartition(_ table: QualifiedName) -> [Statement] {
        guard let new = after.tables[table], let parent = new.partitionOf else { return [] }
        let given = after.tables[parent].map { parentTable in
            new.columns.filter(\.notNull).compactMap { column in
                TableDDL.parentNotNullName(column.name, of: parentTable, in: after.tables).map { _ in
                    (column.name, TableDDL.givenNotNullName(of: column, in: new, after.tables))
                }
            }
        } ?? []
        return notNullRenames(of: table, to: given)
            + [Statement("ALTER TABLE \(parent.sql) ATTACH PARTITION \(table.sql) \(new.partitionBound ?? "DEFAULT")",
                         hazards: [.validation(table)])]
    }

    /// The rows of a partition detached to take other bounds (`Planner.Work.narrowed`) that fall
    /// outside them, moved before it is attached again: into its parent's default partition
    /// (detached then, `defaultsEmptied`), or, with none, into a holder (`holdingRows`), a
    /// temporary table the parent takes them from once every partition that changes bounds is
    /// attached again (`insertingHeldRows`): a row bound for a sibling still detached would find
    /// no partition.
    /// The new bounds' condition is the server's own, read from a temporary partition of a
    /// temporary copy of the parent that takes them, dropped once the rows moved (a hash
    /// partition's condition names that parent).
    /// `destination`: the default or the holder; `finallyTo`: the default or the parent, as the hazard names it.
    func movingRowsOut(of partition: QualifiedName, into destination: QualifiedName, finallyTo: QualifiedName) -> Statement {
        let table = after.tables[partition], parent = table?.partitionOf.flatMap { after.tables[$0] }
        let columns = movedColumns(of: table?.partitionOf)
        let parentName = parent?.name ?? partition
        let move = "WITH moved AS (DELETE FROM \(partition.sql) WHERE NOT coalesce("
        let rest = ", false) RETURNING \(columns)) INSERT INTO \(destination.sql) (\(columns)) "
            + "OVERRIDING SYSTEM VALUE SELECT \(columns) FROM moved"
        let body = """
            DECLARE
                bounds text;
            BEGIN
                CREATE TEMPORARY TABLE schemactl_bounds (LIKE \(parentName.sql)) PARTITION BY \(parent?.partitionKey ?? "");
                CREATE TEMPORARY TABLE schemactl_bounds_probe PARTITION OF schemactl_bounds \(table?.partitionBound ?? "DEFAULT");
                bounds := pg_catalog.pg_get_partition_constraintdef('pg_temp.schemactl_bounds_probe'::pg_catalog.regclass);
                EXECUTE \(SQLWriting.literal(move)) || bounds || \(SQLWriting.literal(rest));
                DROP TABLE pg_temp.schemactl_bounds;
            END
            """
        return Statement(SQLWriting.doBlock(body), hazards: [.rowsMovedOut(from: partition, to: finallyTo)])
    }

    /// The temporary table `movingRowsOut` holds rows in for `parent` (`insertingHeldRows`).
    func holdingRows(of parent: QualifiedName, in holder: QualifiedName) -> Statement {
        Statement("CREATE TEMPORARY TABLE \(holder.sql) (LIKE \(parent.sql))")
    }

    /// The rows `movingRowsOut` held in `holder` for `parent`, given to it once its partitions are
    /// attached again: a row no partition takes is refused, and the plan rolls back.
    func insertingHeldRows(into parent: QualifiedName, from holder: QualifiedName) -> [Statement] {
        let columns = movedColumns(of: parent)
        return [Statement("INSERT INTO \(parent.sql) (\(columns)) OVERRIDING SYSTEM VALUE SELECT \(columns) FROM \(holder.sql)"),
                Statement("DROP TABLE \(holder.sql)")]
    }

    /// The columns a row moved between partitions of one parent is written with: the parent's,
    /// but its generated ones, which the server computes again.
    private func movedColumns(of parent: QualifiedName?) -> String {
        let columns = parent.flatMap { after.tables[$0] }?.columns ?? []
        return columns.filter { $0.generatedExpression == nil }.map { SQLWriting.ident($0.name) }.joined(separator: ", ")
    }
}
