import PostgresClient
import SchemaModel

/// Indexes that do not back a constraint, on tables and materialized views.
/// pg_index: information_schema does not know indexes at all.
///
/// `pg_get_indexdef` cost about 35 µs an index on a cold backend, the heaviest
/// part of an inspection: so the definition of an index on plain columns is
/// written in Swift from the catalog's own fields (`IndexDefinition`), and the
/// server deparses only what Swift cannot be sure of (expressions, options,
/// partitioned indexes, NULLS NOT DISTINCT). Key and INCLUDE columns are named
/// from the columns query; operator classes from `OperatorClassQuery`. The
/// query runs in `partitions` slices by table (see `Inspector.queries`).
enum IndexQuery {
    static func sql(partition: Int, of partitions: Int, version: CatalogVersion) -> String {
        let nullsNotDistinct = version.major >= 15 ? "x.indnullsnotdistinct" : "false"
        return """
        SELECT n.nspname AS schema, c.relname AS table_name, i.relname AS name, d.description AS comment,
               x.indexrelid AS oid, pg_catalog.quote_ident(n.nspname) AS quoted_schema,
               pg_catalog.quote_ident(c.relname) AS quoted_table, pg_catalog.quote_ident(i.relname) AS quoted_name,
               pg_catalog.quote_ident(am.amname) AS quoted_method,
               CASE WHEN x.indexprs IS NOT NULL OR i.relkind = 'I' OR i.reloptions IS NOT NULL OR \(nullsNotDistinct)
                         OR EXISTS (SELECT 1 FROM pg_catalog.pg_attribute ia
                                    WHERE ia.attrelid = x.indexrelid AND ia.attoptions IS NOT NULL)
                    THEN pg_catalog.pg_get_indexdef(x.indexrelid) END AS definition,
               x.indisunique AS unique, am.amname AS method,
               x.indnkeyatts AS key_count, x.indkey AS column_numbers, x.indclass AS operator_classes,
               x.indoption AS options, x.indcollation AS collations,
               CASE WHEN 0 = ANY (x.indkey::pg_catalog.int2[]) THEN
                 (SELECT pg_catalog.array_agg(pg_catalog.pg_get_indexdef(x.indexrelid, k.ord::integer, false) ORDER BY k.ord)
                    FROM pg_catalog.unnest(x.indkey::pg_catalog.int2[]) WITH ORDINALITY k(attnum, ord)
                    WHERE k.attnum = 0) END AS expressions,
               pg_catalog.pg_get_expr(x.indpred, x.indrelid) AS predicate
        FROM pg_catalog.pg_index x
        JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
        JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_am am ON am.oid = i.relam
        \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_class", oid: "i.oid"))
        WHERE c.relkind IN ('r', 'p', 'm') AND \(CatalogFilter.userSchema("n.nspname"))
          AND \(CatalogFilter.partition(of: "x.indrelid", partition, partitions))
          AND \(CatalogFilter.notExtensionMember(catalog: "pg_class", oid: "c.oid"))
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                          WHERE con.conrelid = x.indrelid AND con.conindid = x.indexrelid AND con.contype IN ('p', 'u', 'x'))
        """
    }

    /// Indexes by relation; an empty definition is the server's to give, for the oid beside it.
    static func decode(_ result: QueryResult, columns: ColumnNames,
                       operatorClasses: [String: OperatorClass]) throws -> [(QualifiedName, Index, oid: String)] {
        try result.rows.map { row in
            let relation = try row.qualifiedName(name: "table_name")
            let keyCount = try row.int("key_count")
            // int2vector / oidvector print as space-separated numbers.
            let numbers = try row.string("column_numbers").split(separator: " ").map(String.init)
            let classOIDs = try row.string("operator_classes").split(separator: " ").map(String.init)
            var expressions = try row.stringArray("expressions").makeIterator()
            var keys: [IndexDefinition.Key] = []
            var include: [String] = []
            for (position, number) in numbers.enumerated() {
                let column = number == "0" ? nil : try columns.entry(relation, number)
                let name = column?.quoted ?? expressions.next() ?? ""
                if position < keyCount {
                    keys.append(IndexDefinition.Key(text: name, column: column,
                                                    operatorClass: position < classOIDs.count ? operatorClasses[classOIDs[position]] : nil))
                } else {
                    include.append(name)
                }
            }
            let written = IndexDefinition(
                quotedName: try row.string("quoted_name"), quotedSchema: try row.string("quoted_schema"),
                quotedTable: try row.string("quoted_table"), quotedMethod: try row.string("quoted_method"),
                method: try row.string("method"), unique: try row.bool("unique"), keys: keys, include: include,
                options: try row.string("options").split(separator: " ").compactMap { Int($0) },
                collations: try row.string("collations").split(separator: " ").map(String.init),
                predicate: try row.optionalString("predicate"))
            let index = Index(
                name: try row.string("name"), definition: try row.optionalString("definition") ?? written.text ?? "",
                unique: try row.bool("unique"), method: try row.string("method"), keys: keys.map(\.text),
                operatorClasses: keys.map { $0.operatorClass.flatMap { $0.isDefault ? nil : $0.qualifiedName } },
                include: include, predicate: try row.optionalString("predicate"), comment: try row.optionalString("comment"))
            return (relation, index, try row.string("oid"))
        }
    }
}

/// An operator class, as index definitions name it.
struct OperatorClass: Sendable {
    /// `schema.name`, quoted: how the model records a non-default class.
    var qualifiedName: String
    /// How pg_get_indexdef prints it: bare when visible (in pg_catalog: the
    /// inspection runs with an empty search_path), else qualified.
    var shownName: String
    var isDefault: Bool
    var inputTypeOID: String
}

/// Every operator class, by oid.
enum OperatorClassQuery {
    static let sql = """
        SELECT oc.oid::pg_catalog.text AS oid,
               pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) AS name,
               CASE WHEN n.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(oc.opcname)
                    ELSE pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) END AS shown,
               oc.opcdefault AS is_default, oc.opcintype AS input_type
        FROM pg_catalog.pg_opclass oc
        JOIN pg_catalog.pg_namespace n ON n.oid = oc.opcnamespace
        """

    static func decode(_ result: QueryResult) throws -> [String: OperatorClass] {
        var classes: [String: OperatorClass] = [:]
        for row in result.rows {
            classes[try row.string("oid")] = OperatorClass(
                qualifiedName: try row.string("name"), shownName: try row.string("shown"),
                isDefault: try row.bool("is_default"), inputTypeOID: try row.string("input_type"))
        }
        return classes
    }
}
