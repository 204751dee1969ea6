import ArgumentParser
import Foundation

/// `verify` on the synthetic history (a rollback for each migration) beside a
/// cold replay of the same files: the bound is 3.5×.
struct VerifyBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Time `schemactl verify` on the synthetic history beside a cold replay of it (`inspect --no-cache`)."
    )

    @OptionGroup var history: HistoryOptions

    func run() throws {
        let (root, directory, versions) = try history.write()
        defer { try? FileManager.default.removeItem(atPath: root) }
        print("verify benchmark: \(versions.count) migrations and their rollbacks, \(history.tables) tables, in \(root)")
        let schemactl = Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("schemactl").path
        // The first run also runs initdb for the persistent server: not counted.
        _ = try timeProcess(schemactl, ["inspect", directory, "--output", "/dev/null", "--no-cache"])
        var replays: [Duration] = []
        var verifies: [Duration] = []
        for _ in 1...2 {
            replays.append(try timeProcess(schemactl, ["inspect", directory, "--output", "/dev/null", "--no-cache"]))
            verifies.append(try timeProcess(schemactl, ["verify", "--migrations", directory]))
        }
        let replay = replays.min()!
        let verify = verifies.min()!
        print("  cold replay (inspect DIR --no-cache; runs \(replays.map(format).joined(separator: ", ")))  \(format(replay))")
        print("  verify (every migration and its rollback; runs \(verifies.map(format).joined(separator: ", ")))  \(format(verify))   "
              + String(format: "%.2f", verify.seconds / replay.seconds) + " × the cold replay")
    }
}
