import SQLText

/// A foreign table's definition as the inspection writes it, read into its parts:
/// `CREATE FOREIGN TABLE name (column type [OPTIONS (…)] [NOT NULL] [DEFAULT … | GENERATED …],
/// …, CONSTRAINT name CHECK (…), …) [INHERITS (…)] SERVER s [OPTIONS (…)];` and the statements
/// after it (comments, triggers and their firing state, column grants, what an inherited column
/// has of its own). A partition (`PARTITION OF`) has no columns of its own; its checks and what
/// its columns have of their own are among the statements after. nil for text it cannot read.
struct ForeignTableDefinition {
    struct Column {
        /// Its name as written (quoted where it must be), and as it is.
        var written: String
        var name: String
        var type: String
        var options: [OptionedDefinition.Option] = []
        var notNull = false
        var defaultExpression: String?
        /// `GENERATED ALWAYS AS (…) STORED`, whole.
        var generated: String?
    }

    /// The table's name as written.
    var written: String
    var columns: [Column] = []
    /// Its own checks, in order: their names, as they are and as written, and their
    /// definitions (`CHECK (…)`).
    var checks: [(name: String, written: String, definition: String)] = []
    /// The words between the column list and the options: `INHERITS (…) SERVER s`.
    var words: [String]
    var options: [OptionedDefinition.Option]
    /// The statements after the CREATE, each without its semicolon.
    var statements: [String]

    init?(_ definition: String) {
        guard let all = try? SQLLexer(definition).statements(), let create = all.first?.text,
              create.hasPrefix("CREATE FOREIGN TABLE ") else { return nil }
        let rest = create.dropFirst("CREATE FOREIGN TABLE ".count)
        // The name runs to the first space outside quotes; the column list follows it, or a
        // partition's `PARTITION OF parent FOR VALUES …` (its columns are its parent's).
        var space: String.Index?
        SQLWriting.walk(rest) { index, char, _, quoted in
            if !quoted, char == " " { space = index }
            return space == nil
        }
        guard let space else { return nil }
        written = String(rest[..<space])
        statements = all.dropFirst().map(\.text)
        let after = rest[rest.index(after: space)...]
        if after.hasPrefix("PARTITION OF ") {
            guard let tail = OptionedDefinition(after) else { return nil }
            (words, options) = (tail.words, tail.options)
            return
        }
        guard let group = SQLWriting.parenthesized(after), let tail = OptionedDefinition(after[group.endIndex...].drop { $0 == " " })
        else { return nil }
        (words, options) = (tail.words, tail.options)
        for element in SQLWriting.topLevelList(group.dropFirst().dropLast()) {
            guard let (name, written, rest) = Self.name(Substring(element)) else { return nil }
            if name == "CONSTRAINT", written == "CONSTRAINT" {
                guard let (check, written, definition) = Self.name(rest) else { return nil }
                checks.append((check, written, String(definition)))
            } else {
                guard let column = Self.column(name: name, written: written, rest) else { return nil }
                columns.append(column)
            }
        }
    }

    func column(_ name: String) -> Column? { columns.first { $0.name == name } }

    func check(_ name: String) -> String? { checks.first { $0.name == name }?.definition }

    /// An identifier at the start of `text` (quoted or not) as it is and as written, and what
    /// follows it after one space.
    private static func name(_ text: Substring) -> (name: String, written: String, rest: Substring)? {
        if text.first == "\"" {
            guard let (name, rest) = SQLQuoting.readQuoted(text, quote: "\"") else { return nil }
            let written = text[..<rest.startIndex]
            return (name, String(written), rest.drop { $0 == " " })
        }
        let word = text.prefix { $0 != " " }
        guard !word.isEmpty else { return nil }
        return (String(word), String(word), text[word.endIndex...].drop { $0 == " " })
    }

    /// `type [OPTIONS (…)] [NOT NULL] [DEFAULT … | GENERATED ALWAYS AS (…) STORED]`, in that order.
    private static func column(name: String, written: String, _ text: Substring) -> Column? {
        let markers = [" OPTIONS (", " NOT NULL", " DEFAULT ", " GENERATED ALWAYS AS ("]
        var end = text.endIndex
        SQLWriting.walk(text) { index, _, depth, quoted in
            if !quoted, depth == 0, markers.contains(where: { text[index...].hasPrefix($0) }) { end = index }
            return end == text.endIndex
        }
        var column = Column(written: written, name: name, type: String(text[..<end]))
        var rest = text[end...]
        if rest.hasPrefix(" OPTIONS (") {
            guard let group = SQLWriting.parenthesized(rest.dropFirst(" OPTIONS ".count)),
                  let options = OptionedDefinition.options(group) else { return nil }
            column.options = options
            rest = rest[group.endIndex...]
        }
        if rest.hasPrefix(" NOT NULL") {
            column.notNull = true
            rest = rest.dropFirst(" NOT NULL".count)
        }
        if rest.hasPrefix(" DEFAULT ") {
            column.defaultExpression = String(rest.dropFirst(" DEFAULT ".count))
        } else if rest.hasPrefix(" GENERATED ") {
            column.generated = String(rest.dropFirst())
        } else if !rest.isEmpty {
            return nil
        }
        return column
    }

