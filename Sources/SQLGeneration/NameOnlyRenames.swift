import SchemaModel

/// Indexes, constraints and owned sequences that differ from one in the target only by their
/// name, renamed in place rather than dropped and built again.
///
/// An index carries no data, so there is nothing to confirm: what differs is the cost. Dropped
/// and made again, an index is built (a table scan and sort under a lock that blocks writes,
/// minutes on a table of millions of rows), a key's unique index too, and a foreign key or
/// check is validated again; renamed, it is a catalog update. Index names change often: a
/// naming convention adopted, Django's `RenameIndex`, a table renamed whose index names
/// followed it. A serial's sequence is matched by the column that owns it, which says it is
/// the same sequence; dropped and made again it would start counting over.
///
/// Like the renames the user confirms (`--rename`), these are made in the old model before
/// the diff, so the diff sees one object; what else differs (a comment) is planned as usual.
struct NameOnlyRenames {
    private(set) var statements: [Statement] = []

    /// Renames in `old` each index and constraint of a table both models hold whose name only
    /// the target has, where an unmatched one of the old table is the same but for its name.
    /// Left to the usual drop and create: a name that would collide with a relation (an index
    /// shares its schema's names with tables, sequences and views) or a constraint of `old`,
    /// one the server quotes as a keyword (its definition is not matched), constraints of
    /// tables in a partition or inheritance tree (renaming one there renames others, or is
    /// refused), and foreign keys to a partitioned table (the server keeps clones of them).
    init(old: inout DatabaseModel, new: DatabaseModel) {
        renameTypes(&old, toward: new)
        let targets = Dictionary(new.tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var relationNames = Self.relationNames(old)
        let hasChildren = Set(old.tables.flatMap { ($0.partitionOf.map { [$0] } ?? []) + $0.inherits })
        var renamedIndexes: [QualifiedName: String] = [:]
        for position in old.tables.indices {
            let table = old.tables[position]
            // Most tables hold the same names on both sides: nothing to look at.
            guard let target = targets[table.name],
                  !(table.indexes.map(\.name).elementsEqual(target.indexes.map(\.name))
                    && table.constraints.map(\.name).elementsEqual(target.constraints.map(\.name))) else { continue }
            for (was, now) in renameIndexes(&old.tables[position].indexes, toward: target.indexes, schema: table.name.schema, names: &relationNames) {
                renamedIndexes[QualifiedName(schema: table.name.schema, name: was)] = now
                Self.followIndex(was, renamedTo: now, in: &old.tables[position])
            }
            // Constraints, of a table outside any partition or inheritance tree.
            guard table.partitionOf == nil, table.inherits.isEmpty, !hasChildren.contains(table.name) else { continue }
            let oldConstraints = Set(table.constraints.map(\.name)), newConstraints = Set(target.constraints.map(\.name))
            var taken = oldConstraints.union(table.columns.filter(\.notNull).map { $0.notNullName ?? "\(table.name.name)_\($0.name)_not_null" })
            var addedConstraints = target.constraints.filter { !oldConstraints.contains($0.name) }.sorted { $0.name < $1.name }
            for (at, constraint) in old.tables[position].constraints.enumerated().sorted(by: { $0.element.name < $1.element.name })
            where !newConstraints.contains(constraint.name) && !addedConstraints.isEmpty {
                // A foreign key to a partitioned table has clones on its partitions, under its name.
                if let referenced = constraint.foreignKey?.referencedTable, hasChildren.contains(referenced) { continue }
                guard let match = addedConstraints.firstIndex(where: { Self.sameConstraint(constraint, $0) }) else { continue }
                let name = addedConstraints[match].name
                let backedByIndex = constraint.hasIndex
                guard !taken.contains(name), !backedByIndex || !relationNames[table.name.schema, default: []].contains(name) else { continue }
                addedConstraints.remove(at: match)
                statements.append(Statement("ALTER TABLE \(table.name.sql) RENAME CONSTRAINT \(SQLWriting.ident(constraint.name)) TO \(SQLWriting.ident(name))",
                                            hazards: [.accessExclusiveLock(table.name)]))
                taken.remove(constraint.name)
                taken.insert(name)
                old.tables[position].constraints[at].name = name
                if backedByIndex {
                    relationNames[table.name.schema, default: []].remove(constraint.name)
                    relationNames[table.name.schema, default: []].insert(name)
                    Self.followIndex(constraint.name, renamedTo: name, in: &old.tables[position])
                }
            }
        }
        // A materialized view's indexes alike.
        let views = Dictionary(new.views.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for position in old.views.indices where old.views[position].materialized {
            guard let target = views[old.views[position].name], target.materialized else { continue }
            _ = renameIndexes(&old.views[position].indexes, toward: target.indexes, schema: target.name.schema, names: &relationNames)
        }
        // A sequence a column owns (a serial's) that the target holds under another name, owned
        // by the same column: renamed (as Rails' rename_table does), not dropped with its value.
        let (oldSequences, newSequences) = (Set(old.sequences.map(\.name)), Set(new.sequences.map(\.name)))
        let unmatchedNew = Dictionary(grouping: new.sequences.filter { $0.ownedBy != nil && !oldSequences.contains($0.name) },
                                      by: { SequenceOwner(schema: $0.name.schema, column: $0.ownedBy) })
        let unmatchedOld = Dictionary(grouping: old.sequences.indices.filter {
            old.sequences[$0].ownedBy != nil && !newSequences.contains(old.sequences[$0].name)
        }, by: { SequenceOwner(schema: old.sequences[$0].name.schema, column: old.sequences[$0].ownedBy) })
        for (owner, positions) in unmatchedOld.sorted(by: { $0.value[0] < $1.value[0] }) {
            guard positions.count == 1, let targets = unmatchedNew[owner], targets.count == 1,
                  !relationNames[owner.schema, default: []].contains(targets[0].name.name) else { continue }
            let (was, now) = (old.sequences[positions[0]].name, targets[0].name)
            statements.append(Statement("ALTER SEQUENCE \(was.sql) RENAME TO \(SQLWriting.ident(now.name))"))
            relationNames[owner.schema, default: []].remove(was.name)
            relationNames[owner.schema, default: []].insert(now.name)
            TypeRenaming.renameSequence(was, to: now, in: &old)
        }
        // A partition's index attached to one renamed names it by its new name.
        if !renamedIndexes.isEmpty {
            for position in old.tables.indices {
                guard let parent = old.tables[position].partitionOf else { continue }
                for index in old.tables[position].indexes.indices {
                    if let attached = old.tables[position].indexes[index].attachedTo,
                       let name = renamedIndexes[QualifiedName(schema: parent.schema, name: attached)] {
                        old.tables[position].indexes[index].attachedTo = name
                    }
                }
            }
        }
        if !statements.isEmpty { old.canonicalize() }
    }

    /// Enums, domains and composite types the target holds under another name in the same
    /// schema, the same but for their names (labels, base type and constraints, attributes),
    /// each the one such pair: renamed, and every text that names them named anew
    /// (`TypeRenaming`). Made again, each column of theirs would be retyped (its table
    /// rewritten, its indexes built again); an enum's plan was refused as data loss.
    private mutating func renameTypes(_ old: inout DatabaseModel, toward new: DatabaseModel) {
        let newNames = Self.typeNames(new)
        // Kind by kind, each matched on the model the renames before it made (a composite's
        // attribute of an enum renamed names it anew).
        func match<T>(_ kind: String, _ before: (DatabaseModel) -> [T], _ after: [T], name: (T) -> QualifiedName, shape: (T) -> String) {
            let oldNames = Self.typeNames(old)
            let gone = before(old).filter { !newNames.contains(name($0)) }, come = after.filter { !oldNames.contains(name($0)) }
            guard !gone.isEmpty, !come.isEmpty else { return }
            let goneByShape = Dictionary(grouping: gone, by: { name($0).schema + "\u{0}" + shape($0) })
            let comeByShape = Dictionary(grouping: come, by: { name($0).schema + "\u{0}" + shape($0) })
            var renamed = false
            for (key, from) in goneByShape.sorted(by: { $0.key < $1.key }) where from.count == 1 {
                guard let to = comeByShape[key], to.count == 1 else { continue }
                let (was, now) = (name(from[0]), name(to[0]))
                statements.append(Statement("ALTER \(kind) \(was.sql) RENAME TO \(SQLWriting.ident(now.name))"))
                for i in old.enums.indices where old.enums[i].name == was { old.enums[i].name = now }
                for i in old.domains.indices where old.domains[i].name == was { old.domains[i].name = now }
                for i in old.compositeTypes.indices where old.compositeTypes[i].name == was { old.compositeTypes[i].name = now }
                TypeRenaming.rename(was, to: now, in: &old)
                renamed = true
            }
            if renamed { old.canonicalize() }
        }
        match("TYPE", \.enums, new.enums, name: \.name, shape: { $0.labels.joined(separator: "\u{0}") })
        match("DOMAIN", \.domains, new.domains, name: \.name, shape: { domain in
            [domain.baseType, domain.defaultExpression ?? "", "\(domain.notNull)", domain.collation ?? ""]
                .joined(separator: "\u{0}") + domain.checks.map { "\u{0}\($0.definition)\u{0}\($0.validated)" }.joined()
        })
        match("TYPE", \.compositeTypes, new.compositeTypes, name: \.name, shape: { type in
            type.attributes.map { "\($0.name)\u{0}\($0.type)\u{0}\($0.collation ?? "")" }.joined(separator: "\u{0}")
        })
        // A domain's check under another name (`positive_check` of a domain renamed): renamed,
        // not dropped and added again (which checks every value of every column of the domain).
        let domains = Dictionary(new.domains.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for position in old.domains.indices {
            guard let target = domains[old.domains[position].name] else { continue }
            let (oldChecks, newChecks) = (Set(old.domains[position].checks.map(\.name)), Set(target.checks.map(\.name)))
            var added = target.checks.filter { !oldChecks.contains($0.name) }
            for i in old.domains[position].checks.indices where !newChecks.contains(old.domains[position].checks[i].name) {
                let check = old.domains[position].checks[i]
                guard let match = added.firstIndex(where: { $0.definition == check.definition && $0.validated == check.validated }) else { continue }
                let name = added.remove(at: match).name
                statements.append(Statement("ALTER DOMAIN \(old.domains[position].name.sql) RENAME CONSTRAINT \(SQLWriting.ident(check.name)) TO \(SQLWriting.ident(name))"))
                old.domains[position].checks[i].name = name
            }
        }
    }

    /// The names of `model`'s types: enums, domains, composite types, and the row types of
    /// its tables and views, and the types held by definition (range, base and shell types).
    private static func typeNames(_ model: DatabaseModel) -> Set<QualifiedName> {
        var names = Set(model.enums.map(\.name) + model.domains.map(\.name) + model.compositeTypes.map(\.name))
        names.formUnion(model.tables.map(\.name) + model.views.map(\.name))
        for object in model.definedObjects where [.rangeType, .baseType, .shellType].contains(object.kind) {
            if let schema = object.schema { names.insert(QualifiedName(schema: schema, name: object.name)) }
        }
        return names
    }

    /// Renames in `indexes` each one unmatched by name that is, but for its name, one of
    /// `targets` unmatched by name, where the new name is free in the schema; returns the
    /// renames made (old name, new name).
    private mutating func renameIndexes(_ indexes: inout [Index], toward targets: [Index], schema: String,
                                        names relationNames: inout [String: Set<String>]) -> [(String, String)] {
        let oldNames = Set(indexes.map(\.name)), newNames = Set(targets.map(\.name))
        var added = targets.filter { !oldNames.contains($0.name) }.sorted { $0.name < $1.name }
        var renames: [(String, String)] = []
        for (at, index) in indexes.enumerated().sorted(by: { $0.element.name < $1.element.name })
        where !newNames.contains(index.name) && !added.isEmpty {
            guard let match = added.firstIndex(where: { Self.sameIndex(index, $0) }),
                  !relationNames[schema, default: []].contains(added[match].name) else { continue }
            let name = added.remove(at: match).name
            statements.append(Statement("ALTER INDEX \(QualifiedName(schema: schema, name: index.name).sql) RENAME TO \(SQLWriting.ident(name))"))
            relationNames[schema, default: []].remove(index.name)
            relationNames[schema, default: []].insert(name)
            indexes[at] = Self.renamed(index, to: name)
            renames.append((index.name, name))
        }
        return renames
    }

    private struct SequenceOwner: Hashable {
        let schema: String
        let column: ColumnReference?
    }

    /// The names of `model`'s relations by schema: tables, views, sequences, composite types,
    /// indexes and the indexes behind keys.
    private static func relationNames(_ model: DatabaseModel) -> [String: Set<String>] {
        var names: [String: Set<String>] = [:]
        for table in model.tables {
            names[table.name.schema, default: []].insert(table.name.name)
            names[table.name.schema, default: []].formUnion(table.indexes.map(\.name))
            names[table.name.schema, default: []].formUnion(table.constraints.filter(\.hasIndex).map(\.name))
        }
        for view in model.views {
            names[view.name.schema, default: []].insert(view.name.name)
            names[view.name.schema, default: []].formUnion(view.indexes.map(\.name))
        }
        for sequence in model.sequences { names[sequence.name.schema, default: []].insert(sequence.name.name) }
        for type in model.compositeTypes { names[type.name.schema, default: []].insert(type.name.name) }
        return names
    }

    /// `pg_get_indexdef`'s text without the index's own name, or nil where the name is not
    /// written as this writes it (a keyword the server quotes).
    private static func definitionWithoutName(_ index: Index) -> String? {
        for head in ["CREATE INDEX ", "CREATE UNIQUE INDEX "] {
            let prefix = head + SQLWriting.identPlain(index.name) + " ON "
            if index.definition.hasPrefix(prefix) { return head + index.definition.dropFirst(prefix.count) }
        }
        return nil
    }

    private static func sameIndex(_ old: Index, _ new: Index) -> Bool {
        guard !old.invalid, !new.invalid, old.unique == new.unique, old.method == new.method, old.keys == new.keys,
              old.operatorClasses == new.operatorClasses, old.include == new.include, old.predicate == new.predicate,
              let before = definitionWithoutName(old), let after = definitionWithoutName(new) else { return false }
        return before == after
    }

    private static func renamed(_ index: Index, to name: String) -> Index {
        var index = index
        if let rest = definitionWithoutName(index) {
            let head = rest.hasPrefix("CREATE UNIQUE INDEX ") ? "CREATE UNIQUE INDEX " : "CREATE INDEX "
            index.definition = head + SQLWriting.identPlain(name) + " ON " + rest.dropFirst(head.count)
        }
        index.name = name
        return index
    }

    /// Whether two constraints are the same but for their names and comments.
    private static func sameConstraint(_ old: Constraint, _ new: Constraint) -> Bool {
        var old = old
        old.name = new.name
        old.comment = new.comment
        old.indexComment = new.indexComment
        return old == new
    }

    /// `CLUSTER ON` and `REPLICA IDENTITY USING INDEX` name an index: by its new name.
    private static func followIndex(_ name: String, renamedTo newName: String, in table: inout Table) {
        if table.clusterOn == name { table.clusterOn = newName }
        // As `quote_ident` writes it (a keyword's quotes aside: then it reads as changed, and is set again).
        if table.replicaIdentity == "USING INDEX \(SQLWriting.identPlain(name))" {
            table.replicaIdentity = "USING INDEX \(SQLWriting.identPlain(newName))"
        }
    }
}
