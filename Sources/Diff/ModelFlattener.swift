import SQLText
import SchemaModel

/// Turns a model into `DiffObject`s, one per object, kind by kind in `ObjectKind` order.
public struct ModelFlattener: Sendable {
    /// Whether a column's position is a property (column order is not drift by default:
    /// PostgreSQL cannot reorder columns, and dropped columns leave gaps).
    public var columnOrder: Bool
    /// Whether owners are compared (`--owners`): off by default, as the role
    /// that owns the schema differs between environments by design.
    public var owners: Bool

    public init(columnOrder: Bool = false, owners: Bool = false) {
        self.columnOrder = columnOrder
        self.owners = owners
    }

    public func objects(_ model: DatabaseModel) -> [DiffObject] {
        ObjectKind.allCases.flatMap { objects(of: $0, in: model) }
    }

    /// Every object of `kind` in `model`, with the properties a diff compares.
    /// The `switch` is exhaustive: a new kind does not compile until it says here what it compares.
    public func objects(of kind: ObjectKind, in model: DatabaseModel) -> [DiffObject] {
        switch kind {
        case .schema:
            return model.schemas.map {
                object(ObjectID(kind: .schema, schema: nil, name: $0.name), .schema($0), [("comment", $0.comment)] + access($0))
            }
        case .extension:
            return model.extensions.map {
                object(ObjectID(kind: .extension, schema: nil, name: $0.name), .extension($0),
                       [("schema", $0.schema), ("version", $0.version), ("comment", $0.comment)])
            }
        case .enum:
            return model.enums.map {
                object(ObjectID(.enum, $0.name), .enum($0),
                       [("labels", $0.labels.map(SQLQuoting.literal).joined(separator: ", ")), ("comment", $0.comment)] + access($0))
            }
        case .domain:
            return model.domains.map { domain in
                object(ObjectID(.domain, domain.name), .domain(domain), [
                    ("base type", domain.baseType), ("default", expression(domain.defaultExpression)),
                    ("not null", flag(domain.notNull)), ("not null name", domain.notNullName), ("collation", domain.collation),
                    ("checks", domain.checks.isEmpty ? nil
                        : domain.checks.map { "\($0.name) \(ExpressionForms.canonical($0.definition))" }.joined(separator: "; ")),
                    ("check comments", list(domain.checks.compactMap { check in check.comment.map { "\(quote(check.name)): \($0)" } })),
                    ("comment", domain.comment),
                ] + access(domain))
            }
        case .compositeType:
            return model.compositeTypes.map { type in
                object(ObjectID(.compositeType, type.name), .compositeType(type), [
                    ("attributes", type.attributes.map { "\(quote($0.name)) \($0.type)" + ($0.collation.map { " COLLATE \($0)" } ?? "") }
                        .joined(separator: ", ")),
                    ("attribute comments", list(type.attributes.compactMap { attribute in
                        attribute.comment.map { "\(quote(attribute.name)): \($0)" } })),
                    ("comment", type.comment),
                ] + access(type))
            }
        case .sequence:
            return model.sequences.map { sequence in
                var properties = options(sequence.options)
                properties.append(("unlogged", flag(sequence.unlogged)))
                properties.append(("owned by", sequence.ownedBy.map { "\($0.table.sql).\(quote($0.column))" }))
                properties.append(("comment", sequence.comment))
                properties += access(sequence)
                return object(ObjectID(.sequence, sequence.name), .sequence(sequence), properties)
            }
        case .table:
            return model.tables.map { table in
                let clones: [(String, String?)] = (table.partitionTriggerStates ?? []).flatMap { state -> [(String, String?)] in
                    [("state of trigger \(quote(state.trigger))", state.enabled), ("comment of trigger \(quote(state.trigger))", state.comment)]
                }
                return object(ObjectID(.table, table.name), .table(table), [
                    ("kind", table.kind == .partitioned ? "partitioned" : nil), ("unlogged", flag(table.unlogged)),
                    ("partition key", table.partitionKey), ("partition of", table.partitionOf?.sql),
                    ("partition bound", table.partitionBound), ("detach pending", table.detachPending.flatMap { flag($0) }),
                    ("inherits", table.inherits.isEmpty ? nil : table.inherits.map(\.sql).joined(separator: ", ")),
                    ("row level security", flag(table.rowLevelSecurity)),
                    ("force row level security", flag(table.forceRowLevelSecurity)),
                    ("of type", table.ofType?.sql), ("access method", table.accessMethod),
                    ("storage parameters", list(table.storageParameters.sorted { $0.precedes($1) })), ("replica identity", table.replicaIdentity),
                    ("cluster on", table.clusterOn.map(quote)),
                    ("comment", table.comment),
                ] + clones + access(table))
            }
        case .column:
            return model.tables.flatMap { table in
                // The rank among the table's columns, not attnum: a dropped column leaves a gap in attnum
                // that no one can see or reorder, so two tables with the same columns in the same order are equal.
                table.columns.enumerated().map { rank, column in
                    var properties: [(String, String?)] = [
                        ("position", columnOrder ? String(rank + 1) : nil), ("type", column.type),
                        ("not null", flag(column.notNull)), ("not null name", column.notNullName),
                        ("not null comment", column.notNullComment), ("not null no inherit", flag(column.notNullNoInherit == true)),
                        ("default", expression(column.defaultExpression)),
                        ("identity", column.identity.map { "GENERATED \($0.generation.rawValue) AS IDENTITY" }),
                    ]
                    if let identity = column.identity {
                        properties += options(identity.sequence).map { ("identity \($0.0)", $0.1) }
                        properties += [("identity sequence", identity.sequenceName?.sql), ("identity sequence comment", identity.sequenceComment),
                                       ("identity sequence persistence", identity.sequenceUnlogged.map { $0 ? "unlogged" : "logged" }),
                                       ("identity sequence privileges", privileges(identity.sequencePrivileges ?? []))]
                    }
                    properties += [("generated", expression(column.generatedExpression).map { $0 + (column.generatedStorage.map { " " + $0 } ?? "") }),
                                   ("collation", column.collation),
                                   ("storage", column.storage), ("compression", column.compression),
                                   ("statistics", column.statisticsTarget.map(String.init)), ("options", list(column.options.sorted { $0.precedes($1) })),
                                   // Like the position, PostgreSQL cannot change it in place (only INHERIT sets it,
                                   // nothing clears it): compared with the column order.
                                   ("inherited and declared locally", columnOrder ? column.inheritedAndLocal.flatMap { flag($0) } : nil),
                                   // The same of its NOT NULL (18): SET NOT NULL on the child sets it, INHERIT
                                   // too, nothing clears it.
                                   ("not null declared locally", columnOrder && column.notNullLocal == true ? flag(true) : nil),
                                   ("comment", column.comment),
                                   ("privileges", privileges(column.privileges))]
                    return object(ObjectID(.column, column.name, on: ObjectID(.table, table.name)), .column(column), properties)
                }
            }
        case .constraint:
            return model.tables.flatMap { table in
                table.constraints.map {
                    object(ObjectID(.constraint, $0.name, on: ObjectID(.table, table.name)), .constraint($0),
                           [("definition", expression($0.definition)), ("comment", $0.comment), ("index comment", $0.indexComment),
                            // PostgreSQL sets it by ADD CONSTRAINT on the child (merged with the inherited one).
                            ("inherited and declared locally", $0.inheritedAndLocal.flatMap { flag($0) }),
                            ("attached to", $0.attachedTo.map(quote)), ("incomplete", $0.incomplete.flatMap { flag($0) })])
                }
            }
        case .index:
            let owners = model.tables.map { (ObjectID(.table, $0.name), $0.indexes) }
                + model.views.map { (ObjectID($0.materialized ? .materializedView : .view, $0.name), $0.indexes) }
            return owners.flatMap { owner, indexes in
                indexes.map {
                    object(ObjectID(.index, $0.name, on: owner), .index($0),
                           [("definition", expression($0.definition)), ("invalid", flag($0.invalid)),
                            ("attached to", $0.attachedTo.map(quote)), ("statistics", $0.statisticsText), ("comment", $0.comment)])
                }
            }
        case .trigger:
            let owners = model.tables.map { (ObjectID(.table, $0.name), $0.triggers) }
                + model.views.map { (ObjectID($0.materialized ? .materializedView : .view, $0.name), $0.triggers) }
            return owners.flatMap { owner, triggers in
                triggers.map {
                    object(ObjectID(.trigger, $0.name, on: owner), .trigger($0), [
                        ("definition", expression($0.definition)), ("enabled", $0.enabled == "ORIGIN" ? nil : $0.enabled),
                        ("comment", $0.comment),
                    ])
                }
            }
        case .policy:
            return model.tables.flatMap { table in
                table.policies.map {
                    object(ObjectID(.policy, $0.name, on: ObjectID(.table, table.name)), .policy($0), [
                        ("command", $0.command), ("permissive", $0.permissive ? nil : "RESTRICTIVE"),
                        ("roles", $0.roles.joined(separator: ", ")), ("using", expression($0.using)),
                        ("with check", expression($0.withCheck)),
                        ("comment", $0.comment),
                    ])
                }
            }
        case .view, .materializedView:
            return model.views.filter { $0.materialized == (kind == .materializedView) }.map { view in
                object(ObjectID(kind, view.name), .view(view), [
                    ("definition", expression(view.definition)), ("options", list(view.options.sorted { $0.precedes($1) })),
                    ("column comments", list(view.columnComments.map { "\(quote($0.name)): \($0.comment)" })),
                    ("column defaults", list(view.columnDefaults.map { "\(quote($0.name)): \(ExpressionForms.canonical($0.expression))" })),
                    ("column privileges", list(view.columnPrivileges.map { column in
                        "\(quote(column.name)): " + column.privileges.map(\.description).joined(separator: ", ") })),
                    ("access method", view.accessMethod),
                    ("column settings", view.columnSettings.flatMap { settings in list(settings.map { column in
                        var sorted = column
                        sorted.options = column.options?.sorted { $0.precedes($1) }
                        return "\(quote(column.name)): " + sorted.clauses.joined(separator: ", ") }) }),
                    ("comment", view.comment),
                ] + access(view))
            }
        case .function, .procedure:
            return model.functions.filter { ($0.kind == .procedure) == (kind == .procedure) }.map { function in
                return object(function.id, .function(function), [
                    ("arguments", function.arguments), ("result", function.result), ("language", function.language),
                    ("volatility", function.volatility), ("strict", flag(function.strict)),
                    ("security definer", flag(function.securityDefiner)), ("leakproof", flag(function.leakproof)),
                    ("parallel", function.parallel),
                    ("configuration", function.configuration.isEmpty ? nil : function.configuration.joined(separator: ", ")),
                    ("cost", function.cost), ("rows", function.rows),
                    ("body", function.body), ("comment", function.comment),
                ] + access(function))
            }
        case .language, .collation, .rangeType, .shellType, .baseType, .aggregate, .operator, .operatorFamily, .operatorClass, .cast, .transform, .conversion, .accessMethod, .textSearchParser,
             .textSearchTemplate, .textSearchDictionary, .textSearchConfiguration, .foreignDataWrapper, .foreignServer,
             .userMapping, .foreignTable, .statistics, .rule, .eventTrigger, .publication, .defaultPrivileges, .securityLabel, .systemPrivileges:
            return defined(kind, in: model)
        }
    }

