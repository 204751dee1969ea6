import Foundation

/// Which extension each function comes from, read from the server's own
/// extension scripts (`share/extension/NAME--VERSION.sql`): the truth for the
/// server the history replays on, with no list of ours to fall behind it.
public enum ExtensionFunctions {
    /// Function name (lower case) → extension, from the `extension` folder beside `binaries`
    /// (`bin/../share/postgresql/extension`, `bin/../share/extension`, Debian's `/usr/share/postgresql/MAJOR/extension`).
    /// Empty when no such folder is found: the rule that needs it then stays quiet.
    public static func read(binaries: URL, major: Int?) -> [String: String] {
        let parent = binaries.deletingLastPathComponent()
        var candidates = [parent.appendingPathComponent("share/postgresql/extension").path, parent.appendingPathComponent("share/extension").path]
        if let major { candidates.append("/usr/share/postgresql/\(major)/extension") }
        guard let folder = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/plpgsql.control") }),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [:] }
        var owners: [String: String] = [:]
        // Sorted, so that a name two extensions define always maps to the same one. Install
        // scripts only (`name--1.2.sql`): an upgrade script (`name--1.1--1.2.sql`) defines what
        // some install script does, and PostGIS ships 31 MB of them.
        for name in names.sorted() where name.hasSuffix(".sql") && name.components(separatedBy: "--").count == 2 {
            guard let separator = name.range(of: "--"),
                  let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { continue }
            let owner = String(name[..<separator.lowerBound])
            for function in functionNames(in: text) where owners[function] == nil { owners[function] = owner }
        }
        return owners
    }

    /// Names after `CREATE [OR REPLACE] FUNCTION`, without a schema (`@extschema@.`) or quotes.
    /// Read as bytes: Foundation's case-insensitive search, line by line, took 37 s over the
    /// 31 MB of scripts a PostGIS install brings; this takes milliseconds.
    static func functionNames(in script: String) -> [String] {
        let bytes = Array(script.utf8)
        let patterns = [Array("create function ".utf8), Array("create or replace function ".utf8)]
        func matches(_ pattern: [UInt8], at start: Int) -> Bool {
            guard start + pattern.count <= bytes.count else { return false }
            for offset in pattern.indices where bytes[start + offset] | 0x20 != pattern[offset] {
                // A space in the pattern matches a space only (0x20 | 0x20 is itself).
                return false
            }
            return true
        }
        var names: [String] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] | 0x20 == UInt8(ascii: "c"), let pattern = patterns.first(where: { matches($0, at: index) }) else {
                index += 1
                continue
            }
            var end = index + pattern.count
            let start = end
            while end < bytes.count, bytes[end] != UInt8(ascii: "("), bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let rest = String(decoding: bytes[start..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            let bare = rest.split(separator: ".").last.map(String.init) ?? rest
            let name = bare.replacingOccurrences(of: "\"", with: "").lowercased()
            if !name.isEmpty, !name.contains(" ") { names.append(name) }
            index = end
        }
        return names
    }
}
