/// The one vocabulary of object kinds: the model's, the diff's, and (to come)
/// the generator's and the linter's. A `switch` over it is exhaustive, so the
/// compiler names every place a new kind must be handled.
///
/// The cases are in canonical order: the order reports list kinds in, and the
/// order in which a schema can be created (schemas before tables, tables before
/// their columns and indexes, views after tables, functions last).
public enum ObjectKind: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
    case schema
    case `extension`
    case language
    case collation
    case `enum`
    case domain
    case compositeType = "type"
    case rangeType = "range type"
    case shellType = "shell type"
    case baseType = "base type"
    case sequence
    case table
    case column
    case constraint
    case index
    case trigger
    case policy
    case view
    case materializedView = "materialized view"
    case function
    case procedure
    case aggregate
    case `operator`
    case operatorFamily = "operator family"
    case operatorClass = "operator class"
    case cast
    case transform
    case conversion
    case accessMethod = "access method"
    case textSearchParser = "text search parser"
    case textSearchTemplate = "text search template"
    case textSearchDictionary = "text search dictionary"
    case textSearchConfiguration = "text search configuration"
    case foreignDataWrapper = "foreign-data wrapper"
    case foreignServer = "server"
    case userMapping = "user mapping"
    case foreignTable = "foreign table"
    case statistics
    case rule
    case eventTrigger = "event trigger"
    case publication
    case defaultPrivileges = "default privileges"
    case securityLabel = "security label"
    /// Grants and revokes on the system's own objects and on extensions' members, against
    /// what initdb or `CREATE EXTENSION` gave them (`pg_init_privs`): one per object.
    case systemPrivileges = "system privileges"

    /// As reports print it (`materialized view`, `type`).
    public var displayName: String { rawValue }

    /// Whether an object of this kind belongs to a table or a view (and is named "NAME on TABLE").
    public var isMember: Bool {
        switch self {
        case .column, .constraint, .index, .trigger, .policy, .rule: return true
        case .schema, .extension, .enum, .domain, .compositeType, .sequence, .table, .view, .materializedView, .function, .procedure:
            return false
        case .language, .collation, .rangeType, .shellType, .baseType, .aggregate, .operator, .operatorFamily, .operatorClass, .cast, .transform, .conversion, .accessMethod, .textSearchParser,
             .textSearchTemplate, .textSearchDictionary, .textSearchConfiguration, .foreignDataWrapper, .foreignServer,
             .userMapping, .foreignTable, .statistics, .eventTrigger, .publication, .defaultPrivileges, .securityLabel, .systemPrivileges:
            return false
        }
    }

    /// Whether the model holds objects of this kind as `DefinedObject`s.
    public var isDefinedObject: Bool {
        switch self {
        case .language, .collation, .rangeType, .shellType, .baseType, .aggregate, .operator, .operatorFamily, .operatorClass, .cast, .transform, .conversion, .accessMethod, .textSearchParser,
             .textSearchTemplate, .textSearchDictionary, .textSearchConfiguration, .foreignDataWrapper, .foreignServer,
             .userMapping, .foreignTable, .statistics, .rule, .eventTrigger, .publication, .defaultPrivileges, .securityLabel, .systemPrivileges:
            return true
        case .schema, .extension, .enum, .domain, .compositeType, .sequence, .table, .column, .constraint, .index, .trigger,
             .policy, .view, .materializedView, .function, .procedure:
            return false
        }
    }

    /// Position in canonical order.
    public var rank: Int { Self.ranks[self] ?? 0 }

    private static let ranks = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

    public static func < (lhs: ObjectKind, rhs: ObjectKind) -> Bool { lhs.rank < rhs.rank }
}
