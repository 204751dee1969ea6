import SQLText
import SchemaModel

/// Turns a model into `DiffObject`s, one per object, children after their parent.
public struct ModelFlattener: Sendable {
    /// Whether a column's position is a property (column order is not drift by default:
    /// PostgreSQL cannot reorder columns, and dropped columns leave gaps).
    public var columnOrder: Bool

    public init(columnOrder: Bool = false) {
        self.columnOrder = columnOrder
    }

    public func objects(_ model: DatabaseModel) -> [DiffObject] {
        var out: [DiffObject] = []
        func add(_ id: ObjectID, _ value: SchemaObject, _ properties: [(String, String?)]) {
            out.append(DiffObject(id: id, value: value, properties: properties.compactMap { name, value in value.map { (name, $0) } }))
        }
        for schema in model.schemas {
            add(ObjectID(kind: .schema, schema: nil, name: schema.name), .schema(schema), [("comment", schema.comment)])
        }
        for entry in model.extensions {
            add(ObjectID(kind: .extension, schema: nil, name: entry.name), .extension(entry),
                [("schema", entry.schema), ("version", entry.version), ("comment", entry.comment)])
        }
        for type in model.enums {
            add(ObjectID(.enum, type.name), .enum(type), [("labels", type.labels.map(SQLQuoting.literal).joined(separator: ", ")), ("comment", type.comment)])
        }
        for domain in model.domains {
            add(ObjectID(.domain, domain.name), .domain(domain), [
                ("base type", domain.baseType), ("default", domain.defaultExpression), ("not null", flag(domain.notNull)),
                ("collation", domain.collation),
                ("checks", domain.checks.isEmpty ? nil : domain.checks.map { "\($0.name) \($0.definition)" }.joined(separator: "; ")),
                ("comment", domain.comment),
            ])
        }
        for type in model.compositeTypes {
            add(ObjectID(.compositeType, type.name), .compositeType(type), [
                ("attributes", type.attributes.map { "\(quote($0.name)) \($0.type)" + ($0.collation.map { " COLLATE \($0)" } ?? "") }
                    .joined(separator: ", ")),
                ("comment", type.comment),
            ])
        }
        for sequence in model.sequences {
            var properties = options(sequence.options)
            properties.append(("owned by", sequence.ownedBy.map { "\($0.table.sql).\(quote($0.column))" }))
            properties.append(("comment", sequence.comment))
            add(ObjectID(.sequence, sequence.name), .sequence(sequence), properties)
        }
        for table in model.tables {
            let id = ObjectID(.table, table.name)
            add(id, .table(table), [
                ("kind", table.kind == .partitioned ? "partitioned" : nil), ("unlogged", flag(table.unlogged)),
                ("partition key", table.partitionKey), ("partition of", table.partitionOf?.sql),
                ("partition bound", table.partitionBound),
                ("inherits", table.inherits.isEmpty ? nil : table.inherits.map(\.sql).joined(separator: ", ")),
                ("row level security", flag(table.rowLevelSecurity)), ("force row level security", flag(table.forceRowLevelSecurity)),
                ("comment", table.comment),
            ])
            // The rank among the table's columns, not attnum: a dropped column leaves a gap in attnum
            // that no one can see or reorder, so two tables with the same columns in the same order are equal.
            for (rank, column) in table.columns.enumerated() {
                var properties: [(String, String?)] = [
                    ("position", columnOrder ? String(rank + 1) : nil), ("type", column.type),
                    ("not null", flag(column.notNull)), ("default", column.defaultExpression),
                    ("identity", column.identity.map { "GENERATED \($0.generation.rawValue) AS IDENTITY" }),
                ]
                if let identity = column.identity { properties += options(identity.sequence).map { ("identity \($0.0)", $0.1) } }
                properties += [("generated", column.generatedExpression), ("collation", column.collation), ("comment", column.comment)]
                add(ObjectID(.column, column.name, on: id), .column(column), properties)
            }
            for constraint in table.constraints {
                add(ObjectID(.constraint, constraint.name, on: id), .constraint(constraint),
                    [("definition", constraint.definition), ("comment", constraint.comment)])
            }
            for index in table.indexes {
                add(ObjectID(.index, index.name, on: id), .index(index), [("definition", index.definition), ("comment", index.comment)])
            }
            for trigger in table.triggers {
                add(ObjectID(.trigger, trigger.name, on: id), .trigger(trigger), [
                    ("definition", trigger.definition), ("enabled", trigger.enabled == "ORIGIN" ? nil : trigger.enabled),
                    ("comment", trigger.comment),
                ])
            }
            for policy in table.policies {
                add(ObjectID(.policy, policy.name, on: id), .policy(policy), [
                    ("command", policy.command), ("permissive", policy.permissive ? nil : "RESTRICTIVE"),
                    ("roles", policy.roles.joined(separator: ", ")), ("using", policy.using), ("with check", policy.withCheck),
                    ("comment", policy.comment),
                ])
            }
        }
        for view in model.views {
            let id = ObjectID(view.materialized ? .materializedView : .view, view.name)
            add(id, .view(view), [
                ("definition", view.definition), ("options", view.options.isEmpty ? nil : view.options.joined(separator: ", ")),
                ("comment", view.comment),
            ])
            for index in view.indexes {
                add(ObjectID(.index, index.name, on: id), .index(index), [("definition", index.definition), ("comment", index.comment)])
            }
        }
        for function in model.functions {
            let id = ObjectID(kind: function.kind == .procedure ? .procedure : .function, schema: function.name.schema,
                              name: function.name.name, signature: function.identityArguments)
            add(id, .function(function), [
                ("arguments", function.arguments), ("result", function.result), ("language", function.language),
                ("volatility", function.volatility), ("strict", flag(function.strict)),
                ("security definer", flag(function.securityDefiner)), ("leakproof", flag(function.leakproof)),
                ("parallel", function.parallel),
                ("configuration", function.configuration.isEmpty ? nil : function.configuration.joined(separator: ", ")),
                ("body", function.body), ("comment", function.comment),
            ])
        }
        return out
    }

    private func options(_ options: SequenceOptions) -> [(String, String?)] {
        [
            ("type", options.dataType), ("start", String(options.start)), ("increment", String(options.increment)),
            ("min", String(options.minValue)), ("max", String(options.maxValue)), ("cache", String(options.cache)),
            ("cycle", flag(options.cycle)),
        ]
    }

    private func flag(_ value: Bool) -> String? { value ? "true" : nil }
    private func quote(_ name: String) -> String { SQLQuoting.identifier(name) }
}
