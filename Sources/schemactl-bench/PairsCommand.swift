import ArgumentParser
import EmbeddedServer
import Foundation

/// Pairs of whole schemas, each planned and proved both ways by the `schemactl` binary as a
/// user runs it (`diff a.sql b.sql --format sql --allow-destructive`): how many hold, and the
/// first line of each failure. The pairs under `Tests/Corpus/pairs` are changes PostgreSQL
/// refuses done naively; those a fix came with are also pair fixtures the tests prove.
struct PairsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pairs",
        abstract: "Prove the plan between each pair of schemas in FILES (=== name, --- a, --- b), both ways, with the schemactl binary."
    )

    @Argument(help: "Files of pairs: `=== name`, then `--- a` and `--- b`, each followed by a whole schema.")
    var files: [String]

    @Option(name: .customLong("with"), parsing: .singleValue, help: "An option added to each diff (--trusted-sql, --online).")
    var with: [String] = []

    struct Pair {
        var name: String
        var a: String
        var b: String
    }

    /// Each pair from a line `=== name` to the next such line: a `=== ` inside a line (an
    /// operator of that name in the SQL) starts none.
    static func pairs(in text: String) -> [Pair] {
        ("\n" + text).components(separatedBy: "\n=== ").dropFirst().compactMap { block in
            guard let newline = block.firstIndex(of: "\n") else { return nil }
            let name = block[..<newline].trimmingCharacters(in: .whitespaces)
            let parts = block[newline...].components(separatedBy: "--- b\n")
            guard parts.count == 2, let a = parts[0].components(separatedBy: "--- a\n").last else { return nil }
            return Pair(name: name, a: a, b: parts[1])
        }
    }

    func run() throws {
        let schemactl = Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("schemactl").path
        let folder = NSTemporaryDirectory() + "schemactl-pairs-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var (held, failed) = (0, 0)
        let clock = ContinuousClock()
        let start = clock.now
        for file in files {
            for pair in Self.pairs(in: try String(contentsOfFile: file, encoding: .utf8)) {
                let directory = folder + "/" + pair.name
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                try pair.a.write(toFile: directory + "/a.sql", atomically: true, encoding: .utf8)
                try pair.b.write(toFile: directory + "/b.sql", atomically: true, encoding: .utf8)
                var failures: [String] = []
                for (label, from, to) in [("a→b", "a.sql", "b.sql"), ("b→a", "b.sql", "a.sql")] {
                    let run = try Subprocess.run(schemactl, ["diff", directory + "/" + from, directory + "/" + to, "--format", "sql",
                                                             "--allow-destructive"] + with)
                    // 0: the same schema, 1: a plan that held; 2: refused, failed or not proved.
                    guard run.status > 1 else { continue }
                    let reason = run.output.split(separator: "\n").first { $0.hasPrefix("schemactl: ") && !$0.contains("warning:") }
                    failures.append("\(label): \(reason.map(String.init) ?? "exit \(run.status)")")
                }
                if failures.isEmpty { held += 1 } else { failed += 1 }
                print("  \(failures.isEmpty ? "holds" : "FAILS") \(pair.name)" + failures.map { "\n      " + $0 }.joined())
            }
        }
        print(String(format: "pairs: %d of %d hold both ways (%.1f s)", held, held + failed, (clock.now - start).seconds))
    }
}
