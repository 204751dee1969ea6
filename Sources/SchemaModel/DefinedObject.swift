import Foundation
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

    /// The tables a publication names (`FOR TABLE a (columns), b WHERE (…)`), in order, with
    /// their column lists and row filters; not those `FOR TABLES IN SCHEMA` or `FOR ALL TABLES`
    /// reach. Empty for other kinds.
    public var publishedTables: [PublishedTable] {
        kind == .publication ? PublishedTable.entries(in: definition) : []
    }

    /// A publication naming only the tables `keep` accepts, written as the reader writes one
    /// (`FOR TABLE a, b, TABLES IN SCHEMA s WITH (…)`, tables in the order they were): what a
    /// proof's scope loads of a publication whose other tables it leaves out, on both sides
    /// alike. Itself when it keeps every table (or names none).
    public func keepingPublishedTables(_ keep: (QualifiedName) -> Bool) -> DefinedObject {
        rewritingPublishedTables { keep($0.table) ? $0.entry : nil }
    }

    /// A publication with each table `ONLY`, as the reader writes them since read revision 15: a
    /// snapshot taken before names them bare, for the same tables (each pg_publication_rel row is
    /// one table; bare, a script would bring a table's inheritance children along).
    public var publishedTablesOnly: DefinedObject {
        rewritingPublishedTables { $0.entry.hasPrefix("ONLY ") ? $0.entry : "ONLY " + $0.entry }
    }

    /// A publication whose tables are written as `entry` gives each (nil: left out), its schemas
    /// and options as they were. Itself where every entry stays as it was.
    public func rewritingPublishedTables(_ entry: (PublishedTable) -> String?) -> DefinedObject {
        let tables = publishedTables
        let entries = tables.compactMap(entry)
        return entries == tables.map(\.entry) ? self : writingPublishedTables(entries)
    }

    /// The publication naming `entries` as its tables, its schemas and options as they were.
    private func writingPublishedTables(_ entries: [String]) -> DefinedObject {
        let tokens = SQLToken.tokens(of: definition)
        let bytes = Array(definition.utf8)
        guard let forIndex = tokens.firstIndex(where: { $0.depth == 0 && $0.isWord("FOR") }),
              let withIndex = tokens.lastIndex(where: { $0.depth == 0 && $0.isWord("WITH") }), forIndex < withIndex else { return self }
        let text = { (from: Int, to: Int) in String(decoding: bytes[from..<to], as: UTF8.self) }
        let schemas = tokens[forIndex..<withIndex].first { $0.depth == 0 && $0.isWord("TABLES") }
            .map { text($0.offset, tokens[withIndex].offset).trimmingCharacters(in: .whitespaces) }
        let objects = (entries.isEmpty ? [] : ["TABLE " + entries.joined(separator: ", ")]) + (schemas.map { [$0] } ?? [])
        var copy = self
        copy.definition = text(0, tokens[forIndex].offset) + (objects.isEmpty ? "" : "FOR " + objects.joined(separator: ", ") + " ")
            + text(tokens[withIndex].offset, bytes.count)
        return copy
    }

    /// The table a foreign table is a partition of (`CREATE FOREIGN TABLE t PARTITION OF parent …`).
    public var partitionParent: QualifiedName? {
        guard kind == .foreignTable else { return nil }
        return qualifiedName { tokens in
            guard let (_, next) = SQLToken.qualifiedName(in: tokens, at: 3), next + 2 < tokens.count,
                  tokens[next].isWord("PARTITION"), tokens[next + 1].isWord("OF") else { return nil }
            return next + 2
        }
    }

    /// The schema-qualified name that starts at the token `start` finds in the definition.
    private func qualifiedName(at start: ([SQLToken]) -> Int?) -> QualifiedName? {
        let tokens = SQLToken.tokens(of: definition)
        guard let index = start(tokens), let (parts, _) = SQLToken.qualifiedName(in: tokens, at: index), parts.count == 2 else { return nil }
        return QualifiedName(schema: parts[0], name: parts[1])
    }
}
