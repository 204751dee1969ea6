import SQLGeneration
import SQLText
import SchemaModel

/// The random history's names made ones that must be quoted: `t3` is `"T.3"` (or `"T 3"`),
/// everywhere it is written, in the statements, in string constants (`'t3'::regclass`)
/// and in function bodies. Real schemas have such names (an ORM's `"User"`, a report's
/// `"Order Lines"`), and every text the planner reads back or rewrites (a definition the
/// server printed, a qualified name, a rename) must hold them; the history's own names,
/// bare and lower case, never test that.
///
/// A name is changed by its `_`-separated parts: each that is one of the history's
/// prefixes and a number (`t3`, `c12`, `ix7`) is written with its prefix in upper case,
/// `separator` and its number. The server derives names from names by the same parts
/// (`t3_c4_fkey` from table `t3` and column `c4`), so the names it chooses and the ones the
/// history writes for them stay equal: `"T.3_C.4_fkey"`.
public struct QuotedNames: Sendable {
    /// Between a part's prefix and its number: `.` (a name that reads as qualified when
    /// unquoted) or ` `.
    public var separator: String

    public init(separator: String = ".") {
        self.separator = separator
    }

    /// Every prefix the history's `fresh` gives a name.
    static let prefixes: Set<String> = [
        "at", "bx", "c", "ch", "ck", "ct", "cv", "d", "e", "ex", "f", "fb", "fk", "fn", "fp", "fs", "ft", "fv", "g", "hx", "i", "ix", "k", "l", "lx", "mv", "n",
        "p", "pk", "pol", "pt", "r", "rc", "ref", "rg", "ru", "s", "sa", "sq", "st", "t", "tg", "tr", "uq", "v", "vt", "x",
    ]

    /// The name `plain` stands for.
    public func name(_ plain: String) -> String {
        plain.split(separator: "_", omittingEmptySubsequences: false).map { part -> String in
            let prefix = part.prefix { $0.isASCII && $0.isLowercase }
            let number = part.dropFirst(prefix.count)
            guard !prefix.isEmpty, !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }),
                  Self.prefixes.contains(String(prefix)) else { return String(part) }
            return prefix.uppercased() + separator + number
        }.joined(separator: "_")
    }

    /// `sql` with each of the history's names quoted as `name` writes it, in string constants and
    /// dollar-quoted bodies too (read as SQL themselves).
    public func sql(_ sql: String) -> String {
        let tokens = SQLToken.tokens(of: sql)
        var bytes = Array(sql.utf8)
        for token in tokens.reversed() {
            switch token.kind {
            case .word:
                let renamed = name(token.value)
                guard renamed != token.value else { continue }
                bytes.replaceSubrange(token.offset..<(token.offset + token.value.utf8.count), with: Array(SQLQuoting.identifier(renamed).utf8))
            case .string:
                // As written: `$tag$…$tag$` or `'…'` (quotes doubled); another form is left alone.
                let rest = bytes[token.offset...]
                if rest.first == UInt8(ascii: "$"), let close = rest.dropFirst().firstIndex(of: UInt8(ascii: "$")) {
                    let tag = Array(bytes[token.offset...close])
                    let start = close + 1, end = start + token.value.utf8.count
                    guard end + tag.count <= bytes.count, Array(bytes[end..<(end + tag.count)]) == tag else { continue }
                    bytes.replaceSubrange(start..<end, with: Array(self.sql(token.value).utf8))
                } else if rest.first == UInt8(ascii: "'") {
                    let written = Array(SQLQuoting.literal(token.value).utf8)
                    let end = token.offset + written.count
                    guard end <= bytes.count, Array(bytes[token.offset..<end]) == written else { continue }
                    bytes.replaceSubrange(token.offset..<end, with: Array(SQLQuoting.literal(self.sql(token.value)).utf8))
                }
            default: continue
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `renames` with each name as `name` writes it, and an enum's values as `sql` writes its
    /// string constants.
    public func renames(_ renames: [Rename]) -> [Rename] {
        renames.map { rename in
            if rename.schema { return Rename(schema: name(rename.table.schema), to: name(rename.newName)) }
            let member = rename.enumValue ? sql : name
            return Rename(table: QualifiedName(schema: name(rename.table.schema), name: name(rename.table.name)), column: rename.column.map(member),
                          newName: member(rename.newName), newSchema: rename.newSchema.map(name), enumValue: rename.enumValue, sequence: rename.sequence)
        }
    }
}
