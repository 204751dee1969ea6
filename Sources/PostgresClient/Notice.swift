/// A NOTICE, WARNING or INFO message the server sent while running a statement.
///
/// Collected on the connection instead of printed (libpq's default prints them
/// to stderr), so the caller decides whether a person sees them.
public struct Notice: Sendable, Equatable {
    public var severity: String
    public var sqlState: String
    public var message: String
    public var detail: String?
    public var hint: String?
}
