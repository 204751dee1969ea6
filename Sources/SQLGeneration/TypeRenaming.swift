import SQLText
import SchemaModel

/// A model as the server prints it once a type is renamed (`ALTER TYPE … RENAME TO`): the
/// columns, defaults, checks, indexes, views, function signatures and dependency edges that
/// name it, named anew. The server holds a type by its number, so every one of them stays; only
/// their printed text changes, and a plan must not drop and make them again for that (a
/// column retyped rewrites its table).
///
/// The type is each qualified name of tokens `schema . name` not followed by `(` (a function
/// of that name) unless it follows `REFERENCES` (a foreign key's table and its columns) or
/// `ONLY` (a publication's table and its column list);
/// string constants and dollar-quoted bodies are single tokens, left alone, as the server
/// leaves a function's body. A name the server prints otherwise (quoted as a
/// keyword) leaves a text that matches no target: its object is made again, never wrongly kept.
enum TypeRenaming {
    /// `text` with type `old` named `new`.
    static func text(_ text: String, renaming old: QualifiedName, to new: QualifiedName) -> String {
        guard text.contains(old.name) else { return text }
        let tokens = SQLToken.tokens(of: text)
        let replacement = SQLWriting.qualifiedPlain(new)
        let edits = tokens.indices.dropLast(2).compactMap { index -> (first: Int, last: Int, with: String)? in
            guard tokens[index].identifier == old.schema, tokens[index + 1].isSymbol("."), tokens[index + 2].identifier == old.name,
                  index + 3 >= tokens.count || !tokens[index + 3].isSymbol("(")
                    || (index > 0 && (tokens[index - 1].isWord("REFERENCES") || tokens[index - 1].isWord("ONLY"))),
                  index == 0 || !tokens[index - 1].isSymbol(".") else { return nil }
            return (index, index + 2, replacement)
        }
        return ColumnRenaming.replacing(text, tokens: tokens, edits)
    }

    /// Sequence `old` named `new`, and every column default that names it (`nextval('s'::regclass)`),
    /// as the server prints it after `ALTER SEQUENCE … RENAME TO` or `SET SCHEMA`.
    static func renameSequence(_ old: QualifiedName, to new: QualifiedName, in model: inout DatabaseModel) {
        for position in model.sequences.indices where model.sequences[position].name == old { model.sequences[position].name = new }
        let (before, after) = (SQLWriting.regclassLiteral(old), SQLWriting.regclassLiteral(new))
        for table in model.tables.indices {
            for column in model.tables[table].columns.indices where model.tables[table].columns[column].defaultExpression?.contains(before) == true {
                model.tables[table].columns[column].defaultExpression = model.tables[table].columns[column].defaultExpression?
                    .replacingOccurrences(of: before, with: after)
            }
        }
    }

    /// `text` with each constant `'old'::type` (as the server prints an enum's value) reading
    /// `'new'`.
    static func value(_ text: String, renaming old: String, to new: String, of type: QualifiedName) -> String {
        guard text.contains(type.name) else { return text }
        let tokens = SQLToken.tokens(of: text)
        let edits = tokens.indices.compactMap { index -> (first: Int, last: Int, with: String)? in
            guard tokens[index].kind == .string, tokens[index].value == old, index + 5 < tokens.count,
                  tokens[index + 1].isSymbol(":"), tokens[index + 2].isSymbol(":"), tokens[index + 3].identifier == type.schema,
                  tokens[index + 4].isSymbol("."), tokens[index + 5].identifier == type.name else { return nil }
            return (index, index, SQLWriting.literal(new))
        }
        return ColumnRenaming.replacing(text, tokens: tokens, edits)
    }

    /// Every text of `model` that names type `old`, naming `new` (the type itself is renamed by
    /// the caller).
    static func rename(_ old: QualifiedName, to new: QualifiedName, in model: inout DatabaseModel) {
        for position in model.tables.indices where model.tables[position].ofType == old { model.tables[position].ofType = new }
        rewrite(&model) { text($0, renaming: old, to: new) }
    }

    /// Every text of `model` that names table `old` (renamed or moved), naming `new` as the
    /// server prints it afterwards: its row type wherever a column, argument or result takes it,
    /// its triggers', indexes' and rules' definitions, the statistics on it, and, where the name
    /// changes, the columns views, rules and SQL-standard bodies read from it (the server
    /// qualifies them with the table's current name where the query gave it no alias). Rules on
    /// it follow it. What it prints otherwise is made again, never wrongly kept: a proof compares.
    static func renameTable(_ old: QualifiedName, to new: QualifiedName, in model: inout DatabaseModel) {
        for position in model.definedObjects.indices where model.definedObjects[position].table == old {
            model.definedObjects[position].table = new
        }
        guard old.name != new.name else { return rename(old, to: new, in: &model) }
        // The queries that read the table (named before the rename) also call its columns by its name.
        let readers = { (text: String) in text.contains(old.name) && text != Self.text(text, renaming: old, to: new) }
        for position in model.views.indices where readers(model.views[position].definition) {
            model.views[position].definition = qualifier(model.views[position].definition, renaming: old.name, to: new.name)
        }
        for position in model.definedObjects.indices where model.definedObjects[position].kind == .rule && readers(model.definedObjects[position].definition) {
            model.definedObjects[position].definition = qualifier(model.definedObjects[position].definition, renaming: old.name, to: new.name)
        }
        for position in model.functions.indices where readers(model.functions[position].body) {
            let function = model.functions[position]
            guard !SQLToken.tokens(of: function.definition).contains(where: { $0.kind == .string && $0.value == function.body }) else { continue }
            model.functions[position].body = qualifier(function.body, renaming: old.name, to: new.name)
            model.functions[position].definition = qualifier(function.definition, renaming: old.name, to: new.name)
        }
        rename(old, to: new, in: &model)
    }

