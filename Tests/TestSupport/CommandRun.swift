import Foundation

/// The result of running the `schemactl` binary.
public struct CommandRun: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
    /// The signal that ended the process, when one did (it then ran no handler of its own).
    public var killedBy: Int32? = nil
    /// The process's id, by which what it left behind (a server folder's owner file) is told from another run's.
    public var pid: Int32 = 0

    /// Runs `schemactl` with `arguments` in `directory`, with `environment` added to ours.
    /// `signal`: sent to the process (not its group) `after` seconds, as `kill -INT pid` would.
    /// `removing`: variables of ours the child must not inherit.
    public static func schemactl(_ arguments: [String], in directory: String? = nil,
                                 environment: [String: String] = [:], removing: [String] = [],
                                 signal: (number: Int32, after: Double)? = nil) throws -> CommandRun {
        try program(Products.schemactl.path, arguments, in: directory, environment: environment, removing: removing, signal: signal)
    }

    /// Runs any program the same way (`git` for the tests of `verify --changed`).
    public static func program(_ executable: String, _ arguments: [String], in directory: String? = nil,
                               environment: [String: String] = [:], removing: [String] = [],
                               signal: (number: Int32, after: Double)? = nil) throws -> CommandRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var inherited = ProcessInfo.processInfo.environment
        for name in removing { inherited.removeValue(forKey: name) }
        // Models of the tests' databases go to a folder of this test process, not the user's ~/.cache.
        if inherited["SCHEMACTL_CACHE_DIR"] == nil { inherited["SCHEMACTL_CACHE_DIR"] = testCacheFolder }
        process.environment = inherited.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        if let signal {
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + signal.after) { kill(pid, signal.number) }
        }
        // Read stderr on another thread so neither pipe can fill up and block the child.
        let errorBox = DataBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorBox.data = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CommandRun(status: process.terminationStatus,
                          stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errorBox.data, as: UTF8.self),
                          killedBy: process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil,
                          pid: process.processIdentifier)
    }
}

/// Where the `schemactl` runs of this test process keep live databases' models.
private let testCacheFolder = NSTemporaryDirectory() + "schemactl-test-cache-\(ProcessInfo.processInfo.processIdentifier)"

private final class DataBox: @unchecked Sendable {
    var data = Data()
}
