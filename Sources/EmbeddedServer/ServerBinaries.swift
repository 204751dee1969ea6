import Foundation
import PostgresClient

/// Where the PostgreSQL server programs (`initdb`, `postgres`, `pg_dump`) live.
public struct ServerBinaries: Sendable, Equatable {
    public let directory: URL

    public func path(_ program: String) -> String {
        directory.appendingPathComponent(program).path
    }

    /// Finds a folder that holds both `initdb` and `postgres`: `$SCHEMACTL_PG_BINDIR` (and
    /// only it, when set), else `pg_config --bindir`, then `PATH`, then `/usr/lib/postgresql/*/bin` newest
    /// first (Debian keeps the server out of `PATH`).
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ServerBinaries {
        // A folder the user named is the one they mean: one without the server is an error,
        // never a quiet fall back to another major found on the machine.
        if let explicit = environment["SCHEMACTL_PG_BINDIR"], !explicit.isEmpty {
            guard isServerDirectory(explicit) else { throw EmbeddedPostgresError.namedBinariesMissing(explicit) }
            return ServerBinaries(directory: URL(fileURLWithPath: explicit))
        }
        var candidates: [String] = []
        let pathDirectories = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for directory in pathDirectories {
            let pgConfig = directory + "/pg_config"
            if FileManager.default.isExecutableFile(atPath: pgConfig),
               let output = try? Subprocess.run(pgConfig, ["--bindir"]), output.status == 0 {
                candidates.append(output.output.trimmingCharacters(in: .whitespacesAndNewlines))
                break
            }
        }
        candidates.append(contentsOf: pathDirectories)
        candidates.append(contentsOf: debianVersionDirectories())
        for candidate in candidates where isServerDirectory(candidate) {
            return ServerBinaries(directory: URL(fileURLWithPath: candidate))
        }
        throw EmbeddedPostgresError.binariesNotFound(searched: candidates)
    }

    /// The major version of these binaries (`postgres -V`), without starting a server.
    public func majorVersion() throws -> Int {
        let output = try Subprocess.run(path("postgres"), ["-V"]).output
        // "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
        guard let number = output.split(separator: " ").dropFirst(2).first,
              let major = Int(number.split(separator: ".").first ?? "") else {
            throw EmbeddedPostgresError.startFailed("cannot read the version of \(path("postgres")): \(output)", log: "")
        }
        return major
    }

    static func isServerDirectory(_ path: String) -> Bool {
        let manager = FileManager.default
        return manager.isExecutableFile(atPath: path + "/initdb") && manager.isExecutableFile(atPath: path + "/postgres")
    }

    static func debianVersionDirectories() -> [String] {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions
            .sorted { (Double($0) ?? 0) > (Double($1) ?? 0) }
            .map { "\(root)/\($0)/bin" }
    }
}
