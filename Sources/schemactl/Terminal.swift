import Foundation

/// The only place that writes to the terminal.
enum Terminal {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

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
            throw OutputError(path: path, reason: error.localizedDescription)
        }
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("schemactl: " + text + (text.hasSuffix("\n") ? "" : "\n")).utf8))
    }
}

struct OutputError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "\(path): cannot write: \(reason)" }
}
