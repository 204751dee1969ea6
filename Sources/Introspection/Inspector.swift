import Foundation
import PostgresClient
import SchemaModel

/// Reads a database's catalog into a `DatabaseModel`.
///
/// A fixed number of queries whatever the size of the schema (one per kind of
/// object), all reading one `REPEATABLE READ READ ONLY` snapshot so the picture
/// is consistent, with an empty `search_path` so every name the server deparses
/// comes schema-qualified. The queries run on `parallelism` connections sharing
/// that snapshot.
public struct Inspector: Sendable {
    public var filter: SchemaFilter
    /// Connections reading the catalog at once; 1 reads on the given connection only.
    public var parallelism: Int
    /// Whether to read the dependency graph. A diff does not compare it, and
    /// at 5,000 tables it cost 0.2 s of the server's time per side.
    public var readsDependencies: Bool
    /// Whether expressions are deparsed in Swift on this server (see `DeparserPolicy`).
    public var deparser: DeparserPolicy

    public init(filter: SchemaFilter = .everything, parallelism: Int = Inspector.defaultParallelism,
                readsDependencies: Bool = true, deparser: DeparserPolicy = DeparserPolicy()) {
        self.filter = filter
        self.parallelism = parallelism
        self.readsDependencies = readsDependencies
        self.deparser = deparser
    }

    /// Four connections read one catalog fastest, even on two cores (while one
    /// backend waits for the client, another works): 1.43 s for 5,000 tables,
    /// against 1.54 s on two. When two inspections run at once (a diff of two
    /// databases) they share that budget: two each took that diff from 2.2 to
    /// 1.8 s on two cores. See `parallelism(sharedBy:)`.
    public static let defaultParallelism = 4

    /// Connections for each of `inspections` inspections running at once.
    public static func parallelism(sharedBy inspections: Int) -> Int {
        max(1, defaultParallelism / max(1, inspections))
    }

    public func inspect(_ connection: Connection) throws -> DatabaseModel {
        var timings: [(String, Duration)] = []
        return try inspect(connection, timings: &timings)
    }

    /// The model, recording how long each catalog query took (for benchmarks).
    public func inspect(_ connection: Connection, timings: inout [(String, Duration)]) throws -> DatabaseModel {
        try read(connection, timings: &timings, memory: nil).model
    }

    /// The model, taken from `memory` when the catalog's stamp is the one it was
    /// kept at, and otherwise read and given to `memory` with its stamp.
    public func inspect(_ connection: Connection, memory: any ModelMemory) throws -> StampedModel {
        var timings: [(String, Duration)] = []
        return try read(connection, timings: &timings, memory: memory)
    }

    /// What decides the model besides the catalog: the inspector's own options.
    var optionsKey: String {
        "only \(filter.only.joined(separator: ",")) excluded \(filter.excluded.joined(separator: ",")) "
            + "dependencies \(readsDependencies) deparser \(deparser.setting ?? "default") "
            + "format \(DatabaseModel.formatVersion) read \(DatabaseModel.readRevision)"
    }