    /// The objects of `kind` held by definition: compared by their statements and comment, and their access.
    private func defined(_ kind: ObjectKind, in model: DatabaseModel) -> [DiffObject] {
        model.definedObjects.filter { $0.kind == kind }.map { item in
            let definition = kind == .statistics && !columnOrder ? Self.statisticsColumnsSorted(item.definition) : item.definition
            return object(item.id, .defined(item), [("definition", expression(definition)), ("comment", item.comment)] + access(item))
        }
    }

    /// Extended statistics cover a set of columns, which the server prints in the table's column
    /// order (`stxkeys`): a column a plan adds again comes last, and the same statistics read
    /// `ON b, a`. Compared with their plain columns sorted by name where column order is not.
    static func statisticsColumnsSorted(_ definition: String) -> String {
        let tokens = SQLToken.tokens(of: definition)
        guard let on = tokens.firstIndex(where: { $0.depth == 0 && $0.isWord("ON") }),
              let from = tokens.lastIndex(where: { $0.depth == 0 && $0.isWord("FROM") }), on + 1 < from else { return definition }
        var items: [[SQLToken]] = [[]]
        for token in tokens[(on + 1)..<from] {
            if token.depth == 0, token.isSymbol(",") { items.append([]) } else { items[items.count - 1].append(token) }
        }
        let columns = items.filter { $0.count == 1 && $0[0].identifier != nil }
        guard columns.count > 1 else { return definition }
        let sorted = columns.map { $0[0] }.sorted { ($0.identifier ?? "") < ($1.identifier ?? "") }
        var result = definition
        // Rewritten from the end, each column's token replaced by the one of its sorted rank.
        for (token, replacement) in zip(columns.map { $0[0] }, sorted).reversed() {
            let start = result.utf8.index(result.utf8.startIndex, offsetBy: token.offset)
            let length = (token.kind == .quotedIdentifier ? SQLQuoting.identifier(token.value) : token.value).utf8.count
            let end = result.utf8.index(start, offsetBy: length)
            result.replaceSubrange(start..<end, with: replacement.kind == .quotedIdentifier ? SQLQuoting.identifier(replacement.value) : replacement.value)
        }
        return result
    }

