/// A unified diff of two texts, line by line: how a changed function body or
/// view definition is shown, rather than both versions whole.
///
/// The longest common subsequence by dynamic programming, after the common
/// head and tail are set aside: bodies are at most a few thousand lines, and
/// what differs between two versions is usually a few lines in the middle.
public enum LineDiff {
    public enum Line: Hashable, Sendable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// Every line of both texts, in order, marked.
    public static func lines(_ old: String, _ new: String) -> [Line] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let x = Array(a[head..<(a.count - tail)]), y = Array(b[head..<(b.count - tail)])
        // lengths[i][j]: the longest common subsequence of x[i...] and y[j...].
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                lengths[i][j] = x[i] == y[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var result = a[..<head].map(Line.same)
        var (i, j) = (0, 0)
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] {
                result.append(.same(x[i])); i += 1; j += 1
            } else if i < x.count, j == y.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                // Removals before additions, as diff and git print a replaced line.
                result.append(.removed(x[i])); i += 1
            } else {
                result.append(.added(y[j])); j += 1
            }
        }
        result += a[(a.count - tail)...].map(Line.same)
        return result
    }

    /// `@@ -1,4 +1,5 @@` hunks with `context` unchanged lines around each change,
    /// lines marked ` `, `-` and `+`. Empty when the texts are equal.
    public static func unified(_ old: String, _ new: String, context: Int = 3) -> [String] {
        let all = lines(old, new)
        let changed = all.indices.filter { if case .same = all[$0] { return false } else { return true } }
        guard !changed.isEmpty else { return [] }
        // Runs of changes closer than twice the context share a hunk.
        var hunks: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(all.count - 1, index + context)
            if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...range.upperBound
            } else {
                hunks.append(range)
            }
        }
        var out: [String] = []
        for hunk in hunks {
            // 1-based line numbers of the hunk's start in each text.
            let before = all[..<hunk.lowerBound]
            let oldStart = before.filter { if case .added = $0 { return false } else { return true } }.count + 1
            let newStart = before.filter { if case .removed = $0 { return false } else { return true } }.count + 1
            let lines = all[hunk]
            let oldCount = lines.filter { if case .added = $0 { return false } else { return true } }.count
            let newCount = lines.filter { if case .removed = $0 { return false } else { return true } }.count
            out.append("@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@")
            for line in lines {
                switch line {
                case let .same(text): out.append(" " + text)
                case let .removed(text): out.append("-" + text)
                case let .added(text): out.append("+" + text)
                }
            }
        }
        return out
    }
}
