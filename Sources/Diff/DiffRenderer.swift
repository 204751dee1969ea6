import Foundation
import SQLText
import SchemaModel

/// The three forms of a diff report: text for a terminal, JSON for machines,
/// Markdown for a pull-request comment.
public enum DiffRenderer {
    /// `+` added, `-` removed, `~` changed; children indented under their table.
    /// An added or removed object is shown whole: its properties, and a table's
    /// columns, constraints and indexes under it. A changed property of several
    /// lines (a function body, a view definition) is a unified line diff.
    /// With `colour`, green, red and yellow marks (ANSI).
    public static func text(_ diff: SchemaDiff, colour: Bool = false) -> String {
        guard !diff.isEmpty else { return "" }
        var out = ""
        let changedParents = Set(diff.changes.filter { $0.id.parent == nil }.map(\.id))
        for change in diff.changes {
            // Under its table when the table is listed too; on its own otherwise.
            let indent = change.id.parent.map { changedParents.contains($0) } == true ? "  " : ""
            out += text(change, name: change.id.sql, indent: indent, colour: colour)
        }
        out += unmodelledText(diff, colour: colour)
        let counts = ChangeKind.allCases.map { kind in "\(diff.changes.filter { $0.change == kind }.count) \(kind.rawValue)" }
        out += "\n\(diff.changes.count) difference\(diff.changes.count == 1 ? "" : "s"): \(counts.joined(separator: ", "))\n"
        return out
    }

    /// One change: its header, then its properties (and members) indented under it.
    private static func text(_ change: SchemaChange, name: String, indent: String, colour: Bool) -> String {
        let mark = paint(String(change.change.mark), change.change, colour)
        var out = "\(indent)\(mark) \(change.id.kind.displayName) \(name)\n"
        let inner = indent + "    "
        for property in change.properties {
            switch change.change {
            case .changed:
                out += "\(inner)\(property.name):" + changedValue(property, indent: inner + "  ", colour: colour)
            case .added, .removed:
                out += "\(inner)\(property.name):" + block(property.new ?? property.old ?? "", indent: inner + "  ")
            }
        }
        for member in change.members {
            out += text(member, name: SQLQuoting.identifier(member.id.name), indent: indent + "  ", colour: colour)
        }
        return out
    }

    /// ` old → new` on one line; a unified diff under the name when either has several lines.
    private static func changedValue(_ property: SchemaChange.Property, indent: String, colour: Bool) -> String {
        let (old, new) = (property.old ?? "", property.new ?? "")
        guard old.contains("\n") || new.contains("\n") else {
            return " \(display(property.old, other: property.new)) → \(display(property.new, other: property.old))\n"
        }
        return "\n" + LineDiff.unified(old, new).map { line in
            let painted = line.hasPrefix("-") ? paint(line, .removed, colour) : line.hasPrefix("+") ? paint(line, .added, colour) : line
            return indent + painted + "\n"
        }.joined()
    }

    /// ` value` on one line, or the lines of the value indented under the name.
    private static func block(_ value: String, indent: String) -> String {
        guard value.contains("\n") else { return " " + value + "\n" }
        return "\n" + value.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "\n" : indent + $0 + "\n" }.joined()
    }

    /// Objects the model cannot describe, present on one side only.
    static func unmodelledText(_ diff: SchemaDiff, colour: Bool) -> String {
        guard !diff.unmodelledRemoved.isEmpty || !diff.unmodelledAdded.isEmpty else { return "" }
        var out = "objects schemactl does not model, on one side only (their properties are not compared):\n"
        for object in diff.unmodelledRemoved { out += "\(paint("-", .removed, colour)) \(object)\n" }
        for object in diff.unmodelledAdded { out += "\(paint("+", .added, colour)) \(object)\n" }
        return out
    }

    /// The documented JSON form (see README): sorted keys, stable order.
    public static func json(_ diff: SchemaDiff) throws -> Data {
        try ModelJSON.encode(Report(diff))
    }

    public static func markdown(_ diff: SchemaDiff) -> String {
        guard !diff.isEmpty else { return "No schema differences.\n" }
        var out = "### Schema differences (\(diff.changes.count))\n\n"
        if !diff.unmodelledRemoved.isEmpty || !diff.unmodelledAdded.isEmpty {
            out += "Objects schemactl does not model, on one side only:\n\n"
            out += (diff.unmodelledRemoved.map { "- before only: \($0)\n" } + diff.unmodelledAdded.map { "- after only: \($0)\n" })
                .joined() + "\n"
        }
        out += "| | object | property | before | after |\n|---|---|---|---|---|\n"
        var lineDiffs: [(String, String, [String])] = []
        for change in diff.changes.flatMap({ [$0] + $0.members }) {
            let object = "\(change.id.kind.displayName) `\(change.id.sql.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " "))`"
            if change.properties.isEmpty { out += "| \(change.change.mark) | \(object) | | | |\n" }
            for property in change.properties {
                let (old, new) = (property.old ?? "", property.new ?? "")
                if change.change == .changed, old.contains("\n") || new.contains("\n") {
                    // Several lines: a diff under the table, not two whole texts in cells.
                    out += "| \(change.change.mark) | \(object) | \(property.name) | (below) | (below) |\n"
                    lineDiffs.append((object, property.name, LineDiff.unified(old, new)))
                } else {
                    let before = change.change == .changed ? cell(property.old, other: property.new) : cell(property.old)
                    let after = change.change == .changed ? cell(property.new, other: property.old) : cell(property.new)
                    out += "| \(change.change.mark) | \(object) | \(property.name) | \(before) | \(after) |\n"
                }
            }
        }
        for (object, property, lines) in lineDiffs {
            out += "\n\(object), \(property):\n\n```diff\n" + lines.map { $0 + "\n" }.joined() + "```\n"
        }
        return out
    }

    /// The JSON form of a diff, for reports that embed one (drift).
    public struct Report: Encodable, Sendable {
        struct Change: Encodable, Sendable {
            let change: String
            let kind: String
            let object: String
            let parent: String?
            let properties: [SchemaDiff.PropertyChange]
            /// An added or removed table's columns, constraints, indexes, … with it.
            let members: [Change]

            init(_ change: SchemaChange) {
                self.change = change.change.rawValue
                kind = change.id.kind.displayName
                object = change.id.sql
                parent = change.id.parent?.sql
                properties = change.properties
                members = change.members.map(Change.init)
            }
        }
        let equal: Bool
        let changes: [Change]
        /// Objects the model does not represent, on one side only.
        let unmodelledRemoved: [UnmodelledObject]
        let unmodelledAdded: [UnmodelledObject]

        public init(_ diff: SchemaDiff) {
            equal = diff.isEmpty
            unmodelledRemoved = diff.unmodelledRemoved
            unmodelledAdded = diff.unmodelledAdded
            changes = diff.changes.map(Change.init)
        }
    }

    /// A value beside the other side's: a flag's absence reads `false`, any other absence `(none)`.
    private static func display(_ value: String?, other: String?) -> String {
        value ?? (other == "true" ? "false" : "(none)")
    }

    private static func cell(_ value: String?, other: String? = nil) -> String {
        guard let value else { return other == "true" ? "`false`" : "" }
        return "`" + value.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "|", with: "\\|") + "`"
    }

    private static func paint(_ text: String, _ change: ChangeKind, _ colour: Bool) -> String {
        guard colour else { return text }
        let code: String
        switch change {
        case .added: code = "32"
        case .removed: code = "31"
        case .changed: code = "33"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