    /// `text` with each column qualifier `old.` (an identifier not itself after a dot) reading `new.`.
    private static func qualifier(_ text: String, renaming old: String, to new: String) -> String {
        let tokens = SQLToken.tokens(of: text)
        let edits = tokens.indices.dropLast().compactMap { index -> (first: Int, last: Int, with: String)? in
            guard tokens[index].identifier == old, tokens[index + 1].isSymbol("."), index == 0 || !tokens[index - 1].isSymbol(".") else { return nil }
            return (index, index, SQLWriting.identPlain(new))
        }
        return ColumnRenaming.replacing(text, tokens: tokens, edits)
    }

    /// Every constant `'old'::type` of `model` reading `'new'` (an enum's value renamed).
    static func renameValue(_ old: String, to new: String, of type: QualifiedName, in model: inout DatabaseModel) {
        rewrite(&model) { value($0, renaming: old, to: new, of: type) }
    }

    /// `t` applied to every text of `model` that may name a type or hold one of its constants
    /// (or name a schema: `SchemaRenaming`).
    static func rewrite(_ model: inout DatabaseModel, _ t: @escaping (String) -> String) {
        let optional = { (value: String?) in value.map(t) }
        func indexes(_ list: inout [Index]) {
            for i in list.indices {
                list[i].definition = t(list[i].definition)
                list[i].keys = list[i].keys.map(t)
                list[i].predicate = optional(list[i].predicate)
                list[i].operatorClasses = list[i].operatorClasses.map(optional)
            }
        }
        for position in model.tables.indices {
            var table = model.tables[position]
            table.partitionKey = optional(table.partitionKey)
            for i in table.columns.indices {
                table.columns[i].type = t(table.columns[i].type)
                table.columns[i].collation = optional(table.columns[i].collation)
                table.columns[i].defaultExpression = optional(table.columns[i].defaultExpression)
                table.columns[i].generatedExpression = optional(table.columns[i].generatedExpression)
            }
            for i in table.constraints.indices { table.constraints[i].definition = t(table.constraints[i].definition) }
            indexes(&table.indexes)
            for i in table.policies.indices {
                table.policies[i].using = optional(table.policies[i].using)
                table.policies[i].withCheck = optional(table.policies[i].withCheck)
            }
            for i in table.triggers.indices {
                table.triggers[i].definition = t(table.triggers[i].definition)
                table.triggers[i].when = optional(table.triggers[i].when)
            }
            model.tables[position] = table
        }
        for position in model.views.indices {
            model.views[position].definition = t(model.views[position].definition)
            indexes(&model.views[position].indexes)
            for i in model.views[position].columnDefaults.indices {
                model.views[position].columnDefaults[i].expression = t(model.views[position].columnDefaults[i].expression)
            }
            for i in model.views[position].triggers.indices {
                model.views[position].triggers[i].definition = t(model.views[position].triggers[i].definition)
                model.views[position].triggers[i].when = optional(model.views[position].triggers[i].when)
            }
        }
        for position in model.functions.indices {
            var function = model.functions[position]
            // A body as written (`prosrc`) is a string of the definition, which the server leaves
            // as it was; a SQL-standard body is deparsed, and names the type anew.
            let written = SQLToken.tokens(of: function.definition).contains { $0.kind == .string && $0.value == function.body }
            function.identityArguments = t(function.identityArguments)
            function.arguments = t(function.arguments)
            function.result = optional(function.result)
            function.definition = t(function.definition)
            if !written { function.body = t(function.body) }
            model.functions[position] = function
        }
        for position in model.domains.indices {
            model.domains[position].baseType = t(model.domains[position].baseType)
            model.domains[position].defaultExpression = optional(model.domains[position].defaultExpression)
            for i in model.domains[position].checks.indices {
                model.domains[position].checks[i].definition = t(model.domains[position].checks[i].definition)
            }
        }
        for position in model.compositeTypes.indices {
            for i in model.compositeTypes[position].attributes.indices {
                model.compositeTypes[position].attributes[i].type = t(model.compositeTypes[position].attributes[i].type)
            }
        }
        for position in model.definedObjects.indices {
            model.definedObjects[position].name = t(model.definedObjects[position].name)
            model.definedObjects[position].signature = optional(model.definedObjects[position].signature)
            model.definedObjects[position].definition = t(model.definedObjects[position].definition)
        }
        for position in model.dependencies.indices {
            model.dependencies[position].dependent.identity = t(model.dependencies[position].dependent.identity)
            model.dependencies[position].referenced.identity = t(model.dependencies[position].referenced.identity)
        }
    }
}
