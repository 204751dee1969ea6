/// A rule of `schemactl lint`: one file per rule under `Rules/`, with its id,
/// its message and the explanation `--explain` prints beside its code.
public protocol LintRule: Sendable {
    /// Short and stable: what `-- schemactl:ignore` and `[lint.ignore]` name.
    var id: String { get }
    var severity: LintFinding.Severity { get }
    /// One line: what the rule finds.
    var summary: String { get }
    /// Why it matters and what to write instead, for `--explain`.
    var explanation: String { get }
    func check(_ subject: LintSubject) -> [LintFinding]
}

extension LintRule {
    public var severity: LintFinding.Severity { .warning }
}
