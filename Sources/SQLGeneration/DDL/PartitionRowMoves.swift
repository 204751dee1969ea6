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
        let columns = movedColumns(under: partition)
        let head = "WITH moved AS (DELETE FROM \(table.sql) WHERE "
        let tail = " RETURNING \(columns)) INSERT INTO \(partition.sql) (\(columns)) OVERRIDING SYSTEM VALUE SELECT \(columns) FROM moved"
        let body = "BEGIN\n    EXECUTE \(SQLWriting.literal(head)) || pg_catalog.pg_get_partition_constraintdef(\(SQLWriting.regclass(partition)))\n"
            + "        || \(SQLWriting.literal(tail));\nEND"
        return Statement(SQLWriting.doBlock(body), hazards: [.rowsMoved(from: table, to: partition)])
    }

    /// A partition attached to its parent under its bounds in the target.
    func attachPartition(_ table: QualifiedName) -> [Statement] {
        guard let new = after.tables[table], let parent = new.partitionOf else { return [] }
        return [Statement("ALTER TABLE \(parent.sql) ATTACH PARTITION \(table.sql) \(new.partitionBound ?? "DEFAULT")",
                          hazards: [.validation(table)])]
    }

    /// The rows of a partition detached to take other bounds (`Planner.Work.narrowed`) that fall
    /// outside them, moved before it is attached again: into its parent's default partition
    /// (detached then, `defaultsEmptied`), or into the parent, whose partitions take them (a row
    /// no partition takes is refused, and the plan rolls back). The new bounds' condition is the
    /// server's own, read from a temporary partition of a temporary copy of the parent that
    /// takes them, dropped in the same block.
    func movingRowsOut(of partition: QualifiedName, into defaultPartition: QualifiedName?) -> Statement {
        let table = after.tables[partition], parent = table?.partitionOf.flatMap { after.tables[$0] }
        let columns = movedColumns(under: partition)
        let destination = defaultPartition ?? parent?.name ?? partition
        let move = "WITH moved AS (DELETE FROM \(partition.sql) WHERE NOT coalesce("
        let rest = ", false) RETURNING \(columns)) INSERT INTO \(destination.sql) (\(columns)) OVERRIDING SYSTEM VALUE SELECT \(columns) FROM moved"
        let body = """
            DECLARE
                bounds text;
            BEGIN
                CREATE TEMPORARY TABLE schemactl_bounds (LIKE \(parent?.name.sql ?? partition.sql)) PARTITION BY \(parent?.partitionKey ?? "");
                CREATE TEMPORARY TABLE schemactl_bounds_probe PARTITION OF schemactl_bounds \(table?.partitionBound ?? "DEFAULT");
                bounds := pg_catalog.pg_get_partition_constraintdef('pg_temp.schemactl_bounds_probe'::pg_catalog.regclass);
                DROP TABLE pg_temp.schemactl_bounds;
                EXECUTE \(SQLWriting.literal(move)) || bounds || \(SQLWriting.literal(rest));
            END
            """
        return Statement(SQLWriting.doBlock(body), hazards: [.rowsMovedOut(from: partition, to: destination)])
    }

    /// The columns a row moved between partitions of one parent is written with: the parent's,
    /// but its generated ones, which the server computes again.
    private func movedColumns(under partition: QualifiedName) -> String {
        let parent = after.tables[partition]?.partitionOf.flatMap { after.tables[$0] }
        return (parent?.columns ?? []).filter { $0.generatedExpression == nil }.map { SQLWriting.ident($0.name) }.joined(separator: ", ")
    }
}
