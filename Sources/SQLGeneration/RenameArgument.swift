/// The text of a `--rename OLD=NEW` argument, read and written: dotted paths whose parts
/// may be double-quoted as in SQL (`"App.Core"."User"."e""mail"=email`), so that a name
/// holding a dot, a double quote or an equals sign can be named at all. A bare part is
/// taken as written (its case kept: `Users` names `Users`, not `users`); a quoted part is
/// taken literally, `""` standing for one `"`.
public enum RenameArgument {
    /// The parts of each side, or nil when a quote is not closed, a quoted part is followed
    /// by something other than a dot or the end, or there is no `=` outside quotes.
    public static func sides(_ text: String) -> (old: [String], new: [String])? {
        guard let equals = firstUnquoted("=", in: text),
              let old = path(text[..<equals]), let new = path(text[text.index(after: equals)...]) else { return nil }
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

    /// The dotted parts of one side; an empty text is one empty part (which no name matches).
    static func path(_ text: Substring) -> [String]? {
        var parts: [String] = [], current = "", index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\"", current.isEmpty {
                // A quoted part: to its closing quote, `""` inside standing for `"`.
                var quoted = "", closed = false
                index = text.index(after: index)
                while index < text.endIndex {
                    if text[index] == "\"" {
                        let next = text.index(after: index)
                        if next < text.endIndex, text[next] == "\"" {
                            quoted.append("\"")
                            index = text.index(after: next)
                            continue
                        }
                        closed = true
                        index = next
                        break
                    }
                    quoted.append(text[index])
                    index = text.index(after: index)
                }
                guard closed, index == text.endIndex || text[index] == "." else { return nil }
                parts.append(quoted)
                if index < text.endIndex {
                    index = text.index(after: index)
                    if index == text.endIndex { parts.append("") }
                }
                continue
            }
            if character == "." {
                parts.append(current)
                current = ""
                index = text.index(after: index)
                if index == text.endIndex { parts.append("") }
                continue
            }
            current.append(character)
            index = text.index(after: index)
            if index == text.endIndex { parts.append(current) }
        }
        return parts.isEmpty ? [""] : parts
    }

    /// A quote opens a quoted part only where a part starts (as `path` reads it): one inside a
    /// bare name is a character of it.
    private static func firstUnquoted(_ target: Character, in text: String) -> String.Index? {
        var quoted = false, partStart = true, index = text.startIndex
        while index < text.endIndex {
            let character = text[index], next = text.index(after: index)
            if quoted {
                // `""` inside a quoted part is one quote, and the part goes on.
                if character == "\"" {
                    if next < text.endIndex, text[next] == "\"" {
                        index = text.index(after: next)
                        continue
                    }
                    quoted = false
                }
            } else if character == "\"", partStart {
                quoted = true
            } else if character == target {
                return index
            }
            partStart = !quoted && character == "."
            index = next
        }
        return nil
    }
}
