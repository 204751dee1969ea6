import Diff
import Foundation
import SchemaModel

/// The report of `schemactl drift`, for people and for machines.
public enum DriftRenderer {
    public static func text(_ reports: [DriftReport], colour: Bool = false) -> String {
        var out = ""
        for report in reports {
            out += "\(report.environment): \(report.hasDrifted ? "DRIFTED" : "no drift")\n"
            if report.noSchemaVersions {
                out += "  it has no schema_versions table: it was never migrated with this directory\n"
            }
            if !report.diff.isEmpty {
                out += "  schema differences (what its migrations give → what it has):\n"
                out += DiffRenderer.text(report.diff, colour: colour).split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? "" : "    \($0)" }.joined(separator: "\n")
            }
            if !report.unknownVersions.isEmpty {
                out += "  versions active here that the directory does not have: \(report.unknownVersions.joined(separator: ", "))\n"
            }
            if !report.notApplied.isEmpty {
                out += "  in archive/ or applied/ but never run here: \(report.notApplied.joined(separator: ", "))\n"
            }
            if !report.changedFiles.isEmpty {
                out += "  changed since applied (checksum differs): \(report.changedFiles.joined(separator: ", "))\n"
            }
            if !report.rolledBack.isEmpty {
                out += "  rolled back here: \(report.rolledBack.joined(separator: ", "))\n"
            }
        }
        return out
    }

    /// Which pairs of environments differ, then the differences of each pair.
    public static func matrix(_ models: [(String, DatabaseModel)], flattener: ModelFlattener) -> (text: String, differs: Bool) {
        var rows = [[""] + models.map(\.0)]
        var details = ""
        var differs = false
        for (i, left) in models.enumerated() {
            var row = [left.0]
            for (j, right) in models.enumerated() {
                if i == j { row.append("·"); continue }
                let diff = SchemaDiff(from: left.1, to: right.1, flattener: flattener)
                row.append(diff.isEmpty ? "=" : "≠ \(diff.changes.count)")
                if i < j, !diff.isEmpty {
                    differs = true
                    details += "\n\(left.0) → \(right.0):\n" + DiffRenderer.text(diff)
                }
            }
            rows.append(row)
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        let table = rows.map { row in
            row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n")
        return (table + "\n" + details, differs)
    }

    struct JSONReport: Encodable {
        struct Environment: Encodable {
            let name: String
            let drifted: Bool
            let noSchemaVersions: Bool
            let unknownVersions: [String]
            let notApplied: [String]
            let rolledBack: [String]
            let changedFiles: [String]
            let differences: Int
        }
        let environments: [Environment]
    }

    public static func json(_ reports: [DriftReport]) throws -> Data {
        try ModelJSON.encode(JSONReport(environments: reports.map {
            .init(name: $0.environment, drifted: $0.hasDrifted, noSchemaVersions: $0.noSchemaVersions,
                  unknownVersions: $0.unknownVersions, notApplied: $0.notApplied, rolledBack: $0.rolledBack,
                  changedFiles: $0.changedFiles, differences: $0.diff.changes.count)
        }))
    }
}
