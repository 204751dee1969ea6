import SQLText

/// A table: ordinary, partitioned, or a partition; permanent or unlogged.
public struct Table: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable {
        case ordinary
        case partitioned
    }

    public var name: QualifiedName
    public var kind: Kind
    public var unlogged: Bool
    /// `PARTITION BY …` of a partitioned table (`pg_get_partkeydef`).
    public var partitionKey: String?
    /// For a partition: its parent and its bound (`FOR VALUES …`).
    public var partitionOf: QualifiedName?
    public var partitionBound: String?
    /// Parents by plain inheritance (`INHERITS`), in order.
    public var inherits: [QualifiedName]
    /// By position.
    public var columns: [Column]
    /// By name.
    public var constraints: [Constraint]
    /// Indexes that do not back a constraint, by name.
    public var indexes: [Index]
    /// User triggers (not the internal ones behind foreign keys), by name.
    public var triggers: [Trigger]
    public var rowLevelSecurity: Bool
    public var forceRowLevelSecurity: Bool
    /// By name.
    public var policies: [Policy]
    public var comment: String?
    /// The owning role, as named where it was read. Compared only when asked (`diff --owners`).
    public var owner: String? = nil
    /// Privileges beside the default, sorted (see `Privilege`).
    public var privileges: [Privilege] = []
    /// `WITH (fillfactor=70, autovacuum_enabled=false)`: `name=value`, in the catalog's order (pg_dump's;
    /// a `SET` appends), compared as a set.
    public var storageParameters: [String] = []
    /// `USING …` when not heap.
    public var accessMethod: String? = nil
    /// `FULL`, `NOTHING` or `USING INDEX name`; nil for the default (the primary key).
    public var replicaIdentity: String? = nil
    /// `OF type` of a typed table.
    public var ofType: QualifiedName? = nil
    /// The index of `ALTER TABLE … CLUSTER ON`.
    public var clusterOn: String? = nil
    /// true for a partition whose `DETACH PARTITION … CONCURRENTLY` was interrupted: a
    /// partition still, until `DETACH PARTITION … FINALIZE` (PostgreSQL 14+); nil otherwise.
    public var detachPending: Bool? = nil
    /// For a partition: the triggers it has from its parent (the server's clones, not its
    /// own) whose state differs from the parent's (`ALTER TABLE partition DISABLE TRIGGER t`),
    /// by name; nil when every one is as its parent's, as in snapshots from before.
    public var partitionTriggerStates: [PartitionTriggerState]? = nil

    public init(name: QualifiedName, kind: Kind = .ordinary, unlogged: Bool = false, partitionKey: String? = nil,
                partitionOf: QualifiedName? = nil, partitionBound: String? = nil, inherits: [QualifiedName] = [],
                columns: [Column] = [], constraints: [Constraint] = [], indexes: [Index] = [], triggers: [Trigger] = [],
                rowLevelSecurity: Bool = false, forceRowLevelSecurity: Bool = false, policies: [Policy] = [],
                comment: String? = nil) {
        self.name = name
        self.kind = kind
        self.unlogged = unlogged
        self.partitionKey = partitionKey
        self.partitionOf = partitionOf
        self.partitionBound = partitionBound
        self.inherits = inherits
        self.columns = columns
        self.constraints = constraints
        self.indexes = indexes
        self.triggers = triggers
        self.rowLevelSecurity = rowLevelSecurity
        self.forceRowLevelSecurity = forceRowLevelSecurity
        self.policies = policies
        self.comment = comment
    }

    public func column(_ name: String) -> Column? { columns.first { $0.name == name } }
    /// The tables it takes columns from: its partitioned parent, or those it inherits from.
    public var parents: [QualifiedName] { (partitionOf.map { [$0] } ?? []) + inherits }
    public func constraint(_ name: String) -> Constraint? { constraints.first { $0.name == name } }
    public func index(_ name: String) -> Index? { indexes.first { $0.name == name } }
    public func trigger(_ name: String) -> Trigger? { triggers.first { $0.name == name } }
    public func policy(_ name: String) -> Policy? { policies.first { $0.name == name } }

    mutating func canonicalize() {
        columns.sort { $0.position < $1.position }
        constraints.sort { $0.name.precedes($1.name) }
        indexes.sort { $0.name.precedes($1.name) }
        triggers.sort { $0.name.precedes($1.name) }
        policies.sort { $0.name.precedes($1.name) }
        partitionTriggerStates?.sort { $0.trigger.precedes($1.trigger) }
    }
}
