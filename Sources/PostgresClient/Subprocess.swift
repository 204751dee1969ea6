import Foundation

/// Runs a program to completion and captures what it printed (stdout and stderr together).
///
/// Optionally as another system user: PostgreSQL's `initdb` and `postgres`
/// refuse to run as root, so as root we run them as `postgres`.
enum Subprocess {
    struct Output {
        var status: Int32
        var output: String
    }

    static func run(_ executable: String, _ arguments: [String], as user: SystemUser? = nil,
                    currentDirectory: String? = nil) throws -> Output {
        let process = Process()
        let (launcher, launchArguments) = command(executable, arguments, as: user)
        process.executableURL = URL(fileURLWithPath: launcher)
        process.arguments = launchArguments
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
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
