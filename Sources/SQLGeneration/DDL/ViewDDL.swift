import SQLText
import SchemaModel

enum ViewDDL {
    static func keyword(_ view: View) -> String { view.materialized ? "MATERIALIZED VIEW" : "VIEW" }

    /// `pg_get_viewdef`'s text without its closing semicolon.
    static func query(_ view: View) -> String { SQLWriting.trimmedStatement(view.definition) }

    /// The view (`CREATE OR REPLACE`; a materialized view `IF NOT EXISTS` when
    /// guarded) with its column defaults, comments and grants; its indexes and
    /// triggers come with the other members.
    static func create(_ view: View, guarded: Bool) -> [Statement] {
        var sql: String
        if view.materialized {
            sql = "CREATE MATERIALIZED VIEW \(guarded ? "IF NOT EXISTS " : "")\(view.name.sql)"
            if let method = view.accessMethod { sql += " USING \(SQLWriting.ident(method))" }
        } else {
            sql = "CREATE OR REPLACE VIEW \(view.name.sql)"
        }
        if !view.options.isEmpty { sql += " WITH (\(view.options.joined(separator: ", ")))" }
        sql += " AS\n" + query(view)
        if view.materialized, view.withNoData == true { sql += "\nWITH NO DATA" }
        var statements = [Statement(sql)]
        for value in view.columnDefaults {
            statements.append(Statement("ALTER VIEW \(view.name.sql) ALTER COLUMN \(SQLWriting.ident(value.name)) SET DEFAULT \(value.expression)"))
        }
        for comment in view.columnComments {
            statements.append(SQLWriting.comment(on: "COLUMN \(view.name.sql).\(SQLWriting.ident(comment.name))", comment.comment))
        }
        for column in view.columnSettings ?? [] {
            for clause in column.clauses {
                statements.append(Statement("ALTER MATERIALIZED VIEW \(view.name.sql) ALTER COLUMN \(SQLWriting.ident(column.name)) \(clause)"))
            }
        }
        if let comment = view.comment { statements.append(SQLWriting.comment(on: "\(keyword(view)) \(view.name.sql)", comment)) }
        statements += PrivilegeDDL.statements(on: "TABLE \(view.name.sql)", from: [], to: view.privileges)
        for column in view.columnPrivileges {
            statements += PrivilegeDDL.statements(on: "TABLE \(view.name.sql)", from: [], to: column.privileges, column: column.name)
        }
        return statements
    }

    /// `REFRESH MATERIALIZED VIEW`: its query run again over what it reads. `CONCURRENTLY` when
    /// asked and the server allows it (`refreshesConcurrently`): readers of the view go on
    /// reading its old rows meanwhile, where a plain refresh locks them out.
    static func refresh(_ view: View, concurrently: Bool) -> Statement {
        Statement("REFRESH MATERIALIZED VIEW \(concurrently ? "CONCURRENTLY " : "")\(view.name.sql)",
                  hazards: [.fill(view.name)] + (concurrently ? [] : [.accessExclusiveLock(view.name)]))
    }

    /// Whether `index` lets its materialized view refresh `CONCURRENTLY`: the server asks for a
    /// unique index on columns only (no expression), without a WHERE clause, and valid.
    static func refreshesConcurrently(over index: Index) -> Bool {
        index.unique && index.predicate == nil && !index.invalid && !index.keys.isEmpty && index.keys.allSatisfy { key in
            let tokens = SQLToken.tokens(of: key)
            return tokens.count == 1 && tokens[0].identifier != nil
        }
    }

    static func drop(_ view: View) -> Statement {
        Statement("DROP \(keyword(view)) IF EXISTS \(view.name.sql)")
    }

    /// Whether `CREATE OR REPLACE VIEW` turns `old` into `new`: the server refuses a column
    /// renamed, retyped, given another collation, dropped or moved ("cannot change name of view
    /// column"), and takes new columns at the end. Not a materialized view, and not where either
    /// model lacks the columns (read before they were).
    static func replaceable(_ old: View, by new: View) -> Bool {
        guard !old.materialized, !new.materialized, let was = old.columns, let now = new.columns else { return false }
        return now.starts(with: was)
    }

    /// `new`'s own statement, replacing `old`'s query in place (`replaceable`).
    static func replace(_ new: View) -> Statement {
        create(new, guarded: false)[0]
    }
}

enum FunctionDDL {
    static func keyword(_ function: Function) -> String { function.kind == .procedure ? "PROCEDURE" : "FUNCTION" }

    static func target(_ function: Function) -> String { "\(keyword(function)) \(function.signature)" }

    /// `pg_get_functiondef`'s own `CREATE OR REPLACE`, with its comment and grants.
    static func create(_ function: Function) -> [Statement] {
        var statements = [Statement(SQLWriting.trimmedStatement(function.definition))]
        if let comment = function.comment { statements.append(SQLWriting.comment(on: target(function), comment)) }
        statements += PrivilegeDDL.statements(on: function, from: [], to: function.privileges)
        return statements
    }

    static func drop(_ function: Function) -> Statement {
        Statement("DROP \(keyword(function)) IF EXISTS \(function.signature)")
    }
}
