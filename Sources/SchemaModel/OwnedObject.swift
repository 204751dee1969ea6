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
