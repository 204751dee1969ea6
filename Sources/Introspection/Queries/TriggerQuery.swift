import PostgresClient
import SchemaModel

/// User triggers. pg_trigger: information_schema.triggers has one row per event,
/// no enabled state, and no statement-level TRUNCATE triggers. Internal triggers
/// (behind foreign keys) are left out, and so are the clones a partitioned table's
/// trigger makes on its partitions (`tgparentid`, PostgreSQL 13+; internal themselves
/// before 15), unless a clone's
/// state differs from its parent trigger's or it has a comment: those are the
/// partition's own (`PartitionTriggerState`).
enum TriggerQuery {
    static let sql = """
        SELECT n.nspname AS schema, c.relname AS table_name, t.tgname AS name, d.description AS comment,
               pg_catalog.pg_get_triggerdef(t.oid) AS definition, t.tgtype AS type, t.tgenabled AS enabled,
               fn.nspname AS function_schema, f.proname AS function_name, t.tgparentid <> 0 AS cloned,
               t.tgenabled <> pt.tgenabled AS own_state
        FROM pg_catalog.pg_trigger t
        -- A partition's clone, with the trigger it was cloned from (read once, for both uses).
        LEFT JOIN pg_catalog.pg_trigger pt ON t.tgparentid <> 0 AND pt.oid = t.tgparentid
        JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_proc f ON f.oid = t.tgfoid
        JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace
        \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_trigger", oid: "t.oid"))
        -- Before 15 a clone is internal itself; a clone of an internal trigger (a foreign key's) is not a user's.
        WHERE (NOT t.tgisinternal OR (t.tgparentid <> 0 AND NOT pt.tgisinternal))
          AND (t.tgparentid = 0 OR d.description IS NOT NULL OR t.tgenabled <> pt.tgenabled)
          AND \(CatalogFilter.userSchema("n.nspname"))
          AND \(CatalogFilter.notExtensionMember(catalog: "pg_class", oid: "c.oid"))
        """

    /// Each trigger with its table, and whether it is a partition's clone (only its state, where
    /// its own, and its comment count).
    static func decode(_ result: QueryResult) throws -> [(QualifiedName, Trigger, clone: PartitionTriggerState?)] {
        try result.rows.map { row in
            let type = try row.int("type")
            let definition = try row.string("definition")
            var events: [String] = []
            if type & 4 != 0 { events.append("INSERT") }
            if type & 16 != 0 { events.append("UPDATE") }
            if type & 8 != 0 { events.append("DELETE") }
            if type & 32 != 0 { events.append("TRUNCATE") }
            let timing = type & 64 != 0 ? "INSTEAD OF" : (type & 2 != 0 ? "BEFORE" : "AFTER")
            let trigger = Trigger(
                name: try row.string("name"), definition: definition, timing: timing, events: events,
                level: type & 1 != 0 ? "ROW" : "STATEMENT",
                function: try row.qualifiedName(schema: "function_schema", name: "function_name"),
                when: whenClause(of: definition),
                enabled: ["D": "DISABLED", "R": "REPLICA", "A": "ALWAYS"][try row.string("enabled")] ?? "ORIGIN",
                comment: try row.optionalString("comment"))
            let clone = try row.bool("cloned")
                ? PartitionTriggerState(trigger: trigger.name, enabled: try row.bool("own_state") ? trigger.enabled : nil, comment: trigger.comment)
                : nil
            return (try row.qualifiedName(name: "table_name"), trigger, clone)
        }
    }

    /// The WHEN condition, cut from the deparsed definition (the catalog keeps it
    /// only as a node tree that pg_get_expr cannot print outside the trigger).
    static func whenClause(of definition: String) -> String? {
        guard let when = definition.range(of: " WHEN ("),
              let execute = definition.range(of: ") EXECUTE ", options: .backwards), execute.lowerBound > when.upperBound
        else { return nil }
        return String(definition[when.upperBound..<execute.lowerBound])
    }
}
