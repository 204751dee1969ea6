/// `-- schemactl:ignore RULE[, RULE]` silences those rules for the statement
/// that follows the comment (or holds it, at the end of a line); before the
/// first statement it also covers what a rule says of the file as a whole.
/// `-- schemactl:ignore-file RULE` silences a rule in the whole file.
struct Suppressions {
    private var wholeFile: Set<String> = []
    /// Line ranges of statements, with the rules silenced there.
    private var ranges: [(lines: ClosedRange<Int>, rules: Set<String>)] = []

    init(_ file: LintedFile) {
        for (offset, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let marker = line.range(of: "-- schemactl:ignore") else { continue }
            let rest = line[marker.upperBound...]
            let fileWide = rest.hasPrefix("-file")
            let names = rest.dropFirst(fileWide ? 5 : 0)
                .split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" || $0 == "\r" })
                .map(String.init).filter { !$0.isEmpty }
            if fileWide {
                wholeFile.formUnion(names)
                continue
            }
            let lineNumber = offset + 1
            guard let target = file.statements.first(where: { $0.lastLine >= lineNumber }) else { continue }
            let start = target.start == file.statements.first?.start && lineNumber < target.location.line ? 1 : target.location.line
            ranges.append((start...target.lastLine, Set(names)))
        }
    }

    func silences(_ finding: LintFinding) -> Bool {
        wholeFile.contains(finding.rule) || ranges.contains { $0.lines.contains(finding.line) && $0.rules.contains(finding.rule) }
    }
}
