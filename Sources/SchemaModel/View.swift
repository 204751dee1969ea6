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