    private func read(_ connection: Connection, timings: inout [(String, Duration)], memory: (any ModelMemory)?) throws -> StampedModel {
        let version = try CatalogVersion(connection: connection)
        do {
            // One round trip: the transaction, its settings, the catalog's size
            // and the extension members (set here, handed to the other connections).
            guard let opening = try connection.execute(
                "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; " + Self.sessionSettings
                    + "; SELECT (SELECT count(*) FROM pg_catalog.pg_class) AS relations, "
                    + DefinedObjectQuery.presentKindsColumn(version) + ", "
                    + ExpressionCatalogQuery.systemKeyColumn + ", "
                    + CatalogFilter.extensionMembersColumns
                    + (memory == nil ? "" : ", " + CatalogStamp.identityColumn + ", " + CatalogStamp.catalogsColumn)
                    + " FROM pg_catalog.pg_depend WHERE deptype = 'e'"
                    // Members depend on their extension: naming its catalog lets the
                    // reference index find them, where deptype alone scanned all of
                    // pg_depend (16–23 ms at 5,000 tables, before any other query could start).
                    + " AND refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass"
            ).rows.first else {
                throw IntrospectionError(query: "opening", underlying: "no result")
            }
            // The stamp's query, and the place the memory keeps this database's model under.
            var stamp: (sql: String, place: String, value: String?)?
            if let memory, let catalogs = try opening.optionalString("stamp_catalogs"),
               let sql = CatalogStamp.sql(catalogs: catalogs) {
                let place = try opening.string("stamp_identity") + " " + optionsKey
                // Something is kept for this database: read the stamp first, to see whether it is still right.
                if memory.holds(place: place) {
                    let value = try connection.query(sql).rows.first?.optionalString("stamp")
                    if let value, let model = memory.model(place: place, stamp: value) {
                        try connection.execute("COMMIT")
                        return StampedModel(model: model, stamp: place + "\n" + value, remembered: true)
                    }
                    stamp = (sql, place, value)
                } else {
                    stamp = (sql, place, nil)
                }
            }
            let systemKey = try opening.optionalString("expression_catalog_key")
            let systemCatalog = systemKey.flatMap { key in ExpressionCatalogQuery.systemCache.withLock { $0[key] } }
            let queries = Self.queries(version, largeCatalog: try opening.int("relations") > Self.largeCatalogRelations,
                                       definedKinds: DefinedObjectQuery.presentKinds(try opening.string("defined_kinds")),
                                       systemCatalogKnown: systemCatalog != nil)
                .filter { readsDependencies || $0.name != "dependencies" }
                + (stamp.map { $0.value == nil ? [.init(name: "catalog stamp", sql: $0.sql, weight: 8)] : [] } ?? [])
            var reader = ParallelCatalogReader(workers: parallelism)
            reader.sessionSetup = try CatalogFilter.extensionMembersSettings(opening)
            // A small catalog is read on the caller's connection alone: starting and warming up three
            // more backends cost more than the queries they would share.
            let relations = try opening.int("relations")
            let small = relations < Self.parallelCatalogRelations
            if small { try connection.execute(Self.smallCatalogPlanning) }
            let results = parallelism > 1 && !small
                ? try reader.run(queries, on: connection)
                : try reader.runSequentially(queries, on: connection)
            timings = queries.compactMap { query in results[query.name].map { (query.name, $0.1) } }
            let clock = ContinuousClock()
            let start = clock.now
            // Assembled inside the transaction: the index and constraint
            // definitions Swift cannot write are asked of the server in the same snapshot.
            let model = try assemble(results.mapValues(\.0), version: version,
                                     systemCatalog: systemCatalog, systemKey: systemKey) { sql, oids in
                var rows: [String: Row] = [:]
                for row in try connection.query(sql, ["{" + oids.joined(separator: ",") + "}"]).rows {
                    rows[try row.string("oid")] = row
                }
                return rows
            }
            timings.append(("(assembling)", clock.now - start))
            try connection.execute("COMMIT")
            guard let memory, let stamp,
                  let value = try stamp.value ?? results["catalog stamp"]?.0.rows.first?.optionalString("stamp") else {
                return StampedModel(model: model, stamp: nil, remembered: false)
            }
            memory.keep(model, place: stamp.place, stamp: value)
            return StampedModel(model: model, stamp: stamp.place + "\n" + value, remembered: false)
        } catch {
            _ = try? connection.execute("ROLLBACK")
            throw error
        }
    }

