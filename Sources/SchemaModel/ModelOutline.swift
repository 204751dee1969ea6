import SQLText
/// A readable outline of a model: each table with its columns, keys and indexes,
/// then views, functions and types. For people; JSON is for machines.
public enum ModelOutline {
    public static func text(_ model: DatabaseModel) -> String {
        var out: [String] = []
        // Kind by kind: a new kind does not compile until it says how it is shown.
        for kind in ObjectKind.allCases {
            switch kind {
            case .schema:
                if !model.schemas.isEmpty { out.append("schemas: " + model.schemas.map { SQLQuoting.identifier($0.name) }.joined(separator: ", ")) }
            case .extension:
                if !model.extensions.isEmpty {
                    out.append("extensions: " + model.extensions.map { "\($0.name) \($0.version) (schema \($0.schema))" }.joined(separator: ", "))
                }
            case .enum:
                for type in model.enums { out.append("enum \(type.name.sql): " + type.labels.map(SQLQuoting.literal).joined(separator: ", ")) }
            case .domain:
                for domain in model.domains {
                    var line = "domain \(domain.name.sql) \(domain.baseType)"
                    if domain.notNull { line += domain.notNullName.map { " CONSTRAINT \(SQLQuoting.identifier($0)) NOT NULL" } ?? " NOT NULL" }
                    if let value = domain.defaultExpression { line += " DEFAULT \(value)" }
                    line += domain.checks.map { " \($0.definition)" }.joined()
                    out.append(line)
                }
            case .compositeType:
                for type in model.compositeTypes {
                    out.append("type \(type.name.sql) (" + type.attributes.map { "\(SQLQuoting.identifier($0.name)) \($0.type)" }.joined(separator: ", ") + ")")
                }
            case .sequence:
                for sequence in model.sequences {
                    var line = "sequence \(sequence.name.sql) \(sequence.options.dataType)"
                    if let owner = sequence.ownedBy { line += " owned by \(owner.table.sql).\(SQLQuoting.identifier(owner.column))" }
                    out.append(line)
                }
            case .table:
                for table in model.tables { out += outline(table) }
            case .column, .constraint, .index, .trigger, .policy:
                break // under their table or view
            case .view:
                // Views and materialized views together, in name order.
                for view in model.views {
                    out.append("")
                    out.append("\(view.materialized ? "materialized view" : "view") \(view.name.sql)")
                    for line in view.definition.split(separator: "\n") { out.append("  \(line)") }
                    for index in view.indexes {
                        out.append("  index \(SQLQuoting.identifier(index.name)) \(index.definition)"
                                   + (index.statisticsText.map { " (statistics: \($0))" } ?? ""))
                    }
                }
            case .materializedView, .procedure:
                break // with the views; with the functions
            case .function:
                // Functions and procedures together, in name order.
                if !model.functions.isEmpty { out.append("") }
                for function in model.functions {
                    let result = function.result.map { " RETURNS \($0)" } ?? ""
                    out.append("\(function.kind.rawValue) \(function.name.sql)(\(function.arguments))\(result) LANGUAGE \(function.language) \(function.volatility)")
                }
            case .language:
                // Every object held by its definition, in canonical order, each with its statements.
                for object in model.definedObjects {
                    out.append("")
                    out.append("\(object.kind.displayName) \(object.id.sql)")
                    for line in object.definition.split(separator: "\n") { out.append("  \(line)") }
                }
            case .collation, .rangeType, .shellType, .baseType, .aggregate, .operator, .operatorFamily, .operatorClass, .cast, .transform, .conversion, .accessMethod, .textSearchParser,
                 .textSearchTemplate, .textSearchDictionary, .textSearchConfiguration, .foreignDataWrapper, .foreignServer,
                 .userMapping, .foreignTable, .statistics, .rule, .eventTrigger, .publication, .defaultPrivileges, .securityLabel, .systemPrivileges:
                break // with .language: one list
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func outline(_ table: Table) -> [String] {
        var out = [""]
        var heading = "table \(table.name.sql)"
        if table.unlogged { heading += " UNLOGGED" }
        if let key = table.partitionKey { heading += " PARTITION BY \(key)" }
        if let parent = table.partitionOf { heading += " PARTITION OF \(parent.sql) \(table.partitionBound ?? "")" }
        if table.detachPending == true { heading += " (detach pending)" }
        if table.rowLevelSecurity { heading += " (row-level security\(table.forceRowLevelSecurity ? ", forced" : ""))" }
        out.append(heading)
        if let comment = table.comment { out.append("  -- \(comment)") }
        for column in table.columns {
            var line = "  \(SQLQuoting.identifier(column.name)) \(column.type)"
            if column.notNull { line += column.notNullName.map { " CONSTRAINT \(SQLQuoting.identifier($0)) NOT NULL" } ?? " NOT NULL" }
            if column.notNullNoInherit == true { line += " NO INHERIT" }
            if let value = column.defaultExpression { line += " DEFAULT \(value)" }
            if let identity = column.identity {
                line += " GENERATED \(identity.generation.rawValue) AS IDENTITY" + (identity.sequenceName.map { " (SEQUENCE NAME \($0.sql))" } ?? "")
            }
            if column.inheritedAndLocal == true { line += " (inherited, declared here too)" }
            if column.notNullLocal == true { line += " (NOT NULL inherited, declared here too)" }
            if let generated = column.generatedExpression { line += " GENERATED ALWAYS AS (\(generated)) STORED" }
            if let collation = column.collation { line += " COLLATE \(collation)" }
            out.append(line)
        }
        for constraint in table.constraints {
            out.append("  constraint \(SQLQuoting.identifier(constraint.name)) \(constraint.definition)"
                       + (constraint.attachedTo.map { " (attached to \(SQLQuoting.identifier($0)))" } ?? "")
                       + (constraint.incomplete == true ? " (incomplete: added ONLY)" : ""))
        }
        for index in table.indexes {
            out.append("  index \(SQLQuoting.identifier(index.name)) \(index.definition)"
                       + (index.attachedTo.map { " (attached to \(SQLQuoting.identifier($0)))" } ?? "")
                       + (index.statisticsText.map { " (statistics: \($0))" } ?? ""))
        }
        for trigger in table.triggers {
            out.append("  trigger \(SQLQuoting.identifier(trigger.name)) \(trigger.timing) \(trigger.events.joined(separator: " OR ")) "
                       + "\(trigger.level) → \(trigger.function.sql)" + (trigger.enabled == "ORIGIN" ? "" : " [\(trigger.enabled)]"))
        }
        for state in table.partitionTriggerStates ?? [] {
            out.append("  trigger \(SQLQuoting.identifier(state.trigger)) from the parent" + (state.enabled.map { " [\($0)]" } ?? ""))
        }
        for policy in table.policies { out.append("  policy \(SQLQuoting.identifier(policy.name)) \(policy.command) TO \(policy.roles.joined(separator: ", "))") }
        return out
    }
}
