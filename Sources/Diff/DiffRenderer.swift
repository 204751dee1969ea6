import Foundation
import SchemaModel

/// The three forms of a diff report: text for a terminal, JSON for machines,
/// Markdown for a pull-request comment.
public enum DiffRenderer {
    /// `+` added, `-` removed, `~` changed; children indented under their table.
    /// With `colour`, green, red and yellow marks (ANSI).
    public static func text(_ diff: SchemaDiff, colour: Bool = false) -> String {
        guard !diff.isEmpty else { return "" }
        var out = ""
        let changedParents = Set(diff.changes.filter { $0.id.parent == nil }.map(\.id))
        for change in diff.changes {
            // Under its table when the table is listed too; on its own otherwise.
            let indent = change.id.parent.map { changedParents.contains($0) } == true ? "  " : ""
            let mark = paint(String(change.change.mark), change.change, colour)
            out += "\(indent)\(mark) \(change.id.kind.displayName) \(change.id.sql)\n"
            for property in change.properties {
                switch change.change {
                case .changed:
                    out += "\(indent)    \(property.name): \(display(property.old)) → \(display(property.new))\n"
                case .added, .removed:
                    break
                }
            }
        }
        out += unmodelledText(diff, colour: colour)
        let counts = ChangeKind.allCases.map { kind in "\(diff.changes.filter { $0.change == kind }.count) \(kind.rawValue)" }
        out += "\n\(diff.changes.count) difference\(diff.changes.count == 1 ? "" : "s"): \(counts.joined(separator: ", "))\n"
        return out
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
        for change in diff.changes {
            let object = "\(change.id.kind.displayName) `\(change.id.sql.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " "))`"
            if change.change == .changed {
                for property in change.properties {
                    out += "| \(change.change.mark) | \(object) | \(property.name) | \(cell(property.old)) | \(cell(property.new)) |\n"
                }
            } else {
                out += "| \(change.change.mark) | \(object) | | | |\n"
            }
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
            changes = diff.changes.map {
                Change(change: $0.change.rawValue, kind: $0.id.kind.displayName, object: $0.id.sql, parent: $0.id.parent?.sql,
                       properties: $0.properties)
            }
        }
    }

    private static func display(_ value: String?) -> String {
        guard let value else { return "(none)" }
        return value.contains("\n") ? "\n" + value.split(separator: "\n").map { "        \($0)" }.joined(separator: "\n") + "\n       " : value
    }

    private static func cell(_ value: String?) -> String {
        guard let value else { return "" }
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
