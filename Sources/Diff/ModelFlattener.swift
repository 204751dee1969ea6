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
        func add(_ kind: String, _ identity: String, parent: String? = nil, _ properties: [(String, String?)]) {
            out.append(DiffObject(kind: kind, identity: identity, parent: parent,
                                  properties: properties.compactMap { name, value in value.map { (name, $0) } }))
        }
        for schema in model.schemas { add("schema", quote(schema.name), [("comment", schema.comment)]) }
        for entry in model.extensions {
            add("extension", quote(entry.name), [("schema", entry.schema), ("version", entry.version), ("comment", entry.comment)])
        }
        for type in model.enums {
            add("enum", type.name.sql, [("labels", type.labels.map(SQLQuoting.literal).joined(separator: ", ")), ("comment", type.comment)])
        }
        for domain in model.domains {
            add("domain", domain.name.sql, [
                ("base type", domain.baseType), ("default", domain.defaultExpression), ("not null", flag(domain.notNull)),
                ("collation", domain.collation),
                ("checks", domain.checks.isEmpty ? nil : domain.checks.map { "\($0.name) \($0.definition)" }.joined(separator: "; ")),
                ("comment", domain.comment),
            ])
        }
        for type in model.compositeTypes {
            add("type", type.name.sql, [
                ("attributes", type.attributes.map { "\(quote($0.name)) \($0.type)" + ($0.collation.map { " COLLATE \($0)" } ?? "") }
                    .joined(separator: ", ")),
                ("comment", type.comment),
            ])
        }
        for sequence in model.sequences {
            var properties = options(sequence.options)
            properties.append(("owned by", sequence.ownedBy.map { "\($0.table.sql).\(quote($0.column))" }))
            properties.append(("comment", sequence.comment))
            add("sequence", sequence.name.sql, properties)
        }
        for table in model.tables {
            let id = table.name.sql
            add("table", id, [
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
                add("column", "\(id).\(quote(column.name))", parent: id, properties)
            }
            for constraint in table.constraints {
                add("constraint", "\(quote(constraint.name)) on \(id)", parent: id,
                    [("definition", constraint.definition), ("comment", constraint.comment)])
            }
            for index in table.indexes {
                add("index", "\(quote(index.name)) on \(id)", parent: id, [("definition", index.definition), ("comment", index.comment)])
            }
            for trigger in table.triggers {
                add("trigger", "\(quote(trigger.name)) on \(id)", parent: id, [
                    ("definition", trigger.definition), ("enabled", trigger.enabled == "ORIGIN" ? nil : trigger.enabled),
                    ("comment", trigger.comment),
                ])
            }
            for policy in table.policies {
                add("policy", "\(quote(policy.name)) on \(id)", parent: id, [
                    ("command", policy.command), ("permissive", policy.permissive ? nil : "RESTRICTIVE"),
                    ("roles", policy.roles.joined(separator: ", ")), ("using", policy.using), ("with check", policy.withCheck),
                    ("comment", policy.comment),
                ])
            }
        }
        for view in model.views {
            let id = view.name.sql
            add(view.materialized ? "materialized view" : "view", id, [
                ("definition", view.definition), ("options", view.options.isEmpty ? nil : view.options.joined(separator: ", ")),
                ("comment", view.comment),
            ])
            for index in view.indexes {
                add("index", "\(quote(index.name)) on \(id)", parent: id, [("definition", index.definition), ("comment", index.comment)])
            }
        }
        for function in model.functions {
            add(function.kind == .procedure ? "procedure" : "function", function.signature, [
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
