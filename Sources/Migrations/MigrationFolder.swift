/// The three folders of a migrations directory, in the order a migration moves through them
/// backwards in time: archived (folded into the consolidated schema), applied, pending.
public enum MigrationFolder: String, CaseIterable, Sendable, Codable, Comparable {
    case archive
    case applied
    case pending

    public static func < (lhs: MigrationFolder, rhs: MigrationFolder) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
