import SQLText

/// A column of a table.
public struct Column: Codable, Hashable, Sendable {
    public enum IdentityGeneration: String, Codable, Hashable, Sendable {
        case always = "ALWAYS"
        case byDefault = "BY DEFAULT"
    }

    public struct Identity: Codable, Hashable, Sendable {
        public var generation: IdentityGeneration
        public var sequence: SequenceOptions
        /// The sequence's name where it is not the one PostgreSQL gives it (`table_column_seq`
        /// in the table's schema): renamed, or named with `SEQUENCE NAME`.
        public var sequenceName: QualifiedName? = nil
        /// The sequence's comment and privileges (`GRANT … ON ALL SEQUENCES IN SCHEMA` reaches
        /// it), as pg_dump keeps them; nil when it has none.
        public var sequenceComment: String? = nil
        public var sequencePrivileges: [Privilege]? = nil
        /// The sequence's persistence where it is not its table's (`ALTER SEQUENCE … SET
        /// UNLOGGED`, PostgreSQL 15 and later): nil where it follows the table, as the server
        /// makes it, and as `ALTER TABLE … SET LOGGED` and `SET UNLOGGED` set it again.
        public var sequenceUnlogged: Bool? = nil

        public init(generation: IdentityGeneration, sequence: SequenceOptions) {
            self.generation = generation
            self.sequence = sequence
        }

        /// The name PostgreSQL gives an identity column's sequence when none is asked for:
        /// `table_column_seq`, both names cut to fit 63 bytes (`makeObjectName`). One the
        /// server numbered because that name was taken (`…_seq1`) is kept as `sequenceName`.
        public static func defaultSequenceName(of column: String, in table: QualifiedName) -> QualifiedName {
            QualifiedName(schema: table.schema, name: ServerNames.objectName(table.name, column, label: "seq"))
        }

        /// This identity's sequence: the one it names, else the server's default name.
        public func sequence(of column: String, in table: QualifiedName) -> QualifiedName {
            sequenceName ?? Self.defaultSequenceName(of: column, in: table)
        }
    }

    public var name: String
    /// `attnum`: column order is shown but, dropped columns leaving gaps, is not drift by default.
    public var position: Int
    /// As `format_type` gives it (`character varying(80)`, `public.deal_stage`, `integer[]`).
    public var type: String
    public var notNull: Bool
    public var defaultExpression: String?
    public var identity: Identity?
    /// `GENERATED ALWAYS AS (…) STORED`.
    public var generatedExpression: String?
    /// Only when not the type's default collation.
    public var collation: String?
    public var comment: String?
    /// Privileges beside the default, sorted (see `Privilege`).
    public var privileges: [Privilege] = []
    /// `VIRTUAL` for a virtual generated column (PostgreSQL 18); nil for a stored one, or none.
    public var generatedStorage: String? = nil
    /// `SET STORAGE`: `PLAIN`, `EXTERNAL`, `EXTENDED` or `MAIN`, when not its type's default.
    public var storage: String? = nil
    /// `SET COMPRESSION`: `pglz` or `lz4`, when set.
    public var compression: String? = nil
    /// `SET STATISTICS`, when set.
    public var statisticsTarget: Int? = nil
    /// `SET (n_distinct = …)`: `name=value`, in the catalog's order (compared as a set).
    public var options: [String] = []
    /// true for a column a table has from a parent by plain inheritance and also declares
    /// itself (`attislocal`: it was there before `INHERIT`, or named in `CREATE TABLE … INHERITS`);
    /// such a column stays when the parent drops it. nil otherwise, partitions included.
    public var inheritedAndLocal: Bool? = nil
    /// The name of the column's NOT NULL constraint (PostgreSQL 18 keeps one per column), where
    /// it is not the one the server gives (`table_column_not_null`): a constraint named so, or
    /// a table renamed since. A later `DROP CONSTRAINT` by that name needs it. nil otherwise.
    /// On a partition whose NOT NULL its parent gives it, the one the server gives is the
    /// parent's (`PARTITION OF`): any other is named, the table's own `t_c_not_null` too (it
    /// was made apart and attached; the server renames no inherited constraint).
    public var notNullName: String? = nil
    /// For an inheritance child's column whose NOT NULL constraint it inherits (PostgreSQL 18,
    /// `coninhcount > 0`): true where it declares it itself as well (`conislocal`: named in its
    /// `CREATE TABLE`, by a primary key there, or set on the child alone), so that it stays when
    /// the parent drops its own; false where it only inherits it. nil otherwise: no inherited
    /// NOT NULL, a partition, or a server before 18 (whose NOT NULL is no constraint).
    public var notNullLocal: Bool? = nil
    /// The comment on the column's NOT NULL constraint (PostgreSQL 18, `COMMENT ON CONSTRAINT`),
    /// where it has one.
    public var notNullComment: String? = nil
    /// true for a NOT NULL `NO INHERIT` (PostgreSQL 18): the table's alone, which its children
    /// do not get. nil otherwise.
    public var notNullNoInherit: Bool? = nil

    /// Whether the column's NOT NULL reaches the table's children (not `NO INHERIT`).
    public var notNullInherited: Bool { notNull && notNullNoInherit != true }

    public init(name: String, position: Int, type: String, notNull: Bool = false, defaultExpression: String? = nil,
                identity: Identity? = nil, generatedExpression: String? = nil, collation: String? = nil, comment: String? = nil,
                privileges: [Privilege] = []) {
        self.name = name
        self.position = position
        self.type = type
        self.notNull = notNull
        self.defaultExpression = defaultExpression
        self.identity = identity
        self.generatedExpression = generatedExpression
        self.collation = collation
        self.comment = comment
        self.privileges = privileges
    }
}
