import SchemaModel

/// How a plan is written.
public struct PlanOptions: Sendable, Hashable {
    /// Every creation guarded (`IF NOT EXISTS`, catalog lookups in `DO` blocks),
    /// so the script can run twice: the consolidated schema's form.
    public var idempotent = false
    /// Prefer what keeps tables available: `CREATE INDEX CONCURRENTLY`, `NOT VALID`
    /// then `VALIDATE`, `SET NOT NULL` through a validated check, a `lock_timeout`.
    public var online = false
    /// Renames the user confirmed (`--rename OLD=NEW`), applied instead of a drop and an add.
    public var renames: [Rename] = []
    /// The PostgreSQL major the plan will run on (enum values are added outside
    /// a transaction before 12); nil for any.
    public var serverMajor: Int?
    /// Extensions whose version changes along no update path the server has (most ship no
    /// script back to an older version; see `ExtensionPaths`): dropped and created at the
    /// target's version, with what uses them made again around them.
    public var extensionsRemade: Set<String> = []

    public init(idempotent: Bool = false, online: Bool = false, renames: [Rename] = [], serverMajor: Int? = nil) {
        self.idempotent = idempotent
        self.online = online
        self.renames = renames
        self.serverMajor = serverMajor
    }
}

/// A table or a column renamed, a table moved to another schema, an enum's value renamed, or a
/// schema renamed with everything in it, rather than dropped and created.
public struct Rename: Sendable, Hashable, CustomStringConvertible {
    /// The table (for a column: its table; for an enum value: the enum), under its old name. For
    /// a schema, its old name in both parts.
    public var table: QualifiedName
    /// The column's (or the enum value's) old name; nil when the table itself is renamed.
    public var column: String?
    public var newName: String
    /// The schema a table moves to (`ALTER TABLE … SET SCHEMA`); nil where it stays.
    public var newSchema: String?
    /// `table` is an enum and `column` one of its values (`ALTER TYPE … RENAME VALUE`): every
    /// row holding it holds the new one.
    public var enumValue = false
    /// `table` is a sequence of its own (`ALTER SEQUENCE … RENAME TO`): it goes on counting.
    public var sequence = false
    /// A schema (`ALTER SCHEMA … RENAME TO`): everything in it keeps its data and its name
    /// in it. `table` holds its old name, `newName` the new one.
    public var schema = false

    /// Schema `old` renamed to `new`.
    public init(schema old: String, to new: String) {
        self.init(table: QualifiedName(schema: old, name: old), newName: new)
        schema = true
    }

    public init(table: QualifiedName, column: String? = nil, newName: String, newSchema: String? = nil, enumValue: Bool = false,
                sequence: Bool = false) {
        self.table = table
        self.column = column
        self.newName = newName
        self.newSchema = newSchema == table.schema ? nil : newSchema
        self.enumValue = enumValue
        self.sequence = sequence
    }

    /// A renamed or moved table's name afterwards.
    public var newTable: QualifiedName { QualifiedName(schema: newSchema ?? table.schema, name: newName) }

    /// A table's or a column's: not an enum value's, a sequence's or a schema's.
    var onTable: Bool { !enumValue && !sequence && !schema }

    public var description: String {
        if schema { return "schema \(SQLWriting.ident(table.schema)) to \(SQLWriting.ident(newName))" }
        if enumValue, let column { return "value \(SQLWriting.literal(column)) of \(table.sql) to \(SQLWriting.literal(newName))" }
        if sequence { return "sequence \(table.sql) to \(SQLWriting.ident(newName))" }
        return column.map { "\(table.sql).\(SQLWriting.ident($0)) to \(SQLWriting.ident(newName))" }
            ?? "\(table.sql) to \(newSchema == nil ? SQLWriting.ident(newName) : newTable.sql)"
    }

