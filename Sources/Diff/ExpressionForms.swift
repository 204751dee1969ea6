/// One expression, as PostgreSQL itself prints it in two forms, brought to one.
///
/// `CHECK (v IN ('a', 'b'))` on a varchar column is stored as an array of
/// varchar cast to text[] as a whole, and printed
/// `(v)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])`.
/// Parsing that text again (a dump restored, a migration written from
/// `pg_dump -s`) pushes the cast into each element, and the server prints
/// `(v)::text = ANY (ARRAY[('a'::character varying)::text, ('b'::character varying)::text])`.
/// Both mean the same; the second is what every further dump and restore
/// keeps. A diff compares the second form, so drift after a restore from
/// backup does not cry wolf.
public enum ExpressionForms {
    /// `text` with every `(ARRAY[e1, …])::T[]` written `ARRAY[(e1)::T, …]`.
    public static func canonical(_ text: String) -> String {
        guard text.contains("(ARRAY[") else { return text }
        let chars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < chars.count {
            if let (rewritten, end) = arrayCast(chars, at: index) {
                out.append(contentsOf: rewritten.unicodeScalars)
                index = end
                continue
            }
            // Copy quoted text whole, so nothing inside a literal or a quoted name is rewritten.
            let end = skipQuoted(chars, from: index)
            out.append(contentsOf: chars[index..<end])
            index = end
        }
        return String(out)
    }

    /// At `start`, `(ARRAY[…])::T[]` with one-dimensional elements: its canonical text and where it ends.
    private static func arrayCast(_ chars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        let opening = Array("(ARRAY[".unicodeScalars)
        guard start + opening.count <= chars.count, Array(chars[start..<(start + opening.count)]) == opening else { return nil }
        if start > 0, isIdentifierCharacter(chars[start - 1]) { return nil }
        // The elements, split at commas outside parentheses, brackets and quotes.
        var elements: [String] = []
        var current = String.UnicodeScalarView()
        var depth = 0
        var index = start + opening.count
        while index < chars.count {
            let char = chars[index]
            if char == "'" || char == "\"" {
                let end = skipQuoted(chars, from: index)
                current.append(contentsOf: chars[index..<end])
                index = end
                continue
            }
            if char == "(" || char == "[" { depth += 1 }
            if char == ")" || char == "]" {
                if depth == 0 { break }
                depth -= 1
            }
            if char == ",", depth == 0 {
                elements.append(String(current).trimmingSpaces)
                current = String.UnicodeScalarView()
            } else {
                current.append(char)
            }
            index += 1
        }
        // `])::`, then the type up to its `[]`.
        guard index + 3 < chars.count, chars[index] == "]", chars[index + 1] == ")", chars[index + 2] == ":", chars[index + 3] == ":"
        else { return nil }
        elements.append(String(current).trimmingSpaces)
        guard !elements.contains(where: { $0.isEmpty || $0.hasPrefix("ARRAY[") }) else { return nil }
        var typeEnd = index + 4
        var typeDepth = 0
        while typeEnd < chars.count {
            let char = chars[typeEnd]
            if char == "\"" { typeEnd = skipQuoted(chars, from: typeEnd); continue }
            if char == "(" { typeDepth += 1 }
            if char == ")" { if typeDepth == 0 { return nil }; typeDepth -= 1 }
            if char == "[", typeDepth == 0 { break }
            if typeDepth == 0, char == "," || char == " " && !continuesTypeName(chars, typeEnd) { return nil }
            typeEnd += 1
        }
        guard typeEnd + 1 < chars.count, chars[typeEnd] == "[", chars[typeEnd + 1] == "]",
              typeEnd + 2 == chars.count || chars[typeEnd + 2] != "[" else { return nil }
        let type = String(String.UnicodeScalarView(chars[(index + 4)..<typeEnd]))
        guard !type.isEmpty else { return nil }
        let rewritten = "ARRAY[" + elements.map { "(\($0))::\(type)" }.joined(separator: ", ") + "]"
        return (rewritten, typeEnd + 2)
    }

    /// Whether `a` and `b` differ only by names PostgreSQL prints the second time it
    /// reads a query, never the first.
    ///
    /// Where a query's column names are not visible (a set operation's right-hand arm
    /// inside a subquery, a sublink), the server leaves out a name that is its parser's
    /// fallback (`?column?`): `SELECT (0)::oid AS oid, 'PUBLIC'::name`. Parsing that
    /// text again names the column after its cast, and from then on the server prints
    /// `'PUBLIC'::name AS name`. So a view made by a migration's own SQL and the same
    /// view made from its printed text (a restore, a consolidated file) differ in text,
    /// not in meaning; pg_partman's `table_privs` view is one.
    ///
    /// The longer text may hold ` AS name` where the shorter holds nothing, after an
    /// entry that is not a bare column: such an entry printed without a name had the
    /// fallback, which only a hidden position omits. After a column the name would be a
    /// rename, which counts.
    public static func differOnlyInHiddenNames(_ a: String, _ b: String) -> Bool {
        guard a != b else { return true }
        let (first, second) = (Array(a.unicodeScalars), Array(b.unicodeScalars))
        let (short, long) = first.count <= second.count ? (first, second) : (second, first)
        var (i, j) = (0, 0)
        while i < short.count || j < long.count {
            if i < short.count, j < long.count, short[i] == long[j] {
                let (shortEnd, longEnd) = (skipQuoted(short, from: i), skipQuoted(long, from: j))
                guard short[i..<shortEnd] == long[j..<longEnd] else { return false }
                (i, j) = (shortEnd, longEnd)
                continue
            }
            guard let (entryEnd, nameEnd) = insertedName(long, at: j), !isColumn(long, endingAt: entryEnd) else { return false }
            j = nameEnd
        }
        return true
    }