    /// An empty search_path, so the server qualifies every name it deparses; and
    /// no JIT: the catalogs have no statistics, so the planner's guesses put
    /// whole-catalog queries over the JIT threshold, and compiling them cost
    /// 0.4 s of the 0.45 s the tables query took at 5,000 tables. And room for
    /// the hash joins: at 5,000 tables the columns query's hash of 50,000
    /// attributes outgrew the default 4 MB and went to disk in two batches;
    /// 64 MB kept it in memory, 7–10% off the three heaviest queries.
    ///
    /// And every setting that changes how the server prints a value, fixed
    /// whatever the database or role says: a default of `'epoch'::timestamptz`
    /// reads `1970-01-01 00:00:00+00` in UTC but `1969-12-31 19:00:00-05` in
    /// New York, so two equal databases in two zones would differ.
    static let sessionSettings = "SET LOCAL search_path = ''; SET LOCAL jit = off; SET LOCAL work_mem = '64MB'; "
        + printingSettings.map { "SET LOCAL \($0.name) = \($0.value)" }.joined(separator: "; ")

    /// The settings that change the text of a value (`pg_get_expr` of a
    /// default, a check's constants), with the values every inspection reads with.
    public static let printingSettings: [(name: String, value: String)] = [
        ("TimeZone", "'UTC'"),
        ("DateStyle", "'ISO, MDY'"),
        ("IntervalStyle", "'postgres'"),
        ("extra_float_digits", "1"),
        ("bytea_output", "'hex'"),
        ("standard_conforming_strings", "on"),
    ]

    /// The catalog queries for `version`, by name: for benchmarks and EXPLAIN.
    public static func catalogQueries(serverVersionNumber: Int) throws -> [(name: String, sql: String)] {
        queries(try CatalogVersion(serverVersionNumber: serverVersionNumber), largeCatalog: false).map { ($0.name, $0.sql) }
    }

    /// Above this many relations the heavy queries are planned with hash joins
    /// only (`ParallelCatalogReader.Query.hashJoinsOnly`): at 5,000 tables (51,000
    /// relations) that took a two-database diff from 3.95 to 3.57 CPU-seconds;
    /// on a fresh database (400 relations) it cost 20 ms an inspection.
    static let largeCatalogRelations = 20_000

    /// From how many relations (system catalogs included: about 400 in an empty database)
    /// the catalog is read on several connections.
    static let parallelCatalogRelations = 2_000

    /// Below `parallelCatalogRelations`, the joins are made in the order the queries write them:
    /// on a small catalog any order is quick to run, and weighing the orders was most of the
    /// server's time. Twenty inspections of a one-table database, in two sets of runs: planning
    /// 782 → 473 and 660 → 462 ms, the whole 1,576 → 1,139 and 1,323 → 1,112 ms of server time.
    /// The tests and proofs inspect thousands of small databases; a large catalog is planned in
    /// full (there the order matters).
    static let smallCatalogPlanning = "SET LOCAL join_collapse_limit = 1; SET LOCAL from_collapse_limit = 1"

