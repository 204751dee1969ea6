import Migrations

/// Why a replay stopped, beyond a file that could not be applied (`MigrationRunError`).
public enum ReplayError: Error, Sendable, CustomStringConvertible {
    /// `DIR@VERSION` names a version the directory does not have.
    case unknownVersion(directory: String, version: String)
    /// A statement needed more than the unprivileged replay role has.
    case needsSuperuser(MigrationRunError, role: String)

    public var description: String {
        switch self {
        case let .unknownVersion(directory, version):
            return "\(directory)@\(version): the directory has no migration \(version)"
        case let .needsSuperuser(underlying, role):
            return underlying.description + "\nschemactl replays migrations as the unprivileged role \(role), so that replayed SQL "
                + "(COPY … TO PROGRAM, an untrusted language) cannot act as the server's operating-system account. If this history "
                + "really needs a superuser, and you trust every file in it, replay with --trusted-sql."
        }
    }
}
