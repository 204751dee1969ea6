import SQLText

/// An object the model holds by its definition: the statement that creates it,
/// written from the catalog as pg_dump writes it (or by the server's own
/// function: `pg_get_ruledef`, `pg_get_statisticsobjdef`). Rules, extended
/// statistics, aggregates, operators, casts, transforms, conversions, collations,
/// range, shell and base types, languages, access methods, text search objects,
/// foreign-data wrappers, servers, user mappings, foreign tables, event triggers,
/// publications, default privileges and security labels.
///
/// One type for all of them, because what a diff compares and what a
/// generator writes for each is its definition: two objects of one kind and
/// identity are the same object, and equal when their definitions are.
public struct DefinedObject: Codable, Hashable, Sendable, Comparable, OwnedObject {
    public var kind: ObjectKind
    /// nil for objects of the database (casts, publications, servers, …).
    public var schema: String?
    /// The object's name; for a cast `(integer AS public.money2)`, for a user
    /// mapping `for "app" on server "s"`, for default privileges `for role "app" on tables`.
    public var name: String
    /// For a rule: its table or view.
    public var table: QualifiedName?
    /// For an aggregate or an operator: its argument types.
    public var signature: String?
    /// The statements that create it.
    public var definition: String
    public var comment: String?
    public var owner: String?
    public var privileges: [Privilege]

    public init(kind: ObjectKind, schema: String?, name: String, table: QualifiedName? = nil, signature: String? = nil,
                definition: String, comment: String? = nil, owner: String? = nil, privileges: [Privilege] = []) {
        self.kind = kind
        self.schema = schema
        self.name = name
        self.table = table
        self.signature = signature
        self.definition = definition
        self.comment = comment
        self.owner = owner
        self.privileges = privileges
    }

    /// Its identity among all objects of the model.
    public var id: ObjectID {
        if let table { return ObjectID(kind, name, on: ObjectID(.table, table)) }
        return ObjectID(kind: kind, schema: schema, name: name, signature: signature)
    }

    public static func < (lhs: DefinedObject, rhs: DefinedObject) -> Bool {
        lhs.id < rhs.id
    }

    /// A range type's multirange type (14 and later), read from its definition
    /// (`MULTIRANGE_TYPE_NAME = schema.name`). nil for other kinds and before 14.
    public var multirangeType: QualifiedName? {
        guard kind == .rangeType else { return nil }
        return qualifiedName { tokens in tokens.firstIndex { $0.isWord("MULTIRANGE_TYPE_NAME") }.map { $0 + 2 } }
    }

    /// The table a statistics object is on, read from its definition (`CREATE STATISTICS …
    /// FROM table`, as `pg_get_statisticsobjdef` writes it): its tie to the table is an
    /// automatic dependency, which the model's edges leave out. nil for other kinds.
    public var statisticsTable: QualifiedName? {
        guard kind == .statistics else { return nil }
        return qualifiedName { tokens in tokens.lastIndex { $0.isWord("FROM") }.map { $0 + 1 } }
    }

    /// The tables a publication names (`FOR TABLE a (columns), b WHERE (…)`), in order, each
    /// with whether it has a column list or a row filter (the server then refuses a change of
    /// its columns' types); not those `FOR TABLES IN SCHEMA` or `FOR ALL TABLES` reach. Empty
    /// for other kinds. Their ties (pg_publication_rel, and its columns) are not among the
    /// model's edges.
    public var publishedTables: [(table: QualifiedName, filtered: Bool)] {
        guard kind == .publication else { return [] }
        let tokens = SQLToken.tokens(of: definition)
        var tables: [(table: QualifiedName, filtered: Bool)] = [], depth = 0, inTables = false, index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.isSymbol("(") { depth += 1 } else if token.isSymbol(")") { depth -= 1 }
            guard depth == 0 else { index += 1; continue }
            if token.isWord("WITH") { break }
            if token.isWord("TABLES") { inTables = false }
            if token.isWord("TABLE") || inTables && token.isSymbol(",") {
                inTables = true
                var start = index + 1
                if start < tokens.count, tokens[start].isWord("ONLY") { start += 1 }
                if let (parts, next) = SQLToken.qualifiedName(in: tokens, at: start), parts.count == 2 {
                    let filtered = next < tokens.count && (tokens[next].isSymbol("(") || tokens[next].isWord("WHERE"))
                    tables.append((QualifiedName(schema: parts[0], name: parts[1]), filtered))
                    index = next
                    continue
                }
            }
            index += 1
        }
        return tables
    }

    /// The schema-qualified name that starts at the token `start` finds in the definition.
    private func qualifiedName(at start: ([SQLToken]) -> Int?) -> QualifiedName? {
        let tokens = SQLToken.tokens(of: definition)
        guard let index = start(tokens), let (parts, _) = SQLToken.qualifiedName(in: tokens, at: index), parts.count == 2 else { return nil }
        return QualifiedName(schema: parts[0], name: parts[1])
    }
}
