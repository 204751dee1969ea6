import SQLText
/// The `ObjectID` of each end of a model's dependencies: the identity the diff
/// keys on, so that SQL generation can order changes by `pg_depend`.
///
/// The model's dependencies name objects as `pg_identify_object` does (`table
/// public.users`, `function public.f(integer)`, `trigger t on public.users`):
/// those strings are part of the model's JSON, kept byte for byte. Here they
/// are parsed (quote_ident's output is unambiguous to read back) and looked up
/// in the model for what the string leaves out: an index's table, whether a
/// `type` is an enum, a domain or a composite, which overload a function is.
public struct DependencyResolver: Sendable {
    private struct Name: Hashable, Sendable {
        let schema: String
        let name: String
    }

    private var relations: [Name: ObjectKind] = [:]
    private var indexOwners: [Name: ObjectID] = [:]
    /// Constraints by schema and name: the index behind a primary key, unique or
    /// exclusion constraint is not in the model; its constraint, named alike, is.
    private var constraintOwners: [Name: ObjectID] = [:]
    private var types: [Name: ObjectKind] = [:]
    private var functions: [Name: [(id: ObjectID, arguments: String)]] = [:]
    private var aggregates: [Name: [(id: ObjectID, arguments: String)]] = [:]
    /// Operators, operator classes and families by the dependency query's identity for them,
    /// `schema.name(signature)` unquoted (the model's own fields, joined).
    private var operators: [String: ObjectID] = [:]
    /// Transforms (`FOR integer LANGUAGE plpython3u`: a function depends on the ones for its types),
    /// languages, wrappers, servers, access methods, collations, conversions and text search
    /// objects the model holds: named by the dependency query as the model names them.
    private var named: Set<ObjectID> = []

    public init(_ model: DatabaseModel) {
        // Sized once: growing these by doubling was a tenth of building them at 5,000 tables.
        relations.reserveCapacity(model.tables.count + model.views.count + model.sequences.count)
        indexOwners.reserveCapacity(model.tables.reduce(0) { $0 + $1.indexes.count })
        constraintOwners.reserveCapacity(model.tables.reduce(0) { $0 + $1.constraints.count })
        functions.reserveCapacity(model.functions.count)
        for table in model.tables {
            let id = ObjectID(.table, table.name)
            relations[Name(schema: table.name.schema, name: table.name.name)] = .table
            for index in table.indexes { indexOwners[Name(schema: table.name.schema, name: index.name)] = id }
            for constraint in table.constraints { constraintOwners[Name(schema: table.name.schema, name: constraint.name)] = id }
        }
        for view in model.views {
            let id = ObjectID(view.materialized ? .materializedView : .view, view.name)
            relations[Name(schema: view.name.schema, name: view.name.name)] = id.kind
            for index in view.indexes { indexOwners[Name(schema: view.name.schema, name: index.name)] = id }
        }
        for sequence in model.sequences { relations[Name(schema: sequence.name.schema, name: sequence.name.name)] = .sequence }
        for type in model.enums { types[Name(schema: type.name.schema, name: type.name.name)] = .enum }
        for type in model.domains { types[Name(schema: type.name.schema, name: type.name.name)] = .domain }
        for type in model.compositeTypes { types[Name(schema: type.name.schema, name: type.name.name)] = .compositeType }
        for function in model.functions {
            let id = function.id
            functions[Name(schema: function.name.schema, name: function.name.name), default: []].append((id, function.identityArguments))
        }
        for object in model.definedObjects {
            if Self.namedKinds.contains(object.kind) { named.insert(object.id) }
            guard let schema = object.schema else { continue }
            let name = Name(schema: schema, name: object.name)
            switch object.kind {
            case .rangeType, .shellType, .baseType: types[name] = object.kind
            case .foreignTable: relations[name] = .foreignTable
            case .aggregate: aggregates[name, default: []].append((object.id, object.signature ?? ""))
            case .operator, .operatorClass, .operatorFamily:
                operators[object.kind.rawValue + " " + schema + "." + object.name + "(" + (object.signature ?? "") + ")"] = object.id
            default: break
            }
        }
    }

    private static let namedKinds: Set<ObjectKind> = [.transform, .userMapping, .language, .foreignDataWrapper, .foreignServer, .accessMethod, .collation,
                                                      .conversion, .textSearchParser, .textSearchTemplate, .textSearchDictionary,
                                                      .textSearchConfiguration]

    /// Both ends of every dependency whose ends the model holds.
    public func edges(of model: DatabaseModel) -> [(dependent: ObjectID, referenced: ObjectID)] {
        model.dependencies.compactMap { edge in
            guard let dependent = objectID(edge.dependent), let referenced = objectID(edge.referenced) else { return nil }
            return (dependent, referenced)
        }
    }

