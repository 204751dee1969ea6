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
        // Sorted, so that a name two extensions define always maps to the same one.
        for name in names.sorted() where name.hasSuffix(".sql") {
            guard let separator = name.range(of: "--"),
                  let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { continue }
            let owner = String(name[..<separator.lowerBound])
            for function in functionNames(in: text) where owners[function] == nil { owners[function] = owner }
        }
        return owners
    }

    /// Names after `CREATE [OR REPLACE] FUNCTION`, without a schema (`@extschema@.`) or quotes.
    static func functionNames(in script: String) -> [String] {
        var names: [String] = []
        for line in script.split(separator: "\n") {
            guard let range = line.range(of: "CREATE FUNCTION ", options: .caseInsensitive)
                    ?? line.range(of: "CREATE OR REPLACE FUNCTION ", options: .caseInsensitive) else { continue }
            let rest = line[range.upperBound...].prefix { $0 != "(" }.trimmingCharacters(in: .whitespaces)
            let bare = rest.split(separator: ".").last.map(String.init) ?? rest
            let name = bare.replacingOccurrences(of: "\"", with: "").lowercased()
            if !name.isEmpty, !name.contains(" ") { names.append(name) }
        }
        return names
    }
}