    /// At `index`, ` AS name` (or `AS name ` right after a space): where the entry before it
    /// ends and where the insertion does.
    private static func insertedName(_ chars: [Unicode.Scalar], at index: Int) -> (Int, Int)? {
        func word(_ text: String, at start: Int) -> Int? {
            let scalars = Array(text.unicodeScalars)
            guard start + scalars.count <= chars.count, Array(chars[start..<(start + scalars.count)]) == scalars else { return nil }
            return start + scalars.count
        }
        func identifier(at start: Int) -> Int? {
            guard start < chars.count else { return nil }
            if chars[start] == "\"" { let end = skipQuoted(chars, from: start); return end > start + 2 ? end : nil }
            var end = start
            while end < chars.count, isIdentifierCharacter(chars[end]) { end += 1 }
            guard end > start, !("0"..."9").contains(chars[start]) else { return nil }
            return end
        }
        if let afterAs = word(" AS ", at: index), let end = identifier(at: afterAs) { return (index, end) }
        if index > 0, chars[index - 1] == " ", let afterAs = word("AS ", at: index), let end = identifier(at: afterAs),
           end < chars.count, chars[end] == " " {
            return (index - 1, end + 1)
        }
        return nil
    }

    /// Whether the select-list entry ending at `end` is a bare, possibly qualified column.
    private static func isColumn(_ chars: [Unicode.Scalar], endingAt end: Int) -> Bool {
        // The entry starts after the last comma or opening parenthesis at its own depth.
        var starts = [0]
        var index = 0
        while index < end {
            let char = chars[index]
            if char == "'" || char == "\"" { index = skipQuoted(chars, from: index); continue }
            if char == "(" { starts.append(index + 1) }
            if char == ")", starts.count > 1 { starts.removeLast() }
            if char == "," { starts[starts.count - 1] = index + 1 }
            index += 1
        }
        var entry = Substring(String(String.UnicodeScalarView(chars[starts[starts.count - 1]..<min(end, chars.count)])))
        entry = entry.drop { $0 == " " || $0 == "\n" }
        for keyword in ["SELECT ", "DISTINCT "] where entry.hasPrefix(keyword) {
            entry = entry.dropFirst(keyword.count).drop { $0 == " " || $0 == "\n" }
        }
        // One to three names joined by dots, each plain or quoted, and nothing else.
        let scalars = Array(entry.unicodeScalars)
        var (position, parts) = (0, 0)
        while position < scalars.count {
            if parts > 0 {
                guard scalars[position] == "." else { return false }
                position += 1
            }
            let start = position
            if position < scalars.count, scalars[position] == "\"" {
                position = skipQuoted(scalars, from: position)
                guard position > start + 2, scalars[position - 1] == "\"" else { return false }
            } else {
                while position < scalars.count, isIdentifierCharacter(scalars[position]) { position += 1 }
                guard position > start, !("0"..."9").contains(scalars[start]) else { return false }
            }
            parts += 1
        }
        return (1...3).contains(parts)
    }

    /// A space inside a type name (`character varying`, `double precision`,
    /// `timestamp with time zone`): followed by more of the name, not by an operator or the end.
    private static func continuesTypeName(_ chars: [Unicode.Scalar], _ index: Int) -> Bool {
        let next = index + 1
        guard next < chars.count else { return false }
        return isIdentifierCharacter(chars[next]) || chars[next] == "\""
    }

    private static func isIdentifierCharacter(_ char: Unicode.Scalar) -> Bool {
        char.properties.isAlphabetic || ("0"..."9").contains(char) || char == "_" || char == "$"
    }

    /// The end of a quoted literal or name starting at `start` (doubled quotes
    /// inside; backslashes in an `E'…'` literal); `start + 1` for anything else.
    private static func skipQuoted(_ chars: [Unicode.Scalar], from start: Int) -> Int {
        let quote = chars[start]
        guard quote == "'" || quote == "\"" else { return start + 1 }
        let escapes = quote == "'" && start > 0 && (chars[start - 1] == "E" || chars[start - 1] == "e")
        var index = start + 1
        while index < chars.count {
            if escapes, chars[index] == "\\" { index += 2; continue }
            if chars[index] == quote {
                if index + 1 < chars.count, chars[index + 1] == quote { index += 2; continue }
                return index + 1
            }
            index += 1
        }
        return chars.count
    }
}

private extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars = scalars.dropFirst() }
        while scalars.last == " " { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
