/// Parses the text form of a one-dimensional PostgreSQL array.
///
/// Catalog queries return arrays (column lists, options, labels); parsing the
/// text form keeps them one query per object kind without `unnest` joins.
public enum PostgresArray {
    public static func parse(_ text: String) -> [String?] {
        var elements: [String?] = []
        var chars = Array(text.unicodeScalars)
        guard chars.first == "{", chars.last == "}" else { return [text] }
        chars = Array(chars.dropFirst().dropLast())
        if chars.isEmpty { return [] }
        var index = 0
        while index <= chars.count {
            if index == chars.count { break }
            if chars[index] == "\"" {
                var value = String.UnicodeScalarView()
                index += 1
                while index < chars.count, chars[index] != "\"" {
                    if chars[index] == "\\", index + 1 < chars.count { index += 1 }
                    value.append(chars[index])
                    index += 1
                }
                index += 1 // closing quote
                elements.append(String(value))
            } else {
                var value = String.UnicodeScalarView()
                while index < chars.count, chars[index] != "," {
                    value.append(chars[index])
                    index += 1
                }
                let string = String(value)
                elements.append(string == "NULL" ? nil : string)
            }
            index += 1 // comma
        }
        return elements
    }
}