    /// The statements after the CREATE, by what they are about: what `ForeignTableDDL` changes
    /// one by one.
    struct Extras {
        /// `COMMENT ON subject IS …`, whole, by subject (`COLUMN t.c`, `TRIGGER x ON t`).
        var comments: [String: String] = [:]
        /// `CREATE TRIGGER name …`, by name as written.
        var triggers: [String: String] = [:]
        /// `ALTER FOREIGN TABLE t DISABLE TRIGGER name` (or `ENABLE REPLICA`, `ENABLE ALWAYS`), by trigger.
        var states: [String: String] = [:]
        /// `GRANT p (c) ON TABLE t TO r`, whether it is `WITH GRANT OPTION`, and its column as written.
        var grants: [String: Bool] = [:]
        var grantColumns: [String: String] = [:]
        /// A partition's or a child's `ALTER FOREIGN TABLE t ALTER COLUMN c OPTIONS (…)`: the
        /// options, by column as written (a column declared in the table's list carries its own).
        var columnOptions: [String: [OptionedDefinition.Option]] = [:]
        /// The rest (what an inherited column has of its own besides), compared whole.
        var others: Set<String> = []

        init(_ table: ForeignTableDefinition) {
            let alter = "ALTER FOREIGN TABLE \(table.written) "
            for statement in table.statements {
                if statement.hasPrefix("COMMENT ON "), let subject = Self.before(" IS ", in: statement.dropFirst("COMMENT ON ".count)) {
                    comments[String(subject)] = statement
                } else if let rest = ["CREATE TRIGGER ", "CREATE CONSTRAINT TRIGGER "].first(where: statement.hasPrefix)
                            .map({ statement.dropFirst($0.count) }), let name = Self.before(" ", in: rest) {
                    triggers[String(name)] = statement
                } else if statement.hasPrefix(alter),
                          let state = ["DISABLE TRIGGER ", "ENABLE REPLICA TRIGGER ", "ENABLE ALWAYS TRIGGER "]
                            .first(where: statement.dropFirst(alter.count).hasPrefix) {
                    states[String(statement.dropFirst(alter.count + state.count))] = statement
                } else if statement.hasPrefix("GRANT ") {
                    let grantable = statement.hasSuffix(" WITH GRANT OPTION")
                    let grant = grantable ? String(statement.dropLast(" WITH GRANT OPTION".count)) : statement
                    grants[grant] = grantable
                    if let open = grant.firstIndex(of: "("), let group = SQLWriting.parenthesized(grant[open...]) {
                        grantColumns[grant] = String(group.dropFirst().dropLast())
                    }
                } else if statement.hasPrefix(alter + "ALTER COLUMN "), let (column, options) = Self.columnOptions(statement.dropFirst(alter.count)) {
                    columnOptions[column] = options
                } else {
                    others.insert(statement)
                }
            }
        }

        /// `GRANT p (c) ON TABLE t TO r` taken back: `REVOKE [GRANT OPTION FOR] p (c) ON TABLE t FROM r`.
        static func revoke(_ grant: String, grantOptionOnly: Bool = false) -> String {
            let body = grant.dropFirst("GRANT ".count)
            guard let to = grantee(in: body) else { return "REVOKE " + body }
            return "REVOKE " + (grantOptionOnly ? "GRANT OPTION FOR " : "") + body[..<to] + " FROM " + body[to...].dropFirst(" TO ".count)
        }

        /// `GRANT p (c) ON TABLE t TO r`'s `p` and `r` (`PUBLIC`, or the role's name unquoted).
        static func privilegeAndGrantee(of grant: String) -> (privilege: String, grantee: String)? {
            let body = grant.dropFirst("GRANT ".count)
            guard let to = grantee(in: body), let privilege = before(" (", in: body) else { return nil }
            let role = body[to...].dropFirst(" TO ".count)
            guard role.hasPrefix("\""), role.hasSuffix("\""), role.count >= 2 else { return (String(privilege), String(role)) }
            return (String(privilege), role.dropFirst().dropLast().replacingOccurrences(of: "\"\"", with: "\""))
        }

        /// Where a grant's ` TO role` starts (its last outside quotes and parentheses).
        private static func grantee(in body: Substring) -> String.Index? {
            var to: String.Index?
            SQLWriting.walk(body) { index, _, depth, quoted in
                if !quoted, depth == 0, body[index...].hasPrefix(" TO ") { to = index }
                return true
            }
            return to
        }

        /// `ALTER COLUMN c OPTIONS (…)`'s column as written and its options; nil for any other action.
        private static func columnOptions(_ action: Substring) -> (String, [OptionedDefinition.Option])? {
            let rest = action.dropFirst("ALTER COLUMN ".count)
            let column: Substring
            if rest.first == "\"" {
                guard let (_, after) = SQLQuoting.readQuoted(rest, quote: "\"") else { return nil }
                column = rest[..<after.startIndex]
            } else {
                column = rest.prefix { $0 != " " }
            }
            let tail = rest[column.endIndex...]
            guard tail.hasPrefix(" OPTIONS ("), let group = SQLWriting.parenthesized(tail.dropFirst(" OPTIONS ".count)),
                  group.endIndex == tail.endIndex, let options = OptionedDefinition.options(group) else { return nil }
            return (String(column), options)
        }

        /// The text of `text` before the first `separator` outside quotes and parentheses.
        private static func before(_ separator: String, in text: Substring) -> Substring? {
            var end: String.Index?
            SQLWriting.walk(text) { index, _, depth, quoted in
                if !quoted, depth == 0, text[index...].hasPrefix(separator) { end = index }
                return end == nil
            }
            return end.map { text[..<$0] }
        }
    }
}

