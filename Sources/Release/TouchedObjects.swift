import SQLText
import SchemaModel

/// The objects a migration and its rollback name, read from their statements:
/// what `verify` compares before the migration and after its rollback, so that
/// each check costs what the migration touches, not the size of the schema.
///
/// Only statements whose effect is confined to the objects they name are read:
/// `CREATE`/`ALTER`/`DROP`/`COMMENT`/`GRANT` of tables, views, indexes,
/// sequences, functions, types, schemas, triggers and policies, `REFRESH
/// MATERIALIZED VIEW`, and DML (which changes no schema). Anything else (a `DO`
/// block, a `SELECT` that may call anything, `CASCADE`, `CREATE EXTENSION`, a
/// kind not listed) sets `everything`: that migration is compared on the whole
/// schema, as before.
public struct TouchedObjects: Equatable, Sendable {
    /// Relation names (tables, views, indexes, sequences), unqualified: matched in every schema.
    public var relations: Set<String> = []
    public var functions: Set<String> = []
    public var types: Set<String> = []
    public var schemas: Set<String> = []
    /// Publications a statement creates, alters or drops (their tables are among `relations`).
    public var publications: Set<String> = []
    public var everything = false

    public init(_ texts: [String]) {
        for text in texts {
            guard let statements = try? SQLLexer(text).statements() else { everything = true; return }
            for statement in statements {
                read(SQLToken.tokens(of: statement.text), text: statement.text)
                if everything { return }
            }
        }
    }

    private mutating func read(_ tokens: [SQLToken], text: String) {
        let words = tokens.map { $0.kind == .word ? $0.value.uppercased() : "" }
        guard let first = words.first else { return }
        // CASCADE reaches objects no statement names.
        if tokens.contains(where: { $0.depth == 0 && $0.isWord("CASCADE") }) { everything = true; return }
        switch first {
        case "BEGIN", "COMMIT", "END", "START", "SET", "RESET", "INSERT", "UPDATE", "DELETE", "ANALYZE", "SAVEPOINT", "RELEASE":
            return
        case "SELECT":
            // `SELECT pg_catalog.setval('s'::regclass, max(c)) FROM t …`, as a plan writes it (a
            // sequence taking up after a column's values): the sequence and the table. A call of
            // anything else may do anything: everything.
            let calls = tokens.indices.dropLast().filter { tokens[$0 + 1].isSymbol("(") }.compactMap { tokens[$0].identifier }
            guard tokens.count > 5, tokens[1].identifier == "pg_catalog", tokens[2].isSymbol("."), calls.first == "setval",
                  Set(calls).isSubset(of: ["setval", "max", "min"]), tokens[5].kind == .string,
                  let sequence = SQLToken.qualifiedName(in: SQLToken.tokens(of: tokens[5].value), at: 0)?.parts.last,
                  let from = tokens.firstIndex(where: { $0.depth == 0 && $0.isWord("FROM") }), let table = name(tokens, at: from + 1)
            else { everything = true; return }
            relations.formUnion([sequence, table])
        case "CREATE", "ALTER", "DROP":
            var index = 1
            while index < words.count, ["OR", "REPLACE", "UNIQUE", "UNLOGGED", "TEMP", "TEMPORARY", "MATERIALIZED", "CONSTRAINT", "RECURSIVE"].contains(words[index]) {
                index += 1
            }
            guard index < words.count else { everything = true; return }
            let kind = words[index]
            index += 1
            while index < words.count, ["IF", "NOT", "EXISTS", "CONCURRENTLY", "ONLY"].contains(words[index]) { index += 1 }
            switch kind {
            case "TABLE", "VIEW", "INDEX", "SEQUENCE":
                if kind == "INDEX", first == "CREATE" {
                    // CREATE INDEX [name] ON [ONLY] table
                    if let on = words.firstIndex(of: "ON") {
                        if on > index, let name = name(tokens, at: index) { relations.insert(name) }
                        var target = on + 1
                        if target < words.count, words[target] == "ONLY" { target += 1 }
                        guard let table = name(tokens, at: target) else { everything = true; return }
                        relations.insert(table)
                    } else { everything = true }
                    return
                }
                add(names(tokens, from: index, list: first == "DROP"), to: \.relations)
                if first == "ALTER", kind == "TABLE" || kind == "VIEW" || kind == "INDEX" || kind == "SEQUENCE" {
                    // RENAME TO new; the new name is the object after the statement.
                    if let to = words.lastIndex(of: "TO"), words.contains("RENAME"), let new = name(tokens, at: to + 1) {
                        relations.insert(new)
                    }
                    if words.contains("SCHEMA") && words.contains("SET") { everything = true }
                }
                // CREATE TABLE … PARTITION OF parent / INHERITS (parent): the parent changes too.
                if first == "CREATE", kind == "TABLE" {
                    if let of = zip(words.indices, words.dropFirst()).first(where: { words[$0.0] == "PARTITION" && $0.1 == "OF" })?.0,
                       let parent = name(tokens, at: of + 2) {
                        relations.insert(parent)
                    }
                    if let inherits = words.firstIndex(of: "INHERITS") { add(names(tokens, from: inherits + 2, list: true), to: \.relations) }
                }
            case "FUNCTION", "PROCEDURE":
                add(names(tokens, from: index, list: first == "DROP"), to: \.functions)
            case "TYPE", "DOMAIN":
                add(names(tokens, from: index, list: first == "DROP"), to: \.types)
                if first == "ALTER", let to = words.lastIndex(of: "TO"), words.contains("RENAME"), let new = name(tokens, at: to + 1) {
                    types.insert(new)
                }
            case "SCHEMA":
                // A schema renamed renames everything in it: what it reaches is not read.
                if first == "ALTER", words.contains("RENAME") { everything = true; return }
                add(names(tokens, from: index, list: first == "DROP"), to: \.schemas)
            case "PUBLICATION":
                // … name [FOR | ADD | SET | DROP] TABLE a (columns) WHERE (…), b …: the tables, qualified.
                add(names(tokens, from: index, list: first == "DROP"), to: \.publications)
                let tables = PublishedTable.entries(in: text)
                // A table named without its schema is not read: everything.
                if tables.isEmpty, tokens.contains(where: { $0.depth == 0 && $0.isWord("TABLE") }) { everything = true; return }
                for published in tables { relations.insert(published.table.name) }
            case "TRIGGER", "POLICY", "RULE":
                // … name ON table
                guard let on = words.firstIndex(of: "ON"), let table = name(tokens, at: on + 1) else { everything = true; return }
                relations.insert(table)
            default:
                everything = true
            }
        case "REFRESH":
            // REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]: its rows, its indexes.
            guard words.count > 3, words[1] == "MATERIALIZED", words[2] == "VIEW",
                  let view = name(tokens, at: words[3] == "CONCURRENTLY" ? 4 : 3) else { everything = true; return }
            relations.insert(view)
        case "COMMENT":
            // COMMENT ON kind name IS …; COMMENT ON COLUMN t.c; COMMENT ON CONSTRAINT c ON t; TRIGGER/POLICY x ON t.
            guard words.count > 3, words[1] == "ON" else { everything = true; return }
            var index = 2
            if words[index] == "MATERIALIZED" { index += 1 }
            let kind = words[index]
            switch kind {
            case "TABLE", "VIEW", "INDEX", "SEQUENCE":
                if let relation = name(tokens, at: index + 1) { relations.insert(relation) } else { everything = true }
            case "COLUMN":
                let parts = qualified(tokens, at: index + 1)
                guard parts.count >= 2 else { everything = true; return }
                relations.insert(parts[parts.count - 2])
            case "CONSTRAINT", "TRIGGER", "POLICY":
                guard let on = words.lastIndex(of: "ON"), on > index, let table = name(tokens, at: on + 1) else { everything = true; return }
                relations.insert(table)
            case "FUNCTION", "PROCEDURE":
                if let function = name(tokens, at: index + 1) { functions.insert(function) } else { everything = true }
            case "TYPE", "DOMAIN":
                if let type = name(tokens, at: index + 1) { types.insert(type) } else { everything = true }
            case "SCHEMA":
                if let schema = name(tokens, at: index + 1) { schemas.insert(schema) } else { everything = true }
            default:
                everything = true
            }
        case "GRANT", "REVOKE":
            // GRANT … ON [TABLE | SEQUENCE | FUNCTION | SCHEMA | TYPE] names TO …; role grants and ON ALL … IN SCHEMA: everything.
            guard let on = words.firstIndex(of: "ON"), !words.contains("ALL") || !words.contains("IN") else { everything = true; return }
            var index = on + 1
            let kinds = ["TABLE": 0, "SEQUENCE": 0, "VIEW": 0, "FUNCTION": 1, "PROCEDURE": 1, "ROUTINE": 1, "TYPE": 2, "DOMAIN": 2, "SCHEMA": 3]
            var target = 0
            if index < words.count, let kind = kinds[words[index]] { target = kind; index += 1 }
            else if index < words.count, !words[index].isEmpty, ["LANGUAGE", "DATABASE", "TABLESPACE", "FOREIGN", "LARGE", "PARAMETER"].contains(words[index]) {
                everything = true; return
            }
            switch target {
            case 0: add(names(tokens, from: index, list: true), to: \.relations)
            case 1: add(names(tokens, from: index, list: true), to: \.functions)
            case 2: add(names(tokens, from: index, list: true), to: \.types)
            default: add(names(tokens, from: index, list: true), to: \.schemas)
            }
        default:
            everything = true
        }
    }

