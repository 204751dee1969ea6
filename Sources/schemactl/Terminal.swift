import Foundation

/// The only place that writes to the terminal.
enum Terminal {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("schemactl: " + text + (text.hasSuffix("\n") ? "" : "\n")).utf8))
    }
}
