/// Names as the server makes them from other names (`makeObjectName` in its `indexcmds.c`):
/// a key's `table_pkey`, a column's `table_column_not_null`, cut to fit an identifier. The
/// planner writes the names it expects the server to give, and introspection tells a name
/// the server gave from one a user chose; both must cut as the server cuts.
public enum ServerNames {
    /// The longest identifier PostgreSQL keeps (`NAMEDATALEN - 1` bytes); it cuts longer ones.
    public static let identifierBytes = 63

    /// At most `bytes` UTF-8 bytes of `text`, never half a character, cut per code point as the
    /// server cuts a name (`pg_mbcliplen`).
    public static func clipped(_ text: String, toBytes bytes: Int) -> String {
        // Most names fit whole (a String made per scalar to count its bytes was most of reading
        // the identity columns of 5,000 tables).
        guard text.utf8.count > bytes else { return text }
        let scalars = text.unicodeScalars
        var end = scalars.startIndex, count = 0
        while end < scalars.endIndex, count + UTF8.width(scalars[end]) <= bytes {
            count += UTF8.width(scalars[end])
            end = scalars.index(after: end)
        }
        return String(scalars[..<end])
    }

    /// `makeObjectName`: `first_second_label`, both names cut, the longer first, to fit 63 bytes
    /// with the label; without `second`, the first name and the label alone (`table_pkey`).
    public static func objectName(_ first: String, _ second: String?, label: String) -> String {
        let available = identifierBytes - (second == nil ? 0 : 1) - (label.utf8.count + 1)
        var firstBytes = first.utf8.count, secondBytes = second?.utf8.count ?? 0
        while firstBytes + secondBytes > available {
            if firstBytes > secondBytes { firstBytes -= 1 } else { secondBytes -= 1 }
        }
        return clipped(first, toBytes: firstBytes) + (second.map { "_" + clipped($0, toBytes: secondBytes) } ?? "") + "_" + label
    }
}
