import PostgresClient
import SQLText
import SchemaModel

/// Indexes that do not back a constraint, on tables and materialized views.
/// pg_index: information_schema does not know indexes at all.
///
/// `pg_get_indexdef` cost about 35 µs an index on a cold backend, the heaviest
/// part of an inspection: so the definition is written in Swift from the
/// catalog's own fields (`IndexDefinition`), with expressions and predicates
/// read from their node trees (`ExpressionDeparser`). The server writes only
/// what Swift cannot be sure of (options, partitioned indexes, NULLS NOT
/// DISTINCT, an expression the deparser does not know), in a second query
/// (`serverSQL`). Key and INCLUDE columns are named from the columns query;
/// operator classes from `OperatorClassQuery`.
enum IndexQuery {
    static func sql(_ version: CatalogVersion) -> String {
        let nullsNotDistinct = version.major >= 15 ? "x.indnullsnotdistinct" : "false"
        return """
        SELECT x.indrelid AS table_oid, i.relname AS name, d.description AS comment,
               x.indexrelid AS oid, pg_catalog.quote_ident(n.nspname) AS quoted_schema,
               pg_catalog.quote_ident(c.relname) AS quoted_table, pg_catalog.quote_ident(i.relname) AS quoted_name,
               pg_catalog.quote_ident(am.amname) AS quoted_method,
               i.relkind = 'I' OR i.reloptions IS NOT NULL OR \(nullsNotDistinct) AS server_definition,
               x.indisunique AS unique, am.amname AS method,
               x.indnkeyatts AS key_count, x.indkey AS column_numbers, x.indclass AS operator_classes,
               x.indoption AS options, x.indcollation AS collations,
               x.indexprs AS expression_trees, x.indpred AS predicate_tree, NOT x.indisvalid AS invalid,
               (SELECT p.relname FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_class p ON p.oid = h.inhparent
                 WHERE h.inhrelid = x.indexrelid) AS attached_to
        FROM pg_catalog.pg_index x
        JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
        JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_am am ON am.oid = i.relam
        \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_class", oid: "i.oid"))
        WHERE c.relkind IN ('r', 'p', 'm') AND \(CatalogFilter.userSchema("n.nspname"))
          AND \(CatalogFilter.notExtensionMember(catalog: "pg_class", oid: "c.oid"))
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                          WHERE con.conrelid = x.indrelid AND con.conindid = x.indexrelid AND con.contype IN ('p', 'u', 'x'))
        """
    }

    /// Index columns with operator-class options (`attoptions`), which the server writes in the
    /// definition, or a statistics target (`SET STATISTICS`), which no definition holds. Asked
    /// apart: as a subquery of the indexes query it took a quarter of that query's time, scanning
    /// all of pg_attribute.
    static func columnSettingsSQL(_ version: CatalogVersion) -> String {
        let statisticsTarget = ColumnQuery.statisticsTarget(version)
        return """
            SELECT a.attrelid::pg_catalog.text AS oid, a.attnum AS number, a.attoptions IS NOT NULL AS has_options,
                   \(statisticsTarget) AS statistics_target, n.nspname AS schema, i.relname AS name
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_index x ON x.indexrelid = a.attrelid
            JOIN pg_catalog.pg_class i ON i.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace
            WHERE a.attnum > 0 AND (a.attoptions IS NOT NULL OR \(statisticsTarget) IS NOT NULL)
              AND \(CatalogFilter.userSchema("n.nspname"))
              AND \(CatalogFilter.notExtensionMember(catalog: "pg_class", oid: "x.indrelid"))
            """
    }

    /// What `columnSettingsSQL` found, by index oid.
    struct ColumnSettings {
        /// Indexes with operator-class options on a column.
        var withOptions: Set<UInt32> = []
        var statisticsTargets: [UInt32: [IndexStatisticsTarget]] = [:]
        /// Each index with a statistics target, by oid: its schema and name.
        var names: [UInt32: (schema: String, name: String)] = [:]

        /// What the model cannot hold: statistics targets of the indexes not read as an `Index`
        /// (`indexes`: the oids of those read), which back a key or an exclusion constraint.
        func unmodelled(besides indexes: Set<UInt32>) -> [UnmodelledObject] {
            statisticsTargets.keys.filter { !indexes.contains($0) }.compactMap { names[$0] }.map {
                UnmodelledObject(kind: "statistics target of a constraint's index column",
                                 name: SQLQuoting.qualified($0.schema, $0.name), schema: $0.schema)
            }
        }
    }

    static func decodeColumnSettings(_ result: QueryResult) throws -> ColumnSettings {
        var settings = ColumnSettings()
        for row in result.rows {
            let oid = try row.oid("oid")
            if try row.bool("has_options") { settings.withOptions.insert(oid) }
            if let target = try row.optionalString("statistics_target").flatMap({ Int($0) }) {
                settings.statisticsTargets[oid, default: []].append(IndexStatisticsTarget(column: try row.int("number"), target: target))
                settings.names[oid] = (try row.string("schema"), try row.string("name"))
            }
        }
        return settings
    }

    /// The server's texts for the indexes Swift left unwritten: `$1` is their oids.
    static let serverSQL = """
        SELECT x.indexrelid::pg_catalog.text AS oid, pg_catalog.pg_get_indexdef(x.indexrelid) AS definition,
               (SELECT pg_catalog.array_agg(pg_catalog.pg_get_indexdef(x.indexrelid, k.ord::integer, false) ORDER BY k.ord)
                  FROM pg_catalog.unnest(x.indkey::pg_catalog.int2[]) WITH ORDINALITY k(attnum, ord)
                  WHERE k.attnum = 0) AS expressions,
               pg_catalog.pg_get_expr(x.indpred, x.indrelid) AS predicate
        FROM pg_catalog.pg_index x
        WHERE x.indexrelid = ANY ($1::pg_catalog.oid[])
        """

