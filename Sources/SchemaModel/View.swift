/// A view or a materialized view.
public struct View: Codable, Hashable, Sendable {
    public var name: QualifiedName
    public var materialized: Bool
    /// As `pg_get_viewdef` gives it.
    public var definition: String
    /// `security_barrier`, `check_option`, … as `name=value`, sorted.
    public var options: [String]
    /// A materialized view's indexes, by name.
    public var indexes: [Index]
    public var comment: String?
    /// The owning role, as named where it was read. Compared only when asked (`diff --owners`).
    public var owner: String? = nil
    /// Privileges beside the default, sorted (see `Privilege`).
    public var privileges: [Privilege] = []
    /// Comments on the view's columns, in column order.
    public var columnComments: [ColumnComment] = []
    /// `ALTER VIEW … ALTER COLUMN … SET DEFAULT`: what an insert through the view gets, in column order.
    public var columnDefaults: [ColumnDefault] = []
    /// Privileges on single columns beside the view's own, in column order.
    public var columnPrivileges: [ColumnPrivileges] = []
    /// A materialized view's `USING …` when not heap.
    public var accessMethod: String? = nil
    /// `INSTEAD OF` (and statement-level) triggers, by name.
    public var triggers: [Trigger] = []
    /// A materialized view's columns set apart (`ALTER MATERIALIZED VIEW … ALTER COLUMN … SET
    /// STATISTICS | STORAGE | COMPRESSION | (n_distinct = …)`), in column order; nil when none is.
    public var columnSettings: [ViewColumnSettings]? = nil
    /// A view's columns as `name type` (and `COLLATE c` where it has one), in order: whether
    /// `CREATE OR REPLACE VIEW` can change it in place, which the server allows only when the old
    /// columns stay, same names, types and collations, new ones after them. It follows from the
    /// definition and what it reads, so a diff does not compare it. nil for a materialized view,
    /// and in a model read before it was (a snapshot): such a view is made again.
    public var columns: [String]? = nil
    /// True for a materialized view that holds no data (`relispopulated` false: made `WITH NO
    /// DATA`, or refreshed so), where a scan fails until `REFRESH`: a file or plan that makes it
    /// makes it so. Like pg_dump, which refreshes in its data section, a diff takes it for the
    /// view's data, not its schema, and does not compare it (a schema-only dump restores every
    /// materialized view empty). nil otherwise.
    public var withNoData: Bool? = nil

    public init(name: QualifiedName, materialized: Bool = false, definition: String, options: [String] = [],
                indexes: [Index] = [], comment: String? = nil) {
        self.name = name
        self.materialized = materialized
        self.definition = definition
        self.options = options
        self.indexes = indexes
        self.comment = comment
    }
}

/// A comment on a column of a view or a materialized view.
public struct ColumnComment: Codable, Hashable, Sendable {
    public var name: String
    public var comment: String

    public init(name: String, comment: String) {
        self.name = name
        self.comment = comment
    }
}

/// A default set on a column of a view.
public struct ColumnDefault: Codable, Hashable, Sendable {
    public var name: String
    public var expression: String

    public init(name: String, expression: String) {
        self.name = name
        self.expression = expression
    }
}

/// The privileges granted on one column (beside the relation's own).
public struct ColumnPrivileges: Codable, Hashable, Sendable {
    public var name: String
    public var privileges: [Privilege]

    public init(name: String, privileges: [Privilege]) {
        self.name = name
        self.privileges = privileges
    }
}

/// What a materialized view's column is set to apart from its type's defaults: the settings a
/// table's column holds (`Column.storage`, `compression`, `statisticsTarget`, `options`).
public struct ViewColumnSettings: Codable, Hashable, Sendable {
    public var name: String
    /// `PLAIN`, `EXTERNAL`, `EXTENDED` or `MAIN`, when not its type's default.
    public var storage: String?
    /// `pglz` or `lz4`, when set.
    public var compression: String?
    public var statisticsTarget: Int?
    /// `name=value`, in the catalog's order; nil when none.
    public var options: [String]?

    /// The `ALTER COLUMN` clauses that set them: `SET STATISTICS 500`, `SET STORAGE MAIN`, ….
    public var clauses: [String] {
        [statisticsTarget.map { "SET STATISTICS \($0)" }, storage.map { "SET STORAGE \($0)" },
         compression.map { "SET COMPRESSION \($0)" }, options.map { "SET (\($0.joined(separator: ", ")))" }].compactMap { $0 }
    }

    public init(name: String, storage: String? = nil, compression: String? = nil, statisticsTarget: Int? = nil, options: [String]? = nil) {
        self.name = name
        self.storage = storage
        self.compression = compression
        self.statisticsTarget = statisticsTarget
        self.options = options
    }
}
