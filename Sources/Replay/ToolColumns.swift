import Migrations
import SchemaModel

extension DatabaseModel {
    /// The model without the columns schemactl itself adds to `schema_versions`
    /// (its `checksum`) where `other` (a replay) does not have them: what the
    /// tool adds to its own table is neither drift nor a difference.
    public func withoutToolColumns(besides other: DatabaseModel) -> DatabaseModel {
        var copy = self
        for index in copy.tables.indices where copy.tables[index].name.name == "schema_versions" {
            let name = copy.tables[index].name
            let theirs = Set(other.tables.first { $0.name == name }?.columns.map(\.name) ?? [])
            copy.tables[index].columns.removeAll { SchemaVersions.toolColumns.contains($0.name) && !theirs.contains($0.name) }
        }
        return copy
    }
}
