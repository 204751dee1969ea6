import SchemaModel

/// One comparable object of a model, flattened: its kind, its identity, the
/// object it belongs to (a column's table), and its properties as text.
///
/// Flattening makes the differ one small loop for every kind, and lets each
/// kind say, in one place, which properties matter.
public struct DiffObject: Hashable, Sendable {
    /// `table`, `column`, `index`, `function`, …
    public let kind: String
    /// Unique among objects of its kind: `public.users`, `public.users.email`, `public.f(integer)`.
    public let identity: String
    /// The identity of the object it belongs to, if any (`public.users` for a column).
    public let parent: String?
    /// Name → value, in a stable order; absent values are omitted.
    public let properties: [(String, String)]

    public static func == (lhs: DiffObject, rhs: DiffObject) -> Bool {
        lhs.kind == rhs.kind && lhs.identity == rhs.identity && lhs.parent == rhs.parent
            && lhs.properties.elementsEqual(rhs.properties, by: { $0 == $1 })
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(identity)
    }

    /// `kind identity`, the key the differ matches on.
    var key: String { kind + " " + identity }
}
