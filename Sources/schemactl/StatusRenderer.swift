import Migrations

/// The text of `schemactl status`: a table of migrations, then the disagreements.
enum StatusRenderer {
    static func text(_ status: MigrationStatus, directory: MigrationDirectory) -> String {
        let counts = MigrationFolder.allCases.map { folder in
            "\(status.lines.filter { $0.migration.folder == folder }.count) in \(folder.rawValue)/"
        }
        var out = "\(directory.path): \(status.lines.count) migrations (\(counts.joined(separator: ", ")))\n"
        guard !status.lines.isEmpty else { return out }
        let consulted = status.lines.first?.databaseState != nil
        var rows = [["FOLDER", "VERSION", "ROLLBACK"] + (consulted ? ["DATABASE"] : [])]
        for line in status.lines {
            var row = [line.migration.folder.rawValue, line.migration.version, line.migration.rollbackPath == nil ? "missing" : "yes"]
            if let state = line.databaseState { row.append(state.rawValue) }
            rows.append(row)
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        out += "\n"
        for row in rows {
            let padded = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }
            out += "  " + padded.joined(separator: "  ") + "\n"
        }
        if consulted {
            if status.disagreements.isEmpty {
                out += "\nThe directory and the database agree.\n"
            } else {
                out += "\n\(status.disagreements.count) disagreement\(status.disagreements.count == 1 ? "" : "s") with the database:\n"
                out += status.disagreements.map { "  \($0)" }.joined(separator: "\n") + "\n"
            }
        }
        return out
    }
}
