import Foundation
import Migrations

/// Lets replays share the embedded server, except one that changes the cluster as a whole.
///
/// The two sides of a diff replay at once on the same embedded server. Roles,
/// tablespaces and `ALTER SYSTEM` are the cluster's, not the scratch database's:
/// two versions of one schema file that both say `CREATE ROLE app_owner` failed
/// at the second ("role already exists"), and the reset after the first would
/// cut the other. A replay whose files may change the cluster waits for the
/// others and holds the server alone until it has ended and the server has been
/// reset; the rest share it. Held again by the same thread (a replay that opens
/// a scratch database inside its own use), the gate lets it through.
final class ReplayGate: @unchecked Sendable {
    static let shared = ReplayGate()

    private let condition = NSCondition()
    private var sharing = 0
    private var exclusive = false
    private static let depthKey = "schemactl.ReplayGate.depth"

    func with<T>(exclusive wantsExclusive: Bool, _ body: () throws -> T) rethrows -> T {
        let thread = Thread.current
        let depth = thread.threadDictionary[Self.depthKey] as? Int ?? 0
        thread.threadDictionary[Self.depthKey] = depth + 1
        defer { thread.threadDictionary[Self.depthKey] = depth }
        guard depth == 0 else { return try body() }
        enter(exclusive: wantsExclusive)
        defer { leave(exclusive: wantsExclusive) }
        return try body()
    }

    private func enter(exclusive wantsExclusive: Bool) {
        condition.lock(); defer { condition.unlock() }
        if wantsExclusive {
            while exclusive || sharing > 0 { condition.wait() }
            exclusive = true
        } else {
            while exclusive { condition.wait() }
            sharing += 1
        }
    }

    private func leave(exclusive wasExclusive: Bool) {
        condition.lock(); defer { condition.unlock() }
        if wasExclusive { exclusive = false } else { sharing -= 1 }
        condition.broadcast()
    }

    /// Whether `files` may change the cluster: a word pair `CREATE`/`ALTER`/`DROP`
    /// then `ROLE`/`USER`/`GROUP`/`TABLESPACE`/`DATABASE`, or `ALTER SYSTEM`,
    /// anywhere in the text (a `DO` block's body too). A comment or a string that
    /// holds such words only makes the replay wait its turn. A byte scan, not the
    /// lexer: it reads every replayed file, and a 5,000-table schema is megabytes.
    static func mayChangeCluster(_ files: [MigrationFile]) -> Bool {
        files.contains { mayChangeCluster($0.text) }
    }

    static func mayChangeCluster(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(scan)
    }

    private static let verbs: [[UInt8]] = ["create", "alter", "drop"].map { Array($0.utf8) }
    private static let clusterObjects: [[UInt8]] = ["role", "user", "group", "tablespace", "database"].map { Array($0.utf8) }
    private static let system = Array("system".utf8)

    /// Word by word, compared in place without a string per word (a large schema has hundreds
    /// of thousands of words).
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousVerb: Int?
        var index = 0
        while index < bytes.count {
            guard isWordByte(bytes[index]) else { index += 1; continue }
            let start = index
            while index < bytes.count, isWordByte(bytes[index]) { index += 1 }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
            if let verb = previousVerb,
               clusterObjects.contains(where: { matches(word, $0) }) || (verb == 1 && matches(word, system)) { return true }
            previousVerb = verbs.firstIndex { matches(word, $0) }
        }
        return false
    }

    /// `word` is `keyword` in any case (`keyword` in lower case, ASCII).
    private static func matches(_ word: UnsafeBufferPointer<UInt8>, _ keyword: [UInt8]) -> Bool {
        guard word.count == keyword.count else { return false }
        for (byte, letter) in zip(word, keyword) where byte | 0x20 != letter { return false }
        return true
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte >= 0x80
    }
}
