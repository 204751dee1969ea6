import Foundation

/// Runs a program to completion and captures what it printed (stdout and stderr together).
///
/// Optionally as another system user: PostgreSQL's `initdb` and `postgres`
/// refuse to run as root, so as root we run them as `postgres`.
///
/// posix_spawn and waitpid rather than Foundation's `Process`: on Linux
/// `Process.waitUntilExit` polls in 0.05–0.1 s steps, and `pg_config --bindir`
/// runs on every replay, where a cache hit must take well under 0.2 s.
public enum Subprocess {
    public struct Output: Sendable {
        public var status: Int32
        public var output: String
    }

    /// `startup`: the start of an embedded server this program is part of; an
    /// interrupt then kills the program too (see `StartupGuard`).
    public static func run(_ executable: String, _ arguments: [String]) throws -> Output {
        try run(executable, arguments, as: nil)
    }

    /// Runs `executable` with its output thrown away; its exit code (128 + n for a signal).
    /// For timing a program without reading what it prints (the benchmarks).
    public static func status(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let pid = try launch(executable, arguments, as: nil, currentDirectory: nil, startup: nil) { actions in
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return exitCode(status)
    }

    static func run(_ executable: String, _ arguments: [String], as user: SystemUser?,
                    currentDirectory: String? = nil, startup: StartupGuard? = nil) throws -> Output {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw SubprocessError(program: executable, code: errno) }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        let pid: pid_t
        do {
            pid = try launch(executable, arguments, as: user, currentDirectory: currentDirectory, startup: startup) { actions in
                posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
                posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
                posix_spawn_file_actions_addclose(&actions, readEnd)
                posix_spawn_file_actions_addclose(&actions, writeEnd)
            }
        } catch {
            close(writeEnd)
            close(readEnd)
            throw error
        }
        close(writeEnd)
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if count > 0 { data.append(contentsOf: buffer[0..<count]); continue }
            if count < 0 && errno == EINTR { continue }
            break
        }
        close(readEnd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return Output(status: exitCode(status), output: String(decoding: data, as: UTF8.self))
    }

    /// Starts `executable` in the background, its output appended to `logPath`,
    /// in its own process group: a Ctrl-C at the terminal reaches schemactl, which
    /// stops the server in order, and not the server directly (a server killed
    /// under a running query made schemactl blame it for "terminating abnormally").
    static func spawn(_ executable: String, _ arguments: [String], as user: SystemUser?, currentDirectory: String,
                      logPath: String, startup: StartupGuard? = nil) throws -> ChildProcess {
        let pid = try launch(executable, arguments, as: user, currentDirectory: currentDirectory, startup: startup) { actions in
            posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_APPEND | O_CREAT, 0o600)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        return ChildProcess(pid: pid)
    }

    /// Spawns `executable` (as `user`, in `currentDirectory`, in a process group
    /// of its own, stdin from /dev/null), with `outputs` setting up its other descriptors.
    private static func launch(_ executable: String, _ arguments: [String], as user: SystemUser?, currentDirectory: String?,
                               startup: StartupGuard?, outputs: (inout posix_spawn_file_actions_t) -> Void) throws -> pid_t {
        var (launcher, launchArguments) = command(executable, arguments, as: user)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        outputs(&actions)
        if let currentDirectory {
            if let addChdir = addChdir {
                _ = addChdir(&actions, currentDirectory)
            } else {
                launchArguments = ["-c", "cd \"$0\" && exec \"$@\"", currentDirectory, launcher] + launchArguments
                launcher = "/bin/sh"
            }
        }
        let argv = ([launcher] + launchArguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        var attributes = ownProcessGroup()
        defer { posix_spawnattr_destroy(&attributes) }
        var code: Int32 = 0
        let started = try StartupGuard.launch(in: startup) {
            code = posix_spawn(&pid, launcher, &actions, &attributes, argv, environ)
            return code == 0 ? pid : nil
        }
        guard started else { throw SubprocessError(program: launcher, code: code) }
        return pid
    }

    /// Spawn attributes that put the child in a process group of its own.
    private static func ownProcessGroup() -> posix_spawnattr_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        return attributes
    }

    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    /// glibc 2.29+ and macOS have it, but Swift's Glibc module does not declare it.
    private static let addChdir: AddChdir? = {
        #if canImport(Glibc)
        let everywhere = UnsafeMutableRawPointer(bitPattern: 0) // RTLD_DEFAULT
        #else
        let everywhere = UnsafeMutableRawPointer(bitPattern: -2) // RTLD_DEFAULT
        #endif
        guard let symbol = dlsym(everywhere, "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    /// The exit code, or 128 + the signal number for a program killed by a signal (as shells report it).
    static func exitCode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// The launcher and arguments that run `executable` as `user` (or as ourselves).
    static func command(_ executable: String, _ arguments: [String], as user: SystemUser?) -> (String, [String]) {
        guard let user else { return (executable, arguments) }
        // setpriv replaces itself with the program (no extra process between us
        // and the server); runuser is the fallback where util-linux is older.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") {
            return ("/usr/bin/setpriv", ["--reuid=\(user.uid)", "--regid=\(user.gid)", "--init-groups", "--", executable] + arguments)
        }
        return ("/usr/sbin/runuser", ["-u", user.name, "--", executable] + arguments)
    }
}

/// A program started in the background; reaped by whoever asks whether it still runs.
final class ChildProcess: @unchecked Sendable {
    let processIdentifier: pid_t
    private let lock = NSLock()
    private var status: Int32?

    init(pid: pid_t) { processIdentifier = pid }

    var isRunning: Bool {
        lock.lock(); defer { lock.unlock() }
        if status != nil { return false }
        var raw: Int32 = 0
        let result = waitpid(processIdentifier, &raw, WNOHANG)
        if result == processIdentifier { status = Subprocess.exitCode(raw); return false }
        if result < 0 && errno == ECHILD { status = -1; return false }
        return true
    }

    /// The exit code once it has ended (128 + n for a signal), else nil.
    var terminationStatus: Int32? {
        _ = isRunning
        lock.lock(); defer { lock.unlock() }
        return status
    }
}

/// A program that could not be started at all.
struct SubprocessError: Error, CustomStringConvertible {
    var program: String
    var code: Int32
    var description: String { "cannot start \(program): \(String(cString: strerror(code)))" }
}

/// A system account, from the password database.
struct SystemUser: Sendable {
    var name: String
    var uid: uid_t
    var gid: gid_t

    static func named(_ name: String) -> SystemUser? {
        guard let entry = getpwnam(name) else { return nil }
        return SystemUser(name: name, uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
    }
}
