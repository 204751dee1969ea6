/// How an object differs between two models: the marks of `schemactl diff`'s text output.
public enum ChangeKind: String, Sendable, Codable, Hashable, CaseIterable {
    case added
    case removed
    case changed

    /// `+`, `-`, `~`.
    public var mark: Character {
        switch self {
        case .added: return "+"
        case .removed: return "-"
        case .changed: return "~"
        }
    }
}