    /// The last part of the (possibly qualified) name at `index`.
    private func name(_ tokens: [SQLToken], at index: Int) -> String? {
        qualified(tokens, at: index).last
    }

    private func qualified(_ tokens: [SQLToken], at index: Int) -> [String] {
        SQLToken.qualifiedName(in: tokens, at: index)?.parts ?? []
    }

    /// Adds `found` to the set at `path`; nil (no name where one must be) means everything.
    private mutating func add(_ found: [String]?, to path: WritableKeyPath<TouchedObjects, Set<String>>) {
        guard let found else { everything = true; return }
        self[keyPath: path].formUnion(found)
    }

    /// The name at `index`, and with `list` every name after a comma at the same depth
    /// (`DROP TABLE a, b`; a function's argument list is skipped). nil when there is no name.
    private func names(_ tokens: [SQLToken], from index: Int, list: Bool) -> [String]? {
        guard let first = name(tokens, at: index) else { return nil }
        var found = [first]
        guard list else { return found }
        let depth = tokens[index].depth
        var cursor = index + 1
        while cursor < tokens.count {
            let token = tokens[cursor]
            if token.depth == depth, token.kind == .word, !["IF", "EXISTS"].contains(token.value.uppercased()),
               cursor > 0, tokens[cursor - 1].isSymbol(",") {
                if let next = name(tokens, at: cursor) { found.append(next) }
            } else if token.depth < depth || (token.depth == depth && token.kind == .word
                                               && ["TO", "FROM", "RESTRICT", "IS"].contains(token.value.uppercased())) {
                break
            }
            cursor += 1
        }
        return found
    }
}
