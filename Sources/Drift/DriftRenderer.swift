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

    /// One cell per pair of environments: which differ, and how.
    public struct Matrix: Sendable {
        public let names: [String]
        /// For each pair i < j, the diff from names[i] to names[j].
        public let pairs: [(from: Int, to: Int, diff: SchemaDiff)]
        public var differs: Bool { pairs.contains { !$0.diff.isEmpty } }

        public init(_ models: [(String, DatabaseModel)], flattener: ModelFlattener) {
            names = models.map(\.0)
            var pairs: [(Int, Int, SchemaDiff)] = []
            for i in models.indices {
                for j in models.indices where i < j {
                    pairs.append((i, j, SchemaDiff(from: models[i].1, to: models[j].1, flattener: flattener)))
                }
            }
            self.pairs = pairs
        }
    }

    /// Which pairs of environments differ, then the differences of each pair.
    public static func matrix(_ matrix: Matrix) -> String {
        let count = { (i: Int, j: Int) -> String in
            guard let pair = matrix.pairs.first(where: { ($0.from, $0.to) == (min(i, j), max(i, j)) }) else { return "·" }
            return pair.diff.isEmpty ? "=" : "≠ \(pair.diff.changes.count)"
        }
        var rows = [[""] + matrix.names]
        for i in matrix.names.indices {
            rows.append([matrix.names[i]] + matrix.names.indices.map { j in i == j ? "·" : count(i, j) })
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        let table = rows.map { row in
            row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n")
        var details = ""
        for pair in matrix.pairs where !pair.diff.isEmpty {
            details += "\n\(matrix.names[pair.from]) → \(matrix.names[pair.to]):\n" + DiffRenderer.text(pair.diff)
        }
        return table + "\n" + details
    }

    /// An environment that could not be checked, in the text report.
    public static func failure(environment: String, message: String) -> String {
        "\(environment): ERROR, not checked\n" + message.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "  \($0)" }.joined(separator: "\n") + "\n"
    }

    /// One environment's outcome: a report, or why it could not be checked.
    public enum Outcome: Sendable {
        case checked(DriftReport)
        case failed(environment: String, message: String)
    }

    struct JSONReport: Encodable {
        struct Environment: Encodable {
            let name: String
            /// "no drift", "drifted" or "error".
            let status: String
            let error: String?
            let drifted: Bool
            let noSchemaVersions: Bool
            let unknownVersions: [String]
            let notApplied: [String]
            let rolledBack: [String]
            let changedFiles: [String]
            let differences: Int
            /// The schema differences, as `schemactl diff --format json` gives them.
            let diff: DiffRenderer.Report?
        }
        struct Pair: Encodable {
            let from: String
            let to: String
            let diff: DiffRenderer.Report
        }
        let environments: [Environment]
        let drifted: Bool
        let errors: Int
        let matrix: [Pair]?
    }

    public static func json(_ outcomes: [Outcome], matrix: Matrix? = nil) throws -> Data {
        let environments = outcomes.map { outcome -> JSONReport.Environment in
            switch outcome {
            case let .checked(report):
                return .init(name: report.environment, status: report.hasDrifted ? "drifted" : "no drift", error: nil,
                             drifted: report.hasDrifted, noSchemaVersions: report.noSchemaVersions,
                             unknownVersions: report.unknownVersions, notApplied: report.notApplied, rolledBack: report.rolledBack,
                             changedFiles: report.changedFiles, differences: report.diff.changes.count,
                             diff: DiffRenderer.Report(report.diff))
            case let .failed(environment, message):
                return .init(name: environment, status: "error", error: message, drifted: false, noSchemaVersions: false,
                             unknownVersions: [], notApplied: [], rolledBack: [], changedFiles: [], differences: 0, diff: nil)
            }
        }
        let pairs = matrix.map { matrix in
            matrix.pairs.map { JSONReport.Pair(from: matrix.names[$0.from], to: matrix.names[$0.to], diff: DiffRenderer.Report($0.diff)) }
        }
        return try ModelJSON.encode(JSONReport(environments: environments,
                                               drifted: environments.contains { $0.drifted } || matrix?.differs == true,
                                               errors: environments.filter { $0.status == "error" }.count, matrix: pairs))
    }
}
