/// An object with an owning role and privileges: schemas, tables, views,
/// sequences, functions and types. Columns have privileges but no owner of their own.
public protocol OwnedObject {
    var owner: String? { get set }
    var privileges: [Privilege] { get set }
}

extension Namespace: OwnedObject {}
extension Table: OwnedObject {}
extension View: OwnedObject {}
extension Sequence: OwnedObject {}
extension Function: OwnedObject {}
extension EnumType: OwnedObject {}
extension Domain: OwnedObject {}
extension CompositeType: OwnedObject {}

extension DatabaseModel {
    /// The model with every owner cleared: for comparing replays run as
    /// different roles, where only the owner can differ.
    public var withoutOwners: DatabaseModel {
        var copy = self
        func clear<T: OwnedObject>(_ objects: inout [T]) {
            for index in objects.indices { objects[index].owner = nil }
        }
        clear(&copy.schemas)
        clear(&copy.tables)
        clear(&copy.views)
        clear(&copy.sequences)
        clear(&copy.functions)
        clear(&copy.enums)
        clear(&copy.domains)
        clear(&copy.compositeTypes)
        return copy
    }
}