    /// Weights: about the milliseconds each took at 5,000 tables, divided by 20.
    /// `definedKinds`: the kinds of `DefinedObjectQuery` the database may hold (nil: every kind).
    /// `systemCatalogKnown`: pg_catalog's part of the expression catalog is cached (its enums are read alone).
    static func queries(_ version: CatalogVersion, largeCatalog: Bool,
                        definedKinds: Set<String>? = nil, systemCatalogKnown: Bool = false) -> [ParallelCatalogReader.Query] {
        [
            .init(name: "schemas", sql: NamespaceQuery.sql, weight: 1),
            .init(name: "extensions", sql: ExtensionQuery.sql, weight: 1),
            .init(name: "enums", sql: EnumQuery.sql, weight: 1),
            .init(name: "domains", sql: DomainQuery.sql(version), weight: 1),
            .init(name: "composite types", sql: CompositeTypeQuery.sql, weight: 1),
            .init(name: "sequences", sql: SequenceQuery.sql, weight: 3),
            .init(name: "tables", sql: TableQuery.sql(version), weight: 2),
            .init(name: "columns", sql: ColumnQuery.sql(version), weight: 10, hashJoinsOnly: largeCatalog),
            .init(name: "indexes", sql: IndexQuery.sql(version), weight: 6, hashJoinsOnly: largeCatalog),
            .init(name: "constraints", sql: ConstraintQuery.sql(version), weight: 5, hashJoinsOnly: largeCatalog),
            .init(name: "views", sql: ViewQuery.sql(version), weight: 3),
            .init(name: "operator classes", sql: OperatorClassQuery.sql, weight: 1),
            .init(name: "expression catalog", sql: systemCatalogKnown ? ExpressionCatalogQuery.enumSQL : ExpressionCatalogQuery.sql, weight: 1),
            .init(name: "index column settings", sql: IndexQuery.columnSettingsSQL(version), weight: 1),
            .init(name: "triggers", sql: TriggerQuery.sql, weight: 2),
            .init(name: "policies", sql: PolicyQuery.sql, weight: 1),
            .init(name: "functions", sql: FunctionQuery.sql(version), weight: 3),
            .init(name: "dependencies", sql: DependencyQuery.sql(version, kinds: definedKinds), weight: 9, hashJoinsOnly: largeCatalog),
            .init(name: "defined objects", sql: DefinedObjectQuery.sql(version, kinds: definedKinds), weight: 2),
            // Not hash joins only: its lookups by oid are what make it cheap (65 ms against 99 at 5,000 tables).
            .init(name: "unmodelled", sql: UnmodelledQuery.sql(version), weight: 2),
        ]
    }

    /// `serverRows(sql, oids)`: the rows of `sql`, which reads `$1` (`oids`, an
    /// oid[]), in the inspection's snapshot, by their "oid" column: the
    /// definitions Swift left to the server.
    /// `systemCatalog`: pg_catalog's part of the expression catalog, cached under `systemKey`
    /// (nil: read now, and kept under `systemKey` when there is one).
    private func assemble(_ results: [String: QueryResult], version: CatalogVersion,
                          systemCatalog: ExpressionCatalog?, systemKey: String?,
                          serverRows: (String, [String]) throws -> [String: Row]) throws -> DatabaseModel {
        func decode<T>(_ name: String, _ decoder: (QueryResult) throws -> T) throws -> T {
            guard let result = results[name] else { throw IntrospectionError(query: name, underlying: "no result") }
            do {
                return try decoder(result)
            } catch let error as IntrospectionError {
                throw error // already names its query: once is enough
            } catch {
                throw IntrospectionError(query: name, underlying: "\(error)")
            }
        }
        var model = DatabaseModel()
        model.schemas = try decode("schemas", NamespaceQuery.decode)
        model.extensions = try decode("extensions", ExtensionQuery.decode)
        model.enums = try decode("enums", EnumQuery.decode)
        model.domains = try decode("domains", DomainQuery.decode)
        model.compositeTypes = try decode("composite types", CompositeTypeQuery.decode)
        let sequences = try decode("sequences", SequenceQuery.decode)
        model.sequences = sequences.sequences

        var tables = RelationList(try decode("tables", TableQuery.decode))
        let columns = try decode("columns") { try ColumnQuery.decode($0, identities: sequences.identities) }
        for (column, _, table) in columns { tables.update(table) { $0.columns.append(column) } }
        let columnNames = ColumnNames(columns)
        var expressionCatalog = try decode("expression catalog") { try ExpressionCatalogQuery.decode($0, system: systemCatalog) }
        if systemCatalog == nil, let systemKey { ExpressionCatalogQuery.keepSystemPart(of: expressionCatalog, for: systemKey) }
        expressionCatalog.enabled = deparser.allows(serverVersion: version.serverVersionNumber)
        let constraints = try decode("constraints") {
            try ConstraintQuery.decode($0, columnNames: columnNames, catalog: expressionCatalog)
        }
        for (table, constraint) in try completed(constraints, serverRows: serverRows) {
            tables.update(table) { $0.constraints.append(constraint) }
        }
        var views = RelationList(try decode("views", ViewQuery.decode))
        let operatorClasses = try decode("operator classes", OperatorClassQuery.decode)
        let columnSettings = try decode("index column settings", IndexQuery.decodeColumnSettings)
        let indexes = try decode("indexes") {
            try IndexQuery.decode($0, columns: columnNames, operatorClasses: operatorClasses, catalog: expressionCatalog,
                                 columnSettings: columnSettings)
        }
        for (relation, index) in try IndexQuery.completed(indexes, serverRows: { try serverRows(IndexQuery.serverSQL, $0) }) {
            if !tables.update(relation, { $0.indexes.append(index) }) { views.update(relation) { $0.indexes.append(index) } }
        }
        for (relation, trigger, clone) in try decode("triggers", TriggerQuery.decode) {
            if let state = clone {
                tables.update(relation) { $0.partitionTriggerStates = ($0.partitionTriggerStates ?? []) + [state] }
                continue
            }
            if !tables.update(relation, { $0.triggers.append(trigger) }) { views.update(relation) { $0.triggers.append(trigger) } }
        }
        for (table, policy) in try decode("policies", PolicyQuery.decode) { tables.update(table) { $0.policies.append(policy) } }
        model.tables = tables.relations.map { Self.withoutDefaultIdentitySettings($0, unloggedSequences: version.major >= 15) }
        model.views = views.relations
        model.functions = try decode("functions", FunctionQuery.decode)
        model.dependencies = readsDependencies ? try decode("dependencies") { try DependencyQuery.decode($0, filter: filter) } : []
        model.definedObjects = try decode("defined objects", DefinedObjectQuery.decode)
        model.unmodelled = try decode("unmodelled", UnmodelledQuery.decode)
            + columnSettings.unmodelled(besides: Set(indexes.compactMap { UInt32($0.oid) }))
        filter.apply(to: &model)
        model.canonicalize()
        return model
    }

