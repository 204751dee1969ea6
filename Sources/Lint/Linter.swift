/// Runs every rule on a migration and keeps what its ignore comments do not silence.
public struct Linter: Sendable {
    /// Every rule, in the order `--explain` lists them.
    public static let rules: [any LintRule] = [
        MissingRollback(), NoTransaction(), VersionNotRecorded(), RollbackNotMarked(), MultipleChanges(), JSONBWithoutComment(),
        IndexNotConcurrent(), NotNullWithoutDefault(), ForeignKeyWithoutIndex(), ColumnTypeRewrite(), AddColumnRewrite(), ConstraintWithoutNotValid(),
        DropWithoutIfExists(), ExtensionFunctionBeforeExtension(), RenameUsedByView(), KeyWithoutConcurrentIndex(),
        DropIndexNotConcurrent(), StaleStoredResults(),
    ]

    public static func rule(_ id: String) -> (any LintRule)? { rules.first { $0.id == id } }

    public init() {}

    /// The findings of every rule on `subject`, less those silenced in the files
    /// and `ignored` (rule ids from `[lint.ignore]` of schemactl.toml), in file order.
    public func findings(_ subject: LintSubject, ignoring ignored: Set<String> = []) -> [LintFinding] {
        let suppressions = [subject.file.path: Suppressions(subject.file)]
            .merging(subject.rollback.map { [$0.path: Suppressions($0)] } ?? [:]) { first, _ in first }
        return Self.rules.filter { !ignored.contains($0.id) }
            .flatMap { $0.check(subject) }
            .filter { finding in !(suppressions[finding.file]?.silences(finding) ?? false) }
            .sorted { ($0.file, $0.line, $0.column, $0.rule) < ($1.file, $1.line, $1.column, $1.rule) }
    }
}
