import SchemaModel

/// Which schemas to inspect: `--schema` (only these) and `--exclude-schema`.
public struct SchemaFilter: Sendable, Hashable, Codable {
    public var only: [String]
    public var excluded: [String]

    public init(only: [String] = [], excluded: [String] = []) {
        self.only = only
        self.excluded = excluded
    }

    public static let everything = SchemaFilter()

    public func includes(_ schema: String) -> Bool {
        if excluded.contains(schema) { return false }
        return only.isEmpty || only.contains(schema)
    }

    /// Removes from `model` every object whose schema is filtered out: the one
    /// place both a live inspection and a replayed model are filtered.
    public func apply(to model: inout DatabaseModel) {
        guard self != .everything else { return }
        // Kind by kind: a new kind does not compile until it says how it is filtered.
        for kind in ObjectKind.allCases {
            switch kind {
            case .schema: model.schemas.removeAll { !includes($0.name) }
            // An extension is not in a schema; members go with their table.
            case .extension, .column, .constraint, .index, .trigger, .policy: break
            case .enum: model.enums.removeAll { !includes($0.name.schema) }
            case .domain: model.domains.removeAll { !includes($0.name.schema) }
            case .compositeType: model.compositeTypes.removeAll { !includes($0.name.schema) }
            case .sequence: model.sequences.removeAll { !includes($0.name.schema) }
            case .table: model.tables.removeAll { !includes($0.name.schema) }
            case .view, .materializedView: model.views.removeAll { !includes($0.name.schema) }
            case .function, .procedure: model.functions.removeAll { !includes($0.name.schema) }
            case .language: model.definedObjects.removeAll { object in object.schema.map { !includes($0) } ?? false }
            case .collation, .rangeType, .shellType, .baseType, .aggregate, .operator, .operatorFamily, .operatorClass, .cast, .transform, .conversion, .accessMethod, .textSearchParser,
                 .textSearchTemplate, .textSearchDictionary, .textSearchConfiguration, .foreignDataWrapper, .foreignServer,
                 .userMapping, .foreignTable, .statistics, .rule, .eventTrigger, .publication, .defaultPrivileges, .securityLabel, .systemPrivileges:
                break // with .language: one list
            }
        }
        model.unmodelled.removeAll { $0.schema.map { !includes($0) } ?? false }
    }
}
