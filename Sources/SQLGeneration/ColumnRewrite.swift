import SchemaModel

/// Whether one column's change (a retype, an addition) makes the server write its table again, as the planner's
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

    /// `ADD COLUMN` of `column`, which gives each row a value of its own: an identity, a stored
    /// generated column, or a default that calls a volatile function (a serial's `nextval`),
    /// by `functions` (the target model's).
    public static func adding(_ column: Column, functions: VolatileDefault) -> Bool {
        (column.generatedExpression != nil && column.generatedStorage == nil) || column.identity != nil
            || column.defaultExpression.map(functions.isVolatile) == true
    }
}
