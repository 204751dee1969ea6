/// The text of a `--rename OLD=NEW` argument, read and written: dotted paths whose parts
/// may be double-quoted as in SQL (`"App.Core"."User"."e""mail"=email`), so that a name
/// holding a dot, a double quote or an equals sign can be named at all. A bare part is
/// taken as written (its case kept: `Users` names `Users`, not `users`); a quoted part is
/// taken literally, `""` standing for one `"`.
public enum RenameArgument {
    /// The parts of each side, or nil when a quote is not closed, a quoted part is followed
    /// by something other than a dot, the `=` or the end, or there is no `=` outside quotes.
    public static func sides(_ text: String) -> (old: [String], new: [String])? {
        guard let (old, rest) = path(text[...], until: "="), let rest, let (new, _) = path(rest, until: nil) else { return nil }
        return (old, new)
    }

    /// `old=new` with each part bare where that reads back the same, quoted where not, and
    /// the whole in single quotes when a POSIX shell would split or expand it: a note's
    /// suggestion can be pasted after `--rename` as it is.
    public static func text(old: [String], new: [String]) -> String {
        let argument = old.map(part).joined(separator: ".") + "=" + new.map(part).joined(separator: ".")
        let shellSafe = argument.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_.=-,/:@%+".unicodeScalars.contains(scalar))
        }
        return shellSafe ? argument : "'" + argument.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// A part as `sides` reads it back: bare unless it is empty, holds a dot, a double quote or
    /// an equals sign, or has spaces at an end (which a reader of the shell may lose).
    static func part(_ name: String) -> String {
        let bare = !name.isEmpty && !name.contains(where: { ".\"=".contains($0) })
            && name.first?.isWhitespace == false && name.last?.isWhitespace == false
        return bare ? name : "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The dotted parts of `text` up to the first `stop` outside quotes, and what follows that
    /// stop (nil when there is none); an empty side is one empty part (which no name matches).
    /// A double quote opens a quoted part only where a part starts: one inside a bare name is a
    /// character of it.
    static func path(_ text: Substring, until stop: Character?) -> (parts: [String], rest: Substring?)? {
        var parts: [String] = [], current = "", partStart = true, index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            if character == "\"", partStart {
                // A quoted part: to its closing quote, `""` inside standing for `"`.
                var closed = false
                while index < text.endIndex {
                    let next = text.index(after: index)
                    if text[index] == "\"" {
                        if next < text.endIndex, text[next] == "\"" {
                            current.append("\"")
                            index = text.index(after: next)
                            continue
                        }
                        closed = true
                        index = next
                        break
                    }
                    current.append(text[index])
                    index = next
                }
                guard closed, index == text.endIndex || text[index] == "." || text[index] == stop else { return nil }
                partStart = false
            } else if character == "." {
                parts.append(current)
                current = ""
                partStart = true
            } else if character == stop {
                parts.append(current)
                return (parts, text[index...])
            } else {
                current.append(character)
                partStart = false
            }
        }
        parts.append(current)
        return (parts, nil)
    }
}