    /// The object `address` names, or nil when the model does not hold it (an aggregate, a foreign table).
    public func objectID(_ address: ObjectAddress) -> ObjectID? {
        // `type` names an enum, a domain or a base type alike (no ObjectKind): the model says which.
        if address.type == "type" {
            guard let name = Self.qualified(address.identity[...]), let kind = types[name] else { return nil }
            return ObjectID(kind: kind, schema: name.schema, name: name.name)
        }
        guard let kind = address.kind else { return nil }
        switch kind {
        case .schema, .extension:
            guard let parts = Self.path(address.identity[...]), parts.count == 1 else { return nil }
            return ObjectID(kind: kind, schema: nil, name: parts[0])
        case .table, .view, .materializedView, .sequence, .compositeType, .foreignTable:
            guard let name = Self.qualified(address.identity[...]) else { return nil }
            let found = kind == .compositeType ? kind : relations[name]
            return found.map { ObjectID(kind: $0, schema: name.schema, name: name.name) }
        case .index:
            guard let name = Self.qualified(address.identity[...]) else { return nil }
            if let owner = indexOwners[name] { return ObjectID(.index, name.name, on: owner) }
            return constraintOwners[name].map { ObjectID(.constraint, name.name, on: $0) }
        case .constraint, .trigger, .policy, .rule:
            // `name on schema.relation`; a rule's id names its relation as a table, a view's too (`DefinedObject.id`).
            guard let on = address.identity.range(of: " on ", options: .backwards),
                  let member = Self.path(address.identity[..<on.lowerBound]), member.count == 1,
                  let table = Self.qualified(address.identity[on.upperBound...]) else { return nil }
            let owner = ObjectID(kind: kind == .rule ? .table : relations[table] ?? .table, schema: table.schema, name: table.name)
            return ObjectID(kind, member[0], on: owner)
        case .function, .procedure:
            return Self.overload(address.identity, among: functions)
        case .aggregate:
            return Self.overload(address.identity, among: aggregates)
        case .operator, .operatorClass, .operatorFamily:
            return operators[kind.rawValue + " " + address.identity]
        case .transform, .userMapping:
            let id = ObjectID(kind: kind, schema: nil, name: address.identity)
            return named.contains(id) ? id : nil
        case .enum, .domain, .rangeType, .shellType, .baseType, .column:
            return nil // named `type`, or not an end the dependency query gives
        case .language, .foreignDataWrapper, .foreignServer, .accessMethod:
            guard let parts = Self.path(address.identity[...]), parts.count == 1 else { return nil }
            let id = ObjectID(kind: kind, schema: nil, name: parts[0])
            return named.contains(id) ? id : nil
        case .collation, .conversion, .textSearchParser, .textSearchTemplate, .textSearchDictionary, .textSearchConfiguration:
            guard let name = Self.qualified(address.identity[...]) else { return nil }
            let id = ObjectID(kind: kind, schema: name.schema, name: name.name)
            return named.contains(id) ? id : nil
        case .cast, .statistics, .eventTrigger, .publication, .defaultPrivileges, .securityLabel, .systemPrivileges:
            // Not named by the dependency query: the kinds others use by name come first
            // (DependencyOrder.tier), the rest after what they act on.
            return nil
        }
    }

    /// `schema.name(type, type)` as regprocedure prints it: the overload (of a function or an
    /// aggregate) whose identity arguments end with those types.
    private static func overload(_ identity: String, among overloads: [Name: [(id: ObjectID, arguments: String)]]) -> ObjectID? {
        guard let open = identity.firstIndex(of: "("), identity.hasSuffix(")"),
              let name = Self.qualified(identity[..<open]), let candidates = overloads[name] else { return nil }
        if candidates.count == 1 { return candidates[0].id }
        let inner = identity[identity.index(after: open)..<identity.index(before: identity.endIndex)]
        let types = inner.isEmpty ? [] : inner.split(separator: ",").map { $0.trimmingSpaces }
        return candidates.first { candidate in
            let all = candidate.arguments.isEmpty ? [] : candidate.arguments.components(separatedBy: ", ")
            // A function's identity arguments list its OUT arguments, which its call signature
            // (the dependency's identity) leaves out; a procedure's signature holds them.
            return [all, all.filter { !$0.hasPrefix("OUT ") }].contains { arguments in
                arguments.count == types.count
                    && zip(arguments, types).allSatisfy { argument, type in argument == type || argument.hasSuffix(" " + type) }
            }
        }?.id
    }

    private static func qualified(_ text: Substring) -> Name? {
        guard let parts = path(text), parts.count == 2 else { return nil }
        return Name(schema: parts[0], name: parts[1])
    }

    /// quote_ident'ed names joined by dots, read back: `public."My Table"` → ["public", "My Table"].
    public static func path(_ text: Substring) -> [String]? {
        // Unquoted names (most of them) split on their dots by bytes; the loop below reads quotes.
        if !text.utf8.contains(UInt8(ascii: "\"")) {
            guard !text.isEmpty else { return [] }
            var parts = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map { String(Substring($0)) }
            // A trailing dot ends the name without an empty part after it, as the loop reads it.
            if text.utf8.last == UInt8(ascii: ".") { parts.removeLast() }
            return parts
        }
        var parts: [String] = []
        var index = text.startIndex
        while index < text.endIndex {
            var part = ""
            if text[index] == "\"" {
                guard let (value, rest) = SQLQuoting.readQuoted(text[index...], quote: "\"") else { return nil }
                part = value
                index = rest.startIndex
            } else {
                while index < text.endIndex, text[index] != "." {
                    part.append(text[index])
                    index = text.index(after: index)
                }
            }
            parts.append(part)
            if index < text.endIndex {
                guard text[index] == "." else { return nil }
                index = text.index(after: index)
            }
        }
        return parts
    }
}

private extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
