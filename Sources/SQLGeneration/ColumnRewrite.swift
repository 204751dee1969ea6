import SchemaModel

/// Whether one column's change makes the server write its table again, as the planner's
/// rewrite hazard says it. A plan's hazards are a statement's, and a statement joins a
/// table's column changes (`AlterTableJoin`): `schemactl lint` asks here, column by column,
/// so that a retype the server makes in place is not blamed for another column's rewrite.
public enum ColumnRewrite {
    /// `ALTER COLUMN … TYPE` from `old` to `new`: a type the server cannot change in place
    /// (`DDLWriter.isBinaryCompatible`, checked on the server in `ColumnRetypeTests`), or
    /// another collation.
    public static func retyping(_ old: Column, to new: Column) -> Bool {
        !DDLWriter.isBinaryCompatible(from: old.type, to: new.type) || old.collation != new.collation
    }
}
