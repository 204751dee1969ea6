import SchemaModel

/// The guide: "Each migration should make a single logical change".
///
/// What counts as one change: the tables a migration creates or whose columns it
/// changes, and the views it creates or redefines, joined when a foreign key or a
/// view ties them. Two groups that nothing ties are two changes (two unrelated
/// tables created, say). Triggers, indexes, grants and comments spread over
/// several tables are not counted: one function's trigger on ten tables is one change.
struct MultipleChanges: LintRule {
    let id = "multiple-changes"
    let summary = "A migration that makes more than one unrelated change."
    let explanation = """
        One logical change per migration keeps each one reviewable, and lets it be rolled back without undoing \
        something unrelated. Tables the migration creates or whose columns it changes, and views it creates or \
        redefines, are grouped when a foreign key or a view ties them; more than one group is more than one change. \
        Split the file, one migration per group.
        """

    func check(_ subject: LintSubject) -> [LintFinding] {
        guard let after = subject.after else { return [] }
        var subjects: [QualifiedName] = []
        for table in after.tables where table.partitionOf == nil {
            guard let old = subject.before.table(table.name.schema, table.name.name) else { subjects.append(table.name); continue }
            if old.columns.map({ [$0.name, $0.type] }) != table.columns.map({ [$0.name, $0.type] }) { subjects.append(table.name) }
        }
        let oldViews = Dictionary(subject.before.views.map { ($0.name, $0.definition) }, uniquingKeysWith: { first, _ in first })
        let views = after.views.filter { oldViews[$0.name] != $0.definition }
        subjects += views.map(\.name)
        guard subjects.count > 1 else { return [] }
        var groups = UnionFind(subjects)
        for table in after.tables where groups.contains(table.name) {
            for constraint in table.constraints {
                if let key = constraint.foreignKey, groups.contains(key.referencedTable) { groups.union(table.name, key.referencedTable) }
            }
        }
        for view in views {
            let words = Set(SQLTokenWords.identifiers(in: view.definition))
            for other in subjects where other != view.name && words.contains(other.name) { groups.union(view.name, other) }
        }
        // In the order the file first names them; the finding goes where the second change begins.
        func firstMention(_ name: QualifiedName) -> Int {
            subject.file.statements.firstIndex { $0.tokens.contains { $0.identifier == name.name } } ?? Int.max
        }
        let components = groups.components().map { group in (group, group.map(firstMention).min() ?? Int.max) }
            .sorted { $0.1 < $1.1 }
        guard components.count > 1 else { return [] }
        let described = components.map { $0.0.map { "\($0.schema).\($0.name)" }.joined(separator: ", ") }
        let statement = components[1].1 < subject.file.statements.count ? subject.file.statements[components[1].1] : nil
        return [subject.file.finding(self, "makes \(components.count) unrelated changes (\(described.joined(separator: "; "))): "
                                     + "no foreign key or view ties them; one logical change per migration", at: statement)]
    }
}

/// Groups of names joined by `union`, each group in first-seen order, groups by their first member.
struct UnionFind {
    private var parent: [QualifiedName: QualifiedName] = [:]
    private let order: [QualifiedName]

    init(_ names: [QualifiedName]) {
        order = names
        for name in names { parent[name] = name }
    }

    func contains(_ name: QualifiedName) -> Bool { parent[name] != nil }

    mutating func root(_ name: QualifiedName) -> QualifiedName {
        var current = name
        while let next = parent[current], next != current { current = next }
        parent[name] = current
        return current
    }

    mutating func union(_ a: QualifiedName, _ b: QualifiedName) {
        let (rootA, rootB) = (root(a), root(b))
        if rootA != rootB { parent[rootB] = rootA }
    }

    mutating func components() -> [[QualifiedName]] {
        var groups: [QualifiedName: [QualifiedName]] = [:]
        var roots: [QualifiedName] = []
        for name in order {
            let key = root(name)
            if groups[key] == nil { roots.append(key) }
            groups[key, default: []].append(name)
        }
        return roots.map { groups[$0]! }
    }
}
