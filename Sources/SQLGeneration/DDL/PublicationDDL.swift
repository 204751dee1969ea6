import Foundation
import SQLText
import SchemaModel

/// A publication changed in place: `ALTER PUBLICATION … SET` its tables and schemas, and its
/// options. Dropping and creating it again, as for other objects held by their definition,
/// breaks logical replication: a subscriber's walsender decodes with the catalog as it was
/// when each change was written, and a publication made again after those changes is not
/// found there ("publication … does not exist") until the slot has moved past it.
///
/// Made again all the same where no statement reaches: `FOR ALL TABLES` given or taken, or
/// every table and schema taken away (`SET` needs at least one, and `DROP TABLE` would name
/// tables the plan may have dropped or renamed). A table the plan makes again, or whose
/// columns it drops or retypes under the publication's column list or row filter (the server
/// refuses both while the publication names them), is let go of before the drops and given
/// back after (`Planner.Work.publicationTablesAside`): the publication stays.
enum PublicationDDL {
    /// The statements that turn `old` into `new`, or nil when it must be made again.
    /// `givenBack`: tables let go of before the drops (`dropTables`), named again here: by `SET`
    /// when the tables change anyway, else by `ADD TABLE` with the target's lists and filters.
    static func alter(_ old: DefinedObject, _ new: DefinedObject, givenBack: [QualifiedName] = []) -> [Statement]? {
        guard let was = parts(old), let now = parts(new) else { return nil }
        let allTables = "ALL TABLES"
        guard (was.objects == allTables) == (now.objects == allTables), was.objects.isEmpty || !now.objects.isEmpty else { return nil }
        let target = "ALTER PUBLICATION \(SQLQuoting.identifier(new.name))"
        var statements: [Statement] = []
        if was.options != now.options { statements.append(Statement("\(target) SET (\(explicit(now.options, beside: was.options)))")) }
        if was.objects != now.objects, now.objects != allTables {
            statements.append(Statement("\(target) SET \(now.objects)"))
        } else {
            let entries = new.publishedTables.filter { givenBack.contains($0.table) }.map(\.entry)
            if !entries.isEmpty { statements.append(Statement("\(target) ADD TABLE \(entries.joined(separator: ", "))")) }
        }
        return statements
    }

    /// `tables` taken out of `publication` before the drops (`Planner.Work.publicationTablesAside`),
    /// each `ONLY`: bare, the drop reaches its inheritance children, and is refused for one the
    /// publication does not hold.
    static func dropTables(_ tables: [QualifiedName], from publication: ObjectID) -> Statement {
        Statement("ALTER PUBLICATION \(SQLQuoting.identifier(publication.name)) DROP TABLE \(tables.map { "ONLY " + $0.sql }.joined(separator: ", "))")
    }

    /// The definition as the reader writes it (`CREATE PUBLICATION name [FOR ALL TABLES | FOR
    /// objects] WITH (publish = '…'[, publish_via_partition_root = true][, …]);`): what follows
    /// `FOR` ("" for none), and the options.
    private static func parts(_ object: DefinedObject) -> (objects: String, options: String)? {
        let text = object.definition
        // The name as `quote_ident` wrote it: bare, or quoted (a keyword too).
        let heads = [SQLWriting.identPlain(object.name), SQLQuoting.identifier(object.name)].map { "CREATE PUBLICATION " + $0 }
        guard let head = heads.first(where: { text.hasPrefix($0 + " ") }), text.hasSuffix(");"),
              let with = text.range(of: " WITH (publish = '", options: .backwards) else { return nil }
        let objects = text[text.index(text.startIndex, offsetBy: head.count)..<with.lowerBound]
        guard objects.isEmpty || objects.hasPrefix(" FOR ") else { return nil }
        let options = text[text.index(with.lowerBound, offsetBy: " WITH (".count)..<text.index(text.endIndex, offsetBy: -2)]
        return (String(objects.dropFirst(objects.isEmpty ? 0 : " FOR ".count)), String(options))
    }

    /// `options` with every option `old` set and `options` leaves at its default written out:
    /// `SET (…)` changes only the options it names.
    private static func explicit(_ options: String, beside old: String) -> String {
        var written = options
        for (option, byDefault) in [("publish_via_partition_root", "false"), ("publish_generated_columns", "none")]
        where old.contains(option + " = ") && !options.contains(option + " = ") {
            written += ", \(option) = \(byDefault)"
        }
        return written
    }
}
