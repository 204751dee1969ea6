import SQLText

/// A call to a function that only an extension provides, before any migration creates that extension.
struct ExtensionFunctionBeforeExtension: LintRule {
    let id = "extension-function-before-extension"
    let severity = LintFinding.Severity.error
    let summary = "A function of an extension (uuid_generate_v4()) used before a migration creates the extension."
    let explanation = """
        A migration that calls uuid_generate_v4() works on every database where someone once ran CREATE EXTENSION \
        "uuid-ossp" by hand, and fails on a new one. The extension must come from the history itself: a migration \
        before this one (or this one, above the call) runs CREATE EXTENSION IF NOT EXISTS. Which functions belong to \
        which extension is read from the server's own extension scripts; functions PostgreSQL ships in pg_catalog \
        (gen_random_uuid() since 13) are not an extension's.
        """

    func check(_ subject: LintSubject) -> [LintFinding] {
        guard !subject.extensionFunctions.isEmpty else { return [] }
        var created = Set(subject.before.extensions.map(\.name))
        let defined = Set(subject.before.functions.map(\.name.name))
        var reported: Set<String> = []
        var findings: [LintFinding] = []
        for statement in subject.file.statements {
            if statement.starts(with: "CREATE", "EXTENSION") {
                let tokens = statement.tokens
                var index = 2
                if StatementReading.begins(tokens[min(index, tokens.count)...], with: "IF", "NOT", "EXISTS") { index += 3 }
                if index < tokens.count, let name = tokens[index].kind == .string ? tokens[index].value : tokens[index].identifier { created.insert(name) }
                continue
            }
            let tokens = statement.tokens
            for (position, token) in tokens.enumerated() where token.kind == .word && position + 1 < tokens.count && tokens[position + 1].isSymbol("(") {
                let name = token.value.lowercased()
                guard let owner = subject.extensionFunctions[name], !created.contains(owner), !subject.builtinFunctions.contains(name),
                      !defined.contains(name), !reported.contains(name) else { continue }
                // The name a CREATE FUNCTION defines is not a call.
                if position > 0, tokens[position - 1].isWord("FUNCTION") || tokens[position - 1].isWord("PROCEDURE") { continue }
                reported.insert(name)
                findings.append(subject.file.finding(self, "\(name)() comes from the extension \(owner), which no migration before this one "
                                                     + "creates: add CREATE EXTENSION IF NOT EXISTS \(SQLQuoting.identifier(owner)) to an earlier migration",
                                                     at: statement, token: token))
            }
        }
        return findings
    }
}