    private func object(_ id: ObjectID, _ value: SchemaObject, _ properties: [(String, String?)]) -> DiffObject {
        DiffObject(id: id, value: value, properties: properties.compactMap { name, value in value.map { (name, $0) } })
    }

    private func options(_ options: SequenceOptions) -> [(String, String?)] {
        [
            ("type", options.dataType), ("start", String(options.start)), ("increment", String(options.increment)),
            ("min", String(options.minValue)), ("max", String(options.maxValue)), ("cache", String(options.cache)),
            ("cycle", flag(options.cycle)),
        ]
    }

    private func flag(_ value: Bool) -> String? { value ? "true" : nil }

    private func list(_ values: [String]) -> String? { values.isEmpty ? nil : values.joined(separator: ", ") }

    /// The server's text of an expression, in the one form of those PostgreSQL
    /// prints for the same expression (`ExpressionForms`).
    private func expression(_ text: String?) -> String? { text.map(ExpressionForms.canonical) }

    /// Privileges, and the owner when compared.
    private func access(_ object: some OwnedObject) -> [(String, String?)] {
        [("owner", owners ? object.owner : nil), ("privileges", privileges(object.privileges))]
    }

    private func privileges(_ privileges: [Privilege]) -> String? {
        privileges.isEmpty ? nil : privileges.map(\.description).joined(separator: ", ")
    }
    private func quote(_ name: String) -> String { SQLQuoting.identifier(name) }
}