    /// `table` without the names of identity sequences PostgreSQL named itself (`table_column_seq`),
    /// and without their persistence where it is the table's (always before 15, which has no
    /// unlogged sequence: an unlogged table's identity sequence is logged there).
    static func withoutDefaultIdentitySettings(_ table: Table, unloggedSequences: Bool) -> Table {
        guard table.columns.contains(where: { $0.identity != nil }) else { return table }
        var table = table
        for index in table.columns.indices {
            let column = table.columns[index]
            if column.identity?.sequenceName == Column.Identity.defaultSequenceName(of: column.name, in: table.name) {
                table.columns[index].identity?.sequenceName = nil
            }
            if !unloggedSequences || column.identity?.sequenceUnlogged == table.unlogged {
                table.columns[index].identity?.sequenceUnlogged = nil
            }
        }
        return table
    }

    /// `constraints` with the definitions Swift left empty filled in from the server, asked in one query.
    private func completed(_ constraints: [(table: UInt32, Constraint, oid: String)],
                           serverRows: (String, [String]) throws -> [String: Row]) throws -> [(table: UInt32, Constraint)] {
        let unwritten = constraints.filter { $0.1.definition.isEmpty }.map(\.oid)
        let rows = unwritten.isEmpty ? [:] : try serverRows("""
            SELECT x.oid::pg_catalog.text AS oid, pg_catalog.pg_get_constraintdef(x.oid) AS definition
            FROM pg_catalog.unnest($1::pg_catalog.oid[]) AS x(oid)
            """, unwritten)
        return try constraints.map { table, constraint, oid in
            guard constraint.definition.isEmpty else { return (table, constraint) }
            guard let text = try rows[oid]?.optionalString("definition") else {
                throw IntrospectionError(query: "constraints", underlying: "no definition for \(constraint.name) (oid \(oid))")
            }
            var filled = constraint
            filled.definition = text
            return (table, filled)
        }
    }
}
