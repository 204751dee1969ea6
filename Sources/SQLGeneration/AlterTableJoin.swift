import SQLText

/// Consecutive `ALTER TABLE` statements on one table, joined into one statement of
/// several actions. The server rewrites or scans a table once per statement: three
/// columns whose types change, one statement each, rewrite a large table three times
/// under its `ACCESS EXCLUSIVE` lock; joined, once (the form PostgreSQL's own
/// documentation gives: `DROP DEFAULT, TYPE …, SET DEFAULT …`). `SET NOT NULL` and a
/// new check join the same scan.
///
/// The server runs one statement's actions pass by pass (tablecmds.c's `AT_PASS_*`:
/// drops, type changes, new columns, `SET NOT NULL`, then defaults and new checks,
/// the checks after the defaults; the same relative order in every supported major),
/// each pass in the written order. So an action joins a statement only when no action
/// already there that it depends on runs in a later pass (`Action.follows`): the same column's existence and type, its
/// default, its NOT NULL; a check after the columns' types and existence; a constraint
/// dropped before anything else (an online plan's check dropped after `SET NOT NULL`
/// has spared its scan stays after it). Anything else (renames, partitions,
/// inheritance, triggers, foreign keys, keys, `VALIDATE`, identity, a guarded or bare
/// statement) stays a statement of its own and ends the run.
enum AlterTableJoin {
    /// `statements` with each run of joinable actions on one table made one statement.
    static func joined(_ statements: [Statement]) -> [Statement] {
        var result: [Statement] = []
        var run: [(statement: Statement, action: Action)] = []
        func flush() {
            if run.count == 1 { result.append(run[0].statement) } else if !run.isEmpty { result.append(join(run)) }
            run = []
        }
        for statement in statements {
            guard let action = Action(statement) else {
                flush()
                result.append(statement)
                continue
            }
            if let first = run.first, first.action.head != action.head || !run.allSatisfy({ action.follows($0.action) }) { flush() }
            run.append((statement, action))
        }
        flush()
        return result
    }

    private static func join(_ run: [(statement: Statement, action: Action)]) -> Statement {
        var statement = run[0].statement
        statement.sql = run[0].action.head + "\n" + run.map { "    " + $0.action.text }.joined(separator: ",\n") + ";"
        // What would be lost first, as a single statement says it.
        let hazards = unique(run.flatMap(\.statement.hazards))
        statement.hazards = hazards.filter(\.isDataLoss) + hazards.filter { !$0.isDataLoss }
        statement.notes = unique(run.flatMap(\.statement.notes))
        return statement
    }

    private static func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen: Set<T> = []
        return items.filter { seen.insert($0).inserted }
    }

    /// One joinable action: `ALTER TABLE [ONLY] "s"."t"` (`head`), the action's text without
    /// the semicolon, what it acts on, and its pass.
    struct Action {
        enum Aspect { case existence, type, defaultValue, notNull, check, droppedConstraint }

        let head: String
        let text: String
        /// The column acted on; nil for a constraint.
        let column: String?
        let aspect: Aspect
        /// The order of tablecmds.c's passes: 0 drops (a column, a constraint, a default, a
        /// NOT NULL), 1 type changes, 2 new columns, 3 `SET NOT NULL`, 4 defaults, 5 new checks
        /// (examined in their own earlier pass, and queued there behind the defaults).
        let pass: Int

        init?(_ statement: Statement) {
            guard !statement.outsideTransaction, statement.guardBlock == nil, statement.sql.hasPrefix("ALTER TABLE ") else { return nil }
            var rest = statement.sql.dropFirst("ALTER TABLE ".count)
            if rest.hasPrefix("ONLY ") { rest = rest.dropFirst("ONLY ".count) }
            // The table: one or two quoted names (the writer quotes every name).
            guard let (_, afterFirst) = SQLQuoting.readQuoted(rest, quote: "\"") else { return nil }
            rest = afterFirst
            if rest.hasPrefix("."), let (_, afterSecond) = SQLQuoting.readQuoted(rest.dropFirst(), quote: "\"") { rest = afterSecond }
            guard rest.hasPrefix(" "), statement.sql.hasSuffix(";") else { return nil }
            let action = rest.dropFirst().dropLast()
            guard let (column, aspect, pass) = Self.read(action) else { return nil }
            head = String(statement.sql[..<rest.startIndex])
            text = String(action)
            (self.column, self.aspect, self.pass) = (column, aspect, pass)
        }

        /// Whether this action, written after `earlier`, may run in its own pass whatever
        /// `earlier`'s: it does not depend on `earlier`, or its pass is not before it.
        func follows(_ earlier: Action) -> Bool {
            // The server refuses a second type change of one column in one statement
            // ("cannot alter type of column … twice"), whatever the order.
            if aspect == .type, earlier.aspect == .type, column == earlier.column { return false }
            return pass >= earlier.pass || !dependsOn(earlier)
        }

        private func dependsOn(_ other: Action) -> Bool {
            let aspects: Set<Aspect> = [aspect, other.aspect]
            if aspects.contains(.droppedConstraint) { return true }
            if aspects.contains(.check) { return aspects.contains(.existence) || aspects.contains(.type) || aspects == [.check] }
            guard column == other.column else { return false }
            return aspects.count == 1 || aspects.contains(.existence) || aspects == [.type, .defaultValue]
        }

        private static func read(_ action: Substring) -> (column: String?, aspect: Aspect, pass: Int)? {
            for (prefix, aspect, pass) in [("DROP COLUMN IF EXISTS ", Aspect.existence, 0), ("DROP COLUMN ", .existence, 0), ("ADD COLUMN ", .existence, 2)] {
                if action.hasPrefix(prefix), let (column, _) = SQLQuoting.readQuoted(action.dropFirst(prefix.count), quote: "\"") {
                    return (column, aspect, pass)
                }
            }
            if action.hasPrefix("DROP CONSTRAINT ") { return (nil, .droppedConstraint, 0) }
            if action.hasPrefix("ADD CONSTRAINT ") {
                guard let (_, rest) = SQLQuoting.readQuoted(action.dropFirst("ADD CONSTRAINT ".count), quote: "\""),
                      rest.hasPrefix(" CHECK ") else { return nil }
                return (nil, .check, 5)
            }
            guard action.hasPrefix("ALTER COLUMN "),
                  let (column, rest) = SQLQuoting.readQuoted(action.dropFirst("ALTER COLUMN ".count), quote: "\"") else { return nil }
            if rest.hasPrefix(" TYPE ") { return (column, .type, 1) }
            if rest.hasPrefix(" SET DEFAULT ") { return (column, .defaultValue, 4) }
            switch rest {
            case " DROP DEFAULT": return (column, .defaultValue, 0)
            case " DROP NOT NULL": return (column, .notNull, 0)
            case " SET NOT NULL": return (column, .notNull, 3)
            default: return nil
            }
        }
    }
}