    /// `schema.table.column=new`, `table.column=new` (a column; the table in
    /// `public` when unqualified), or `schema.table=new` / `table=new` (a table)
    /// when `tables` has that table; a table's `new` may be `schema.new`, which moves
    /// it to that schema. `schema.enum.value=new` or `enum.value=new` (the enum in `public`)
    /// renames a value of an enum `enums` has (the value may hold dots). `schema=new` renames a
    /// schema `schemas` has, unless `public` has a table or a sequence of that name. A bare name is taken
    /// as written; a double-quoted one (`RenameArgument`) may hold dots, quotes and `=`.
    public static func parse(_ text: String, tables: Set<QualifiedName>, enums: Set<QualifiedName> = [],
                             sequences: Set<QualifiedName> = [], schemas: Set<String> = []) -> Rename? {
        guard let (path, target) = RenameArgument.sides(text), !target.allSatisfy(\.isEmpty) else { return nil }
        let inPublic = QualifiedName(schema: "public", name: path.first ?? "")
        if path.count == 1, target.count == 1, schemas.contains(path[0]), !tables.contains(inPublic), !sequences.contains(inPublic) {
            return Rename(schema: path[0], to: target[0])
        }
        // A column's or a value's new name is one name: its dots, if bare, are its own.
        let newName = target.joined(separator: ".")
        // A sequence of its own: `schema.sequence=new` (or `sequence=new`, in public).
        let sequence = path.count == 2 ? QualifiedName(schema: path[0], name: path[1]) : QualifiedName(schema: "public", name: path[0])
        if path.count <= 2, sequences.contains(sequence), target.count == 1 {
            return Rename(table: sequence, newName: target[0], sequence: true)
        }
        if path.count >= 3, enums.contains(QualifiedName(schema: path[0], name: path[1])) {
            return Rename(table: QualifiedName(schema: path[0], name: path[1]), column: path[2...].joined(separator: "."), newName: newName, enumValue: true)
        }
        if path.count >= 2, enums.contains(QualifiedName(schema: "public", name: path[0])) {
            return Rename(table: QualifiedName(schema: "public", name: path[0]), column: path[1...].joined(separator: "."), newName: newName, enumValue: true)
        }
        guard !path.contains(where: \.isEmpty) else { return nil }
        func table(_ name: QualifiedName) -> Rename? {
            switch target.count {
            case 1: return Rename(table: name, newName: target[0])
            case 2 where !target[0].isEmpty && !target[1].isEmpty: return Rename(table: name, newName: target[1], newSchema: target[0])
            default: return nil
            }
        }
        switch path.count {
        case 1: return table(QualifiedName(schema: "public", name: path[0]))
        case 2:
            let asTable = QualifiedName(schema: path[0], name: path[1])
            if tables.contains(asTable) { return table(asTable) }
            return Rename(table: QualifiedName(schema: "public", name: path[0]), column: path[1], newName: newName)
        case 3: return Rename(table: QualifiedName(schema: path[0], name: path[1]), column: path[2], newName: newName)
        default: return nil
        }
    }

    /// Why this rename cannot apply to `model` (the plan's source), or nil: what it names is
    /// not there, or its new name is taken. A rename that matched nothing was ignored before,
    /// and its column or table dropped.
    public func problem(in model: DatabaseModel) -> String? {
        if schema {
            guard model.schemas.contains(where: { $0.name == table.schema }) else { return "there is no schema \(SQLWriting.ident(table.schema))" }
            return model.schemas.contains { $0.name == newName } ? "there is already a schema \(SQLWriting.ident(newName))" : nil
        }
        if enumValue {
            guard let value = column, let type = model.enums.first(where: { $0.name == table }) else { return "there is no enum \(table.sql)" }
            guard type.labels.contains(value) else { return "\(table.sql) has no value \(SQLWriting.literal(value))" }
            return type.labels.contains(newName) ? "\(table.sql) already has a value \(SQLWriting.literal(newName))" : nil
        }
        if sequence {
            guard model.sequences.contains(where: { $0.name == table }) else { return "there is no sequence \(table.sql)" }
            let taken = model.sequences.contains { $0.name == newTable } || model.tables.contains { $0.name == newTable }
                || model.views.contains { $0.name == newTable }
            return taken ? "there is already a relation \(newTable.sql)" : nil
        }
        guard let source = model.tables.first(where: { $0.name == table }) else { return "there is no table \(table.sql)" }
        if let column {
            guard source.columns.contains(where: { $0.name == column }) else { return "\(table.sql) has no column \(SQLWriting.ident(column))" }
            return source.columns.contains { $0.name == newName } ? "\(table.sql) already has a column \(SQLWriting.ident(newName))" : nil
        }
        return model.tables.contains { $0.name == newTable } ? "there is already a table \(newTable.sql)" : nil
    }

    /// The renames that undo `renames`, for the reverse plan: a table's back to its old name and
    /// schema; a column's back, on its table as the reverse plan's source names it.
    public static func reversed(_ renames: [Rename]) -> [Rename] {
        renames.map { rename in
            if rename.schema { return Rename(schema: rename.newName, to: rename.table.schema) }
            if rename.enumValue, let value = rename.column {
                return Rename(table: rename.table, column: rename.newName, newName: value, enumValue: true)
            }
            if rename.sequence { return Rename(table: rename.newTable, newName: rename.table.name, sequence: true) }
            guard let column = rename.column else {
                return Rename(table: rename.newTable, newName: rename.table.name, newSchema: rename.table.schema)
            }
            let table = renames.first { $0.onTable && $0.column == nil && $0.table == rename.table }?.newTable ?? rename.table
            return Rename(table: table, column: rename.newName, newName: column)
        }
    }
}
