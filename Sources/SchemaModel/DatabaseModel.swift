import SQLText

/// Everything schemactl knows about a database's schema: the value every command
/// compares and generates from.
///
/// Guarantees: every list is in canonical order (by schema-qualified name;
/// columns by position), so two equal databases give equal models and, encoded,
/// equal bytes. Expressions and definitions are the server's own deparsed text,
/// read with an empty `search_path`, so every name in them is schema-qualified.
public struct DatabaseModel: Codable, Hashable, Sendable {
    /// Bumped whenever the encoded form changes meaning; snapshots and caches check it.
    public static let formatVersion = 2
    /// Bumped whenever the inspection reads the same database into another model (3: TOAST
    /// options, the server's `pg_attver` left out, shell operators left out, `agg(*)`, edges of
    /// languages and text search objects; 4: 18's temporal keys, NOT ENFORCED, NOT VALID and named
    /// not-null constraints, 17's partition identity, materialized view column settings; 5: a family's loose ordering operator `FOR ORDER BY`; 6: a child's check declared locally and inherited; 7: privileges on system objects and extension members; 8: a view's columns, a key's index storage parameters; 9: a partition key's attachment, a partitioned table's incomplete key; 10: a user mapping's edge to its server; 11: a rule an end of its own in the edges, a long table's 18 NOT NULL names the server's; 12: an 18 child's NOT NULL declared as well as inherited; 13: an index expression's statistics target; 14: a materialized view with no data; 15: a publication's tables each `ONLY`; 16: options that may hold a password left out of wrappers, servers and foreign tables, and named; 17: an identity sequence's persistence apart from its table's, column privileges on system tables; 18: storage parameters in the catalog's order; 19: a partition's inherited NOT NULL named where it is not its parent's, 18's NOT NULL comments, column options in the catalog's order). Caches of models key on it; a snapshot
    /// keeps what was read when it was taken.
    public static let readRevision = 19

    public var schemas: [Namespace] = []
    public var extensions: [Extension] = []
    public var enums: [EnumType] = []
    public var domains: [Domain] = []
    public var compositeTypes: [CompositeType] = []
    public var sequences: [Sequence] = []
    public var tables: [Table] = []
    public var views: [View] = []
    public var functions: [Function] = []
    /// Every other kind, each object with the statements that create it (see `DefinedObject`).
    public var definedObjects: [DefinedObject] = []
    /// Edges "this object depends on that one", from pg_depend, between objects of the model.
    public var dependencies: [Dependency] = []
    /// What the database holds that the model does not represent: named by
    /// every command that reads this model, never left out silently.
    public var unmodelled: [UnmodelledObject] = []

    public init() {}

    /// Sorts every list into canonical order; introspection calls it last.
    /// Kind by kind: a new kind does not compile until it says how it sorts.
    public mutating func canonicalize() {
        for kind in ObjectKind.allCases {
            switch kind {
            case .schema: schemas.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            case .extension: extensions.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            case .enum: enums.sort { $0.name < $1.name }
            case .domain: domains.sort { $0.name < $1.name }
            case .compositeType: compositeTypes.sort { $0.name < $1.name }
            case .sequence: sequences.sort { $0.name < $1.name }
            case .table: tables.sort { $0.name < $1.name }
            // A table's members, with their table.
            case .column, .constraint, .trigger, .policy: break
            case .index:
                for index in tables.indices { tables[index].canonicalize() }
                for index in views.indices {
                    views[index].indexes.sort { $0.name.precedes($1.name) }
                    views[index].triggers.sort { $0.name.precedes($1.name) }
                }
            case .view, .materializedView: views.sort { $0.name < $1.name }
            case .function, .procedure:
                functions.sort { $0.name != $1.name ? $0.name < $1.name : $0.identityArguments.precedes($1.identityArguments) }
            case .language: definedObjects.sort()
            case .collation, .rangeType, .shellType, .baseType, .aggregate, .operator, .operatorFamily, .operatorClass, .cast, .transform, .conversion, .accessMethod, .textSearchParser,
                 .textSearchTemplate, .textSearchDictionary, .textSearchConfiguration, .foreignDataWrapper, .foreignServer,
                 .userMapping, .foreignTable, .statistics, .rule, .eventTrigger, .publication, .defaultPrivileges, .securityLabel, .systemPrivileges:
                break // sorted with .language: one list
            }
        }
        dependencies = Array(Set(dependencies)).sorted()
        unmodelled = Array(Set(unmodelled)).sorted()
    }

    public func table(_ schema: String, _ name: String) -> Table? {
        tables.first { $0.name == QualifiedName(schema: schema, name: name) }
    }
}
