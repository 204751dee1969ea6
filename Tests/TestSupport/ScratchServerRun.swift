import Foundation

/// `schemactl scratch-server` running in a child process, once it has printed
/// its connection string: what the signal and orphan tests interrupt or kill.
public struct ScratchServerRun {
    public let process: Process
    /// The connection string it printed.
    public let connectionString: String
    /// The server's private folder (`/tmp/schemactl-…`).
    public let folder: String

    public static func start() throws -> ScratchServerRun {
        let process = Process()
        process.executableURL = Products.schemactl
        process.arguments = ["scratch-server"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "/(tmp|dev/shm)/schemactl-[A-Za-z0-9]+", options: .regularExpression) else {
            process.terminate()
            throw ScratchServerRunError(output: text)
        }
        return ScratchServerRun(process: process, connectionString: text, folder: String(text[range]))
    }
}

struct ScratchServerRunError: Error, CustomStringConvertible {
    let output: String
    var description: String { "schemactl scratch-server printed no server folder: \(output)" }
}
