import Foundation
import PostgresClient

/// Embedded servers whose schemactl process died without stopping them (SIGKILL,
/// a crash, a machine that lost power while the folder survived).
///
/// Each server's private folder holds an `owner` file: the owning process's id
/// and start time (so a reused pid is not mistaken for the owner), then the data
/// directory. At the first start of an embedded server in a process, every
/// `schemactl-*` folder (in `/dev/shm` or `/tmp`) whose owner is gone has its server stopped and the
/// folder removed. A persistent server's data directory stays; only its lock
/// is released, so the next run can use it again instead of falling back to a
/// temporary server for ever.
enum OrphanedServers {
    private static let swept = SweepOnce()

    static func recordOwner(in folder: String, dataDirectory: String) throws {
        let text = "\(getpid()) \(processStartTime(getpid()) ?? "")\n\(dataDirectory)\n"
        guard FileManager.default.createFile(atPath: folder + "/owner", contents: Data(text.utf8),
                                             attributes: [.posixPermissions: 0o644]) else {
            throw EmbeddedPostgresError.temporaryFolder("cannot write \(folder)/owner")
        }
    }

    static func sweepOnce() {
        swept.run { for root in roots { sweep(root: root) } }
    }

    /// Where embedded servers' folders go: memory (`/dev/shm`) where the system has
    /// enough of it, else `/tmp`. On this project's CI machine, a scratch database
    /// took 385 ms to create on disk and 59 ms in memory, the bulk of proving a small plan.
    static let folderRoot: String = {
        var stats = statvfs()
        let memory = "/dev/shm"
        guard access(memory, W_OK | X_OK) == 0, statvfs(memory, &stats) == 0,
              UInt64(stats.f_bavail) * UInt64(stats.f_frsize) >= 2 << 30 else { return "/tmp" }
        return memory
    }()

    /// Every folder servers may have been put in.
    static var roots: [String] { folderRoot == "/tmp" ? ["/tmp"] : [folderRoot, "/tmp"] }

    /// Stops orphaned servers; returns the folders removed.
    @discardableResult
    static func sweep(root: String = "/tmp") -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        var removed: [String] = []
        for name in names where name.hasPrefix("schemactl-") {
            let folder = root + "/" + name
            guard let text = try? String(contentsOfFile: folder + "/owner", encoding: .utf8) else { continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let owner = lines.first?.split(separator: " ").map(String.init) ?? []
            guard let pidText = owner.first, let pid = pid_t(pidText), lines.count >= 2 else { continue }
            if isAlive(pid), owner.count < 2 || processStartTime(pid) == owner[1] { continue }
            stopPostmaster(dataDirectory: lines[1])
            try? FileManager.default.removeItem(atPath: folder)
            removed.append(folder)
        }
        return removed
    }

    private static func stopPostmaster(dataDirectory: String) {
        guard let text = try? String(contentsOfFile: dataDirectory + "/postmaster.pid", encoding: .utf8),
              let pid = text.split(separator: "\n").first.flatMap({ pid_t($0.trimmingCharacters(in: .whitespaces)) }),
              isAlive(pid), isPostmaster(pid, of: dataDirectory) else { return }
        // Immediate shutdown, then kill: nothing in an embedded server needs to survive.
        for (signalNumber, seconds) in [(SIGQUIT, 3.0), (SIGKILL, 2.0)] {
            kill(pid, signalNumber)
            let deadline = Date().addingTimeInterval(seconds)
            while isAlive(pid), Date() < deadline { usleep(10_000) }
            if !isAlive(pid) { return }
        }
    }

    /// Whether `pid` is a postgres serving `dataDirectory` (not an unrelated process that reused the pid).
    private static func isPostmaster(_ pid: pid_t, of dataDirectory: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return true }
        let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        return arguments.contains(dataDirectory)
    }

    /// Whether `pid` runs (a zombie, dead but not yet reaped by its parent, does not).
    static func isAlive(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return true }
        return text[text.index(after: close)...].split(separator: " ").first != "Z"
    }

    /// Field 22 of /proc/PID/stat (start time in clock ticks since boot); nil where there is no /proc.
    static func processStartTime(_ pid: pid_t) -> String? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After the command name: state is field 3, so start time (22) is index 19.
        return fields.count > 19 ? String(fields[19]) : nil
    }
}

private final class SweepOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false

    func run(_ body: () -> Void) {
        lock.lock(); defer { lock.unlock() }
        guard !done else { return }
        done = true
        body()
    }
}
