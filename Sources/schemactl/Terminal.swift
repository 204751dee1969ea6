import Foundation
import PostgresClient
import SchemaModel

/// The only place that writes to the terminal.
enum Terminal {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data(Redaction.scrub(text.hasSuffix("\n") ? text : text + "\n", secrets: secrets).utf8))
    }

    /// Every password this process was given, in its arguments or its environment
    /// (`DATABASE_URL`, `PGPASSWORD`, a variable an environments file names):
    /// masked in everything we print, whatever produced the message.
    static let secrets: [String] = {
        var found = CommandLine.arguments.flatMap { Redaction.secrets(in: $0) }
        for (name, value) in ProcessInfo.processInfo.environment {
            if name == "PGPASSWORD", value.count >= 2 { found.append(value) }
            if value.contains("://") || value.lowercased().contains("password") { found += Redaction.secrets(in: value) }
        }
        return Array(Set(found))
    }()

    /// Writes `data` to `path` atomically (a whole file or none), or to stdout when `path` is nil.
    static func write(_ data: Data, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            // Atomic (write aside, then rename) only for regular files: renaming
            // over a device or a pipe such as /dev/null would replace it.
            var status = stat()
            let special = stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG
            try data.write(to: URL(fileURLWithPath: path), options: special ? [] : .atomic)
        } catch {
            throw OutputError(path: path, reason: OutputError.reason(error))
        }
    }

    static func error(_ text: String) {
        let line = "schemactl: " + text + (text.hasSuffix("\n") ? "" : "\n")
        FileHandle.standardError.write(Data(Redaction.scrub(line, secrets: secrets).utf8))
    }

    /// `warning: SOURCE: 2 objects schemactl does not model: …`, when the model left any out.
    static func warnUnmodelled(_ model: DatabaseModel, source: String? = nil) {
        guard let census = model.unmodelled.census else { return }
        error("warning: " + (source.map { "\($0): " } ?? "") + census)
    }
}

struct OutputError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "\(path): cannot write: \(reason)" }

    /// The operating system's own words (`Permission denied`, `No such file or
    /// directory`, `Read-only file system`), not Foundation's error domain dump.
    static func reason(_ error: Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileWriteNoPermission, .fileReadNoPermission: return "Permission denied"
        case .fileNoSuchFile, .fileReadNoSuchFile: return "No such file or directory"
        case .fileWriteVolumeReadOnly: return "Read-only file system"
        case .fileWriteOutOfSpace: return "No space left on device"
        default: return "could not be written"
        }
    }

    /// Creates `path` and the folders above it, or says why not in those words.
    static func createDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: path, reason: reason(error))
        }
    }
}
