import SQLGeneration
import SQLText
import SchemaModel

/// What the rules see of one migration: its file and its rollback, the schema
/// the migrations before it built (so "an existing table" is one an earlier
/// migration created, which may hold rows in production), and the schema after it.
public final class LintSubject {
    public let version: String
    public let file: LintedFile
    public let rollback: LintedFile?
    /// The replayed schema of every migration before this one.
    public let before: DatabaseModel
    /// The schema once this migration applied; nil when it failed to apply.
    public let after: DatabaseModel?
    /// Functions each available extension creates (name → extension), from the server's extension scripts.
    public let extensionFunctions: [String: String]
    /// Functions of `pg_catalog`: a name there is not an extension's alone.
    public let builtinFunctions: Set<String>

    public init(version: String, file: LintedFile, rollback: LintedFile?, before: DatabaseModel, after: DatabaseModel?,
                extensionFunctions: [String: String] = [:], builtinFunctions: Set<String> = []) {
        self.version = version
        self.file = file
        self.rollback = rollback
        self.before = before
        self.after = after
        self.extensionFunctions = extensionFunctions
        self.builtinFunctions = builtinFunctions
    }

    /// The planner's own plan from `before` to `after` (nil when the migration failed to apply).
    public private(set) lazy var plan: Plan? = after.map { Planner(from: before, to: $0).plan() }

    /// The hazards of `plan`: the rules about a change's risk ask these rather than guess
    /// from the text, so lint and `diff --format sql` never disagree on what rewrites or
    /// scans a table.
    public private(set) lazy var hazards: Set<Hazard> = Set(plan?.statements.flatMap(\.hazards) ?? [])

    /// The table a name in the file means: `schema.name` as written, else the
    /// table of that name in `public` (the default search path), else in any schema.
    public func table(named parts: [String]) -> QualifiedName {
        if parts.count >= 2 { return QualifiedName(schema: parts[parts.count - 2], name: parts[parts.count - 1]) }
        let name = parts.last ?? ""
        for model in [before, after].compactMap({ $0 }) {
            if model.table("public", name) != nil { return QualifiedName(schema: "public", name: name) }
            if let table = model.tables.first(where: { $0.name.name == name }) { return table.name }
        }
        return QualifiedName(schema: "public", name: name)
    }

    /// A table the migrations before this one created: it may hold rows.
    public func existed(_ table: QualifiedName) -> Bool {
        before.table(table.schema, table.name) != nil
    }
}
