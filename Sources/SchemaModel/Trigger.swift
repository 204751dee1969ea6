/// A user trigger on a table or view.
public struct Trigger: Codable, Hashable, Sendable {
    public var name: String
    /// As `pg_get_triggerdef` gives it.
    public var definition: String
    /// `BEFORE`, `AFTER`, `INSTEAD OF`.
    public var timing: String
    /// `INSERT`, `UPDATE`, `DELETE`, `TRUNCATE`, in that order.
    public var events: [String]
    /// `ROW` or `STATEMENT`.
    public var level: String
    /// `"schema"."function"`.
    public var function: QualifiedName
    public var when: String?
    /// `ORIGIN` (enabled), `DISABLED`, `REPLICA`, `ALWAYS`.
    public var enabled: String
    public var comment: String?

    public init(name: String, definition: String, timing: String, events: [String], level: String, function: QualifiedName,
                when: String? = nil, enabled: String = "ORIGIN", comment: String? = nil) {
        self.name = name
        self.definition = definition
        self.timing = timing
        self.events = events
        self.level = level
        self.function = function
        self.when = when
        self.enabled = enabled
        self.comment = comment
    }
}
