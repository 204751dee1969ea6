import PostgresClient
/// Why the embedded server could not be started.
public enum EmbeddedPostgresError: Error, Sendable, CustomStringConvertible {
    case binariesNotFound(searched: [String])
    case namedBinariesMissing(String)
    case noPostgresUser
    case temporaryFolder(String)
    case initdbFailed(status: Int32, output: String)
    case startFailed(String, log: String)
    case notReady(seconds: Double, log: String)

    public var description: String {
        switch self {
        case let .binariesNotFound(searched):
            return "no PostgreSQL server programs (initdb and postgres) were found; looked in: "
                + searched.joined(separator: ", ")
                + ". Install the server (Debian: apt-get install postgresql; macOS: brew install postgresql), "
                + "set SCHEMACTL_PG_BINDIR to its bin folder, or give a server with --scratch URL."
        case let .namedBinariesMissing(folder):
            return "SCHEMACTL_PG_BINDIR is \(folder), which holds no PostgreSQL server programs (initdb and postgres); "
                + "set it to the server's bin folder, or unset it to search the usual places."
        case .noPostgresUser:
            return "schemactl is running as root, and PostgreSQL refuses to run as root; it would run the embedded "
                + "server as the 'postgres' system user, but there is none. Create it (useradd --system postgres), "
                + "run schemactl as an ordinary user, or give a server with --scratch URL."
        case let .temporaryFolder(message):
            return "could not prepare a private folder for the embedded server: \(message)"
        case let .initdbFailed(status, output):
            return "initdb failed (exit \(status)): \(output.trimmingCharacters(in: .whitespacesAndNewlines))"
        case let .startFailed(message, log):
            return "the embedded PostgreSQL server did not start: \(message)" + Self.tail(log)
        case let .notReady(seconds, log):
            return "the embedded PostgreSQL server did not accept connections within \(Int(seconds)) s" + Self.tail(log)
        }
    }

    private static func tail(_ log: String) -> String {
        let lines = log.split(separator: "\n").suffix(8)
        return lines.isEmpty ? "" : "\nserver log:\n" + lines.joined(separator: "\n")
    }
}
