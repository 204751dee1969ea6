/// One finding of a lint rule, located in a file.
public struct LintFinding: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    public let file: String
    public let line: Int
    public let column: Int
    public let rule: String
    public let severity: Severity
    public let message: String

    public init(file: String, line: Int, column: Int, rule: String, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.rule = rule
        self.severity = severity
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(severity.rawValue) [\(rule)]: \(message)" }
}
