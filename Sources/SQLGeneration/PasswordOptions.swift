import SQLText
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
            // `"key" of server "s"`, `"key" of column "c" of foreign table "public"."t"`.
            guard let (key, owner) = SQLQuoting.readQuoted(Substring(option.name), quote: "\""), owner.hasPrefix(" of ") else { return nil }
            var target = owner.dropFirst(" of ".count)
            var column: String?
            if target.hasPrefix("column "), let (name, rest) = SQLQuoting.readQuoted(target.dropFirst("column ".count), quote: "\""),
               rest.hasPrefix(" of ") {
                column = name
                target = rest.dropFirst(" of ".count)
            }
            guard let kind = owners.first(where: { target.hasPrefix($0.kind.displayName + " ") }) else { return nil }
            // As the census quotes it: one name, or a foreign table's schema and name.
            let written = String(target.dropFirst(kind.kind.displayName.count + 1))
            let alter = "ALTER \(kind.alter) \(written)" + (column.map { " ALTER COLUMN \(SQLWriting.ident($0))" } ?? "")
                + " OPTIONS (DROP \(SQLWriting.ident(key)))"
            let holder: String
            switch (kind.kind, column) {
            case (.foreignDataWrapper, _), (.foreignServer, _):
                let (catalog, prefix) = kind.kind == .foreignServer ? ("pg_foreign_server", "srv") : ("pg_foreign_data_wrapper", "fdw")
                let name = SQLQuoting.readQuoted(Substring(written), quote: "\"")?.value ?? written
                holder = "pg_catalog.\(catalog) x, pg_catalog.unnest(x.\(prefix)options) o WHERE x.\(prefix)name = \(SQLWriting.literal(name))"
            case (_, nil):
                holder = "pg_catalog.pg_foreign_table x, pg_catalog.unnest(x.ftoptions) o WHERE x.ftrelid = \(SQLWriting.literal(written))::pg_catalog.regclass"
            case let (_, column?):
                holder = "pg_catalog.pg_attribute x, pg_catalog.unnest(x.attfdwoptions) o WHERE x.attrelid = \(SQLWriting.literal(written))::pg_catalog.regclass"
                    + " AND x.attname = \(SQLWriting.literal(column))"
            }
            let present = "EXISTS (SELECT FROM \(holder) AND pg_catalog.split_part(o, '=', 1) = \(SQLWriting.literal(key)))"
            return Statement(SQLWriting.onlyWhere(present, [alter]),
                             hazards: [.dataLoss("option \(option.name), never read (it may hold a password)")])
        }
    }

    /// ` of server "s"`, ` of foreign table "public"."t"`: how the census ends the name of an
    /// option of each of `ids` that may have any.
    private static func ownerSuffixes(_ ids: Set<ObjectID>) -> [String] {
        ids.filter { id in owners.contains { $0.kind == id.kind } }.map { " of \($0)" }
    }
}
