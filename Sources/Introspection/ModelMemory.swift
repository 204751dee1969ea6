import SchemaModel

/// Models read before, each kept under its database's place and the catalog
/// stamp it was read at (`CatalogStamp`), so that an unchanged database is not
/// read twice. The inspector asks it and tells it; where it keeps them (a
/// folder on disk, `DatabaseModelCache`) is the caller's choice.
public protocol ModelMemory: Sendable {
    /// Whether a model is kept for `place` (a database, read by a role, with
    /// the inspector's options): only then is the stamp read before the catalog.
    func holds(place: String) -> Bool
    /// The model kept for `place` when it was read at exactly `stamp`.
    func model(place: String, stamp: String) -> DatabaseModel?
    /// Keeps `model`, read at `stamp`, for `place` (replacing what was kept there).
    func keep(_ model: DatabaseModel, place: String, stamp: String)
}

/// A model, and the stamp of the catalog it was read from (nil: no stamp could be read).
public struct StampedModel: Sendable {
    public var model: DatabaseModel
    /// The place and the stamp together: equal exactly when the catalog read is the same.
    public var stamp: String?
    /// Whether it came from the memory rather than the catalog.
    public var remembered: Bool
}
