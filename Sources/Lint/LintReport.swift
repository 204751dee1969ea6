import Foundation

/// Lint findings written for a reader: a terminal, a program, a code-scanning
/// service (SARIF 2.1.0) or a GitHub Actions log (workflow commands). Each
/// output is deterministic: the same findings give the same bytes.
public enum LintReport {
    public enum Format: String, CaseIterable, Sendable {
        case text, json, sarif, github
    }

    public static func render(_ findings: [LintFinding], linted: Int, as format: Format) -> String {
        switch format {
        case .text:
            let summary = "\(linted) migration\(linted == 1 ? "" : "s") linted: "
                + (findings.isEmpty ? "no finding" : "\(findings.count) finding\(findings.count == 1 ? "" : "s")")
            return (findings.map(\.description) + [summary]).joined(separator: "\n")
        case .json:
            return json(["linted": linted, "findings": findings.map { finding -> [String: Any] in
                ["file": finding.file, "line": finding.line, "column": finding.column, "rule": finding.rule,
                 "severity": finding.severity.rawValue, "message": finding.message]
            }])
        case .sarif:
            return sarif(findings)
        case .github:
            return findings.map { finding in
                "::\(finding.severity == .error ? "error" : "warning") file=\(property(finding.file)),line=\(finding.line),"
                    + "col=\(finding.column),title=\(property(finding.rule))::\(data(finding.message))"
            }.joined(separator: "\n")
        }
    }

    /// SARIF 2.1.0: one run, every rule described (so a finding's rule index and
    /// help text resolve), each result located by a path relative to the working directory.
    static func sarif(_ findings: [LintFinding]) -> String {
        let rules = Linter.rules
        let descriptors = rules.map { rule -> [String: Any] in
            ["id": rule.id, "name": rule.id, "shortDescription": ["text": rule.summary], "fullDescription": ["text": rule.explanation],
             "help": ["text": rule.explanation], "defaultConfiguration": ["level": rule.severity == .error ? "error" : "warning"]]
        }
        let results = findings.map { finding -> [String: Any] in
            var result: [String: Any] = [
                "ruleId": finding.rule, "level": finding.severity == .error ? "error" : "warning", "message": ["text": finding.message],
                "locations": [["physicalLocation": ["artifactLocation": ["uri": relative(finding.file)],
                                                    "region": ["startLine": finding.line, "startColumn": finding.column]]]],
            ]
            if let index = rules.firstIndex(where: { $0.id == finding.rule }) { result["ruleIndex"] = index }
            return result
        }
        return json(["$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
                     "runs": [["tool": ["driver": ["name": "schemactl", "informationUri": "https://github.com/schemactl/schemactl",
                                                   "rules": descriptors]],
                               "results": results]]])
    }

    private static func json(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// A path as SARIF wants it: relative to the working directory when under it, with `/` separators.
    private static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return absolute.hasPrefix(cwd) ? String(absolute.dropFirst(cwd.count)) : absolute
    }

    /// Workflow-command escaping of a message (`%`, CR, LF).
    private static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// … and of a property value, which also may not hold `:` or `,`.
    private static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