    /// An index as read; an empty definition when the server must give it,
    /// its expressions (the keys at `expressionPositions`) and its predicate.
    struct Decoded {
        var relationOID: UInt32
        var index: Index
        var oid: String
        var expressionPositions: [Int]
    }

    /// `columnSettings`: from `columnSettingsSQL`.
    static func decode(_ result: QueryResult, columns: ColumnNames, operatorClasses: [String: OperatorClass],
                       catalog: ExpressionCatalog, columnSettings: ColumnSettings) throws -> [Decoded] {
        let tableOID = try result.column("table_oid")
        let name = try result.column("name"), comment = try result.column("comment"), oid = try result.column("oid")
        let quotedSchema = try result.column("quoted_schema"), quotedTable = try result.column("quoted_table")
        let quotedName = try result.column("quoted_name"), quotedMethod = try result.column("quoted_method")
        let serverDefinition = try result.column("server_definition"), unique = try result.column("unique")
        let method = try result.column("method"), keyCountColumn = try result.column("key_count")
        let columnNumbers = try result.column("column_numbers"), operatorClassOIDs = try result.column("operator_classes")
        let options = try result.column("options"), collations = try result.column("collations")
        let expressionTrees = try result.column("expression_trees"), predicateTree = try result.column("predicate_tree")
        let invalid = try result.column("invalid"), attachedTo = try result.column("attached_to")
        return try result.rows.map { row in
            let relationOID = try row.oid(tableOID)
            let keyCount = try row.int(keyCountColumn)
            // int2vector / oidvector print as space-separated numbers.
            let numbers = try row.string(columnNumbers).split(separator: " ").map(String.init)
            let classOIDs = try row.string(operatorClassOIDs).split(separator: " ").map(String.init)
            let deparser = ExpressionDeparser(columnName: { columns.quotedName(relationOID, $0) }, catalog: catalog)
            // nil where the list cannot be read; then every expression key is unwritten.
            let expressionNodes = row.withBytes(expressionTrees) { $0.map(NodeTreeParser.expressions) ?? [] }
            var nodes = (expressionNodes ?? []).makeIterator()
            // nil: no predicate; .some(nil): one the deparser cannot write.
            let predicate = row.withBytes(predicateTree) { bytes in
                bytes.map { NodeTreeParser.expression($0).flatMap(deparser.text(of:)) }
            }
            let indexOID = try row.oid(oid)
            let written = try !row.bool(serverDefinition) && predicate != .some(nil)
                && !columnSettings.withOptions.contains(indexOID)
            var keys: [IndexDefinition.Key] = []
            var include: [String] = []
            var expressionPositions: [Int] = []
            for (position, number) in numbers.enumerated() {
                let key: IndexDefinition.Key
                let operatorClass = position < classOIDs.count ? operatorClasses[classOIDs[position]] : nil
                if number == "0" {
                    expressionPositions.append(position)
                    key = IndexDefinition.Key(expression: nodes.next(), deparser: deparser, operatorClass: operatorClass)
                } else {
                    key = IndexDefinition.Key(column: try columns.entry(relationOID, number),
                                              operatorClass: operatorClass)
                }
                if position < keyCount { keys.append(key) } else { include.append(key.text) }
            }
            let definition = IndexDefinition(
                quotedName: try row.string(quotedName), quotedSchema: try row.string(quotedSchema),
                quotedTable: try row.string(quotedTable), quotedMethod: try row.string(quotedMethod),
                method: try row.string(method), unique: try row.bool(unique), keys: keys, include: include,
                options: try row.string(options).split(separator: " ").compactMap { Int($0) },
                collations: try row.string(collations).split(separator: " ").map(String.init),
                predicate: predicate ?? nil)
            let text = written ? definition.text : nil
            var index = Index(
                name: try row.string(name), definition: text ?? "",
                unique: try row.bool(unique), method: try row.string(method), keys: keys.map(\.text),
                operatorClasses: keys.map { $0.operatorClass.flatMap { $0.isDefault ? nil : $0.qualifiedName } },
                include: include, predicate: predicate ?? nil, comment: row.optionalString(comment))
            index.invalid = try row.bool(invalid)
            index.attachedTo = row.optionalString(attachedTo)
            index.statisticsTargets = columnSettings.statisticsTargets[indexOID]?.sorted { $0.column < $1.column }
            return Decoded(relationOID: relationOID, index: index, oid: try row.string(oid), expressionPositions: expressionPositions)
        }
    }

    /// `decoded` with what Swift left unwritten filled in from `serverRows` (rows of `serverSQL` by oid).
    static func completed(_ decoded: [Decoded], serverRows: ([String]) throws -> [String: Row]) throws -> [(relation: UInt32, Index)] {
        let unwritten = decoded.filter { $0.index.definition.isEmpty }.map(\.oid)
        let rows = unwritten.isEmpty ? [:] : try serverRows(unwritten)
        return try decoded.map { item in
            guard item.index.definition.isEmpty else { return (item.relationOID, item.index) }
            guard let row = rows[item.oid], let definition = try row.optionalString("definition") else {
                throw IntrospectionError(query: "indexes", underlying: "no definition for index \(item.index.name) (oid \(item.oid))")
            }
            var index = item.index
            index.definition = definition
            index.predicate = try row.optionalString("predicate")
            for (position, expression) in zip(item.expressionPositions, try row.stringArray("expressions"))
            where position < index.keys.count {
                index.keys[position] = expression
            }
            return (item.relationOID, index)
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
