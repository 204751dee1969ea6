import SQLText
import SchemaModel

/// A model as the server prints it once a schema is renamed (`ALTER SCHEMA … RENAME TO`):
/// every object in it under the new name, and every text that names one of them (a column's
/// type, a default's `nextval('s.seq'::regclass)`, a view's query, a foreign key's `REFERENCES`,
/// a trigger's function, a function's signature, default privileges `IN SCHEMA`, a publication's
/// `TABLES IN SCHEMA`) naming it anew. The server holds a schema by its number: its tables keep
/// their rows, and nothing in it is dropped or made again for the new name.
///
/// What the server does not rewrite stays: a function's body written as a string, a function's
/// `SET search_path`, comments. Where the target differs there (a body that names the new
/// schema), the plan changes it as any other change. A text the server prints otherwise than
/// this reads it leaves an object that differs from the target: it is made again, never wrongly
/// kept, and the proof compares.
enum SchemaRenaming {
    /// Schema `old` named `new` in `model`, with every object in it and every text that names one.
    static func rename(_ old: String, to new: String, in model: inout DatabaseModel) {
        let moved = { (name: QualifiedName) in name.schema == old ? QualifiedName(schema: new, name: name.name) : name }
        for position in model.schemas.indices where model.schemas[position].name == old { model.schemas[position].name = new }
        for position in model.extensions.indices where model.extensions[position].schema == old { model.extensions[position].schema = new }
        for position in model.enums.indices { model.enums[position].name = moved(model.enums[position].name) }
        for position in model.domains.indices { model.domains[position].name = moved(model.domains[position].name) }
        for position in model.compositeTypes.indices { model.compositeTypes[position].name = moved(model.compositeTypes[position].name) }
        for position in model.sequences.indices {
            model.sequences[position].name = moved(model.sequences[position].name)
            if let owner = model.sequences[position].ownedBy?.table { model.sequences[position].ownedBy?.table = moved(owner) }
        }
        for position in model.tables.indices {
            var table = model.tables[position]
            table.name = moved(table.name)
            table.partitionOf = table.partitionOf.map(moved)
            table.inherits = table.inherits.map(moved)
            table.ofType = table.ofType.map(moved)
            for column in table.columns.indices {
                if let sequence = table.columns[column].identity?.sequenceName { table.columns[column].identity?.sequenceName = moved(sequence) }
            }
            for constraint in table.constraints.indices {
                if let referenced = table.constraints[constraint].foreignKey?.referencedTable {
                    table.constraints[constraint].foreignKey?.referencedTable = moved(referenced)
                }
            }
            for trigger in table.triggers.indices { table.triggers[trigger].function = moved(table.triggers[trigger].function) }
            model.tables[position] = table
        }
        for position in model.views.indices {
            model.views[position].name = moved(model.views[position].name)
            for trigger in model.views[position].triggers.indices {
                model.views[position].triggers[trigger].function = moved(model.views[position].triggers[trigger].function)
            }
        }
        for position in model.functions.indices { model.functions[position].name = moved(model.functions[position].name) }
        for position in model.definedObjects.indices {
            if model.definedObjects[position].schema == old { model.definedObjects[position].schema = new }
            model.definedObjects[position].table = model.definedObjects[position].table.map(moved)
        }
        for position in model.unmodelled.indices where model.unmodelled[position].schema == old { model.unmodelled[position].schema = new }
        // pg_identify_object names a schema bare; everything in one, qualified (which `text` reads).
        let bare = SQLWriting.identPlain(old)
        for position in model.dependencies.indices {
            for end in [\Dependency.dependent, \Dependency.referenced] where model.dependencies[position][keyPath: end].type == "schema"
                && model.dependencies[position][keyPath: end].identity == bare {
                model.dependencies[position][keyPath: end].identity = SQLWriting.identPlain(new)
            }
        }
        TypeRenaming.rewrite(&model) { text($0, renaming: old, to: new) }
    }

    /// `text` as the server prints it once schema `old` is named `new`: each qualifier `old.`
    /// (an identifier followed by a dot, not itself after one), each schema after `SCHEMA` and
    /// the names listed after it (`IN SCHEMA old`, `TABLES IN SCHEMA a, old`), and each
    /// `'old.x'::regclass` (or another `reg…` type's constant), which prints its object's name.
    static func text(_ text: String, renaming old: String, to new: String) -> String {
        guard text.contains(old) || old.contains("\"") else { return text }
        let tokens = SQLToken.tokens(of: text)
        let replacement = SQLWriting.identPlain(new)
        func isQualifier(_ index: Int) -> Bool {
            tokens[index].identifier == old && index + 1 < tokens.count && tokens[index + 1].isSymbol(".")
                && (index == 0 || !tokens[index - 1].isSymbol("."))
        }
        var edits: [(first: Int, last: Int, with: String)] = []
        // After `SCHEMA`: a name, then a comma and another name, until anything else. The
        // reader lists a publication's schemas by name (`ORDER BY nspname`): renamed, the list
        // is written in that order again, one name to each place.
        enum List { case none, name, comma }
        var list = List.none, listed: [(index: Int, name: String)] = []
        func endList() {
            if listed.contains(where: { $0.name == old }) {
                let names = listed.map { $0.name == old ? new : $0.name }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
                for (place, name) in zip(listed, names) { edits.append((place.index, place.index, SQLWriting.identPlain(name))) }
            }
            listed = []
        }
        for index in tokens.indices {
            let token = tokens[index]
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            switch list {
            case .name:
                let name = token.identifier.flatMap { next?.isSymbol(".") == true ? nil : $0 }
                if let name { listed.append((index, name)) } else { endList() }
                list = name == nil ? .none : .comma
            case .comma:
                list = token.isSymbol(",") && next?.isWord("TABLE") != true && next?.isWord("TABLES") != true ? .name : .none
                if list == .none { endList() }
            case .none:
                break
            }
            if token.isWord("SCHEMA") { list = .name }
            if isQualifier(index) {
                edits.append((index, index, replacement))
            } else if token.kind == .string, index + 3 < tokens.count, tokens[index + 1].isSymbol(":"), tokens[index + 2].isSymbol(":"),
                      tokens[index + 3].kind == .word, tokens[index + 3].value.lowercased().hasPrefix("reg") {
                let inner = Self.text(token.value, renaming: old, to: new)
                if inner != token.value { edits.append((index, index, SQLWriting.literal(inner))) }
            }
        }
        endList()
        return ColumnRenaming.replacing(text, tokens: tokens, edits)
    }
}
