import SQLText

/// Identifiers of a definition the server deparsed (a view's query), folded as PostgreSQL folds them.
enum SQLTokenWords {
    static func identifiers(in text: String) -> [String] {
        SQLToken.tokens(of: text).compactMap(\.identifier)
    }
}
