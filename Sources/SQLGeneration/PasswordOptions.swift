import SchemaModel

/// The options that may hold a password (`UnmodelledObject.passwordOption`): never read, so
/// no plan can set them, and the census names each by its key and its object alone. A plan
/// that makes their wrapper, server or foreign table (new, or made again), or that meets one
/// the source has not, says which must be set by hand, as it does for a user mapping made
/// again. One the source has and the target has not is dropped by its key.
enum PasswordOptions {
    /// The object kinds whose options the census may name, as it names them.
    private static let owners: [(kind: ObjectKind, alter: String)] = [
        (.foreignDataWrapper, "FOREIGN DATA WRAPPER"), (.foreignServer, "SERVER"), (.foreignTable, "FOREIGN TABLE"),
    ]

    static func notes(old: DatabaseModel, new: DatabaseModel, created: Set<ObjectID>) -> [String] {
        let options = new.unmodelled.filter { $0.kind == UnmodelledObject.passwordOption }
        guard !options.isEmpty else { return [] }
        let had = Set(old.unmodelled), made = ownerSuffixes(created)
        return options.filter { option in !had.contains(option) || made.contains { option.name.hasSuffix($0) } }.map { option in
            "option \(option.name) is never read (it may hold a password): this plan does not set it; "
                + "set it by hand (OPTIONS (ADD …))"
        }
    }

    /// `ALTER … OPTIONS (DROP key)` for each option of the source's census the target's lacks,
    /// on an object the plan neither drops nor makes again (`gone`). Written before anything
    /// is renamed, under the names the source's census gives; data loss, as no plan can give
    /// the value back. Each runs where the option is there: a database built from the source's
    /// model (the proof's) never had it.
    static func drops(old: DatabaseModel, new: DatabaseModel, gone: Set<ObjectID>) -> [Statement] {
        let kept = Set(new.unmodelled), dropped = ownerSuffixes(gone)
        return old.unmodelled.filter { option in
            option.kind == UnmodelledObject.passwordOption && !kept.contains(option) && !dropped.contains { option.name.hasSuffix($0) }
        }.compactMap { option in
            guard let (key, owner) = leadingIdentifier(option.name), owner.hasPrefix(" of ") else { return nil }
            var target = owner.dropFirst(" of ".count)
            var column: String?
            if target.hasPrefix("column "), let (name, rest) = leadingIdentifier(target.dropFirst("column ".count)), rest.hasPrefix(" of ") {
                column = name
                target = rest.dropFirst(" of ".count)
            }
            guard let kind = owners.first(where: { target.hasPrefix($0.kind.displayName + " ") }) else { return nil }
            let name = String(target.dropFirst(kind.kind.displayName.count + 1))
            let alter = "ALTER \(kind.alter) \(name)" + (column.map { " ALTER COLUMN \($0)" } ?? "") + " OPTIONS (DROP \(key))"
            let holder: String
            switch (kind.kind, column) {
            case (.foreignDataWrapper, _):
                holder = "pg_catalog.pg_foreign_data_wrapper x, pg_catalog.unnest(x.fdwoptions) o WHERE x.fdwname = \(SQLWriting.literal(unquoted(name)))"
            case (.foreignServer, _):
                holder = "pg_catalog.pg_foreign_server x, pg_catalog.unnest(x.srvoptions) o WHERE x.srvname = \(SQLWriting.literal(unquoted(name)))"
            case (_, nil):
                holder = "pg_catalog.pg_foreign_table x, pg_catalog.unnest(x.ftoptions) o WHERE x.ftrelid = \(SQLWriting.literal(name))::pg_catalog.regclass"
            case let (_, column?):
                holder = "pg_catalog.pg_attribute x, pg_catalog.unnest(x.attfdwoptions) o WHERE x.attrelid = \(SQLWriting.literal(name))::pg_catalog.regclass"
                    + " AND x.attname = \(SQLWriting.literal(unquoted(column)))"
            }
            let block = "BEGIN\n    IF EXISTS (SELECT FROM \(holder) AND pg_catalog.split_part(o, '=', 1) = \(SQLWriting.literal(unquoted(key)))) THEN\n"
                + "        \(alter);\n    END IF;\nEND"
            return Statement(SQLWriting.doBlock(block),
                             hazards: [.dataLoss("option \(option.name), never read (it may hold a password)")])
        }
    }

    /// A double-quoted identifier's name.
    private static func unquoted(_ quoted: String) -> String {
        String(quoted.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }

    /// ` of server "s"`, ` of foreign table "public"."t"`: how the census ends the name of an
    /// option of each of `ids` that may have any.
    private static func ownerSuffixes(_ ids: Set<ObjectID>) -> [String] {
        ids.filter { id in owners.contains { $0.kind == id.kind } }.map { " of \($0)" }
    }

    /// The double-quoted identifier `text` starts with (quotes doubled inside), as written, and what follows it.
    private static func leadingIdentifier(_ text: Substring) -> (String, Substring)? {
        guard text.first == "\"" else { return nil }
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            if text[index] == "\"" {
                let next = text.index(after: index)
                guard next < text.endIndex, text[next] == "\"" else { return (String(text[..<next]), text[next...]) }
                index = text.index(after: next)
            } else {
                index = text.index(after: index)
            }
        }
        return nil
    }

    private static func leadingIdentifier(_ text: String) -> (String, Substring)? { leadingIdentifier(Substring(text)) }
}
