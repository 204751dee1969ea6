/// One object of a model, as the value the model holds: what a typed change
/// carries on each side, so a generator or a linter reads the object itself,
/// never a rendering of it.
public enum SchemaObject: Hashable, Sendable {
    case schema(Namespace)
    case `extension`(Extension)
    case `enum`(EnumType)
    case domain(Domain)
    case compositeType(CompositeType)
    case sequence(Sequence)
    case table(Table)
    case column(Column)
    case constraint(Constraint)
    case index(Index)
    case trigger(Trigger)
    case policy(Policy)
    case view(View)
    case function(Function)
    /// Any kind the model holds by its definition.
    case defined(DefinedObject)
}
