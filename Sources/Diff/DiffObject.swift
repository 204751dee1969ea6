import SchemaModel

/// One comparable object of a model, flattened: which object it is, the model
/// value itself, and its properties as text.
///
/// Flattening makes the differ one small loop for every kind, and lets each
/// kind say, in one place, which properties matter.
public struct DiffObject: Hashable, Sendable {
    public let id: ObjectID
    /// The object as the model holds it.
    public let value: SchemaObject
    /// Name → value, in a stable order; absent values are omitted.
    public let properties: [(String, String)]

    public static func == (lhs: DiffObject, rhs: DiffObject) -> Bool {
        lhs.id == rhs.id && lhs.value == rhs.value && lhs.properties.elementsEqual(rhs.properties, by: { $0 == $1 })
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
    }
}
