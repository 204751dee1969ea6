import SQLText
import SchemaModel

/// Schemas, extensions, enums, domains, composite types and sequences: creation,
/// and the statements that finish each (comments, privileges).
enum TypeDDL {
    static func typeExists(_ name: QualifiedName) -> String {
        "SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
            + "WHERE n.nspname = \(SQLWriting.literal(name.schema)) AND t.typname = \(SQLWriting.literal(name.name))"
    }

    static func create(_ schema: Namespace) -> [Statement] {
        let name = SQLWriting.ident(schema.name)
        var statements = [Statement("CREATE SCHEMA IF NOT EXISTS \(name)")]
        let comment = SQLWriting.comment(on: "SCHEMA \(name)", schema.comment)
        if schema.name == "public" {
            // Every new database has `public`, with its comment already (which a schema may have
            // dropped: `IS NULL`); before 15 it belongs to the bootstrap superuser, and COMMENT by
            // anyone else fails even where nothing changes.
            let current = "pg_catalog.obj_description('public'::pg_catalog.regnamespace, 'pg_namespace')"
            statements.append(SQLWriting.unless("SELECT WHERE " + current + (schema.comment.map { " = " + SQLWriting.literal($0) } ?? " IS NULL"),
                                                comment.sql))
        } else if schema.comment != nil {
            statements.append(comment)
        }
        statements += PrivilegeDDL.statements(on: "SCHEMA \(name)", from: [], to: schema.privileges)
        return statements
    }

    static func create(_ extension: Extension) -> [Statement] {
        let name = SQLWriting.ident(`extension`.name)
        var statements = [Statement("CREATE EXTENSION IF NOT EXISTS \(name) WITH SCHEMA \(SQLWriting.ident(`extension`.schema)) "
                                    + "VERSION \(SQLWriting.literal(`extension`.version))")]
        if let comment = `extension`.comment { statements.append(SQLWriting.comment(on: "EXTENSION \(name)", comment)) }
        return statements
    }

    static func create(_ type: EnumType, guarded: Bool) -> [Statement] {
        let create = "CREATE TYPE \(type.name.sql) AS ENUM (\(type.labels.map(SQLWriting.literal).joined(separator: ", ")))"
        return [SQLWriting.unless(guarded ? typeExists(type.name) : nil, create)] + finish(type)
    }

    static func finish(_ type: EnumType) -> [Statement] {
        (type.comment.map { [SQLWriting.comment(on: "TYPE \(type.name.sql)", $0)] } ?? [])
            + PrivilegeDDL.statements(on: "TYPE \(type.name.sql)", from: [], to: type.privileges)
    }

    /// The name of `domain`'s NOT NULL constraint: its own, or the one the server gives (17).
    static func notNullName(of domain: Domain) -> String {
        domain.notNullName ?? ServerNames.objectName(domain.name.name, nil, label: "not_null")
    }

    static func create(_ domain: Domain, guarded: Bool) -> [Statement] {
        var create = "CREATE DOMAIN \(domain.name.sql) AS \(domain.baseType)"
        if let collation = domain.collation { create += " COLLATE \(collation)" }
        if let value = domain.defaultExpression { create += " DEFAULT \(value)" }
        if domain.notNull { create += " " + TableDDL.notNull(named: domain.notNullName) }
        // Checks not yet validated are added after, as NOT VALID (CREATE DOMAIN validates nothing but cannot say so).
        for check in domain.checks where check.validated {
            create += " CONSTRAINT \(SQLWriting.ident(check.name)) \(check.definition)"
        }
        var statements = [SQLWriting.unless(guarded ? typeExists(domain.name) : nil, create)]
        for check in domain.checks where !check.validated {
            statements.append(contentsOf: addCheck(check, to: domain, guarded: guarded))
        }
        for check in domain.checks where check.comment != nil {
            statements.append(SQLWriting.comment(on: "CONSTRAINT \(SQLWriting.ident(check.name)) ON DOMAIN \(domain.name.sql)", check.comment))
        }
        if let comment = domain.comment { statements.append(SQLWriting.comment(on: "DOMAIN \(domain.name.sql)", comment)) }
        statements += PrivilegeDDL.statements(on: "DOMAIN \(domain.name.sql)", from: [], to: domain.privileges)
        return statements
    }

    static func dropCheck(_ name: String, from domain: QualifiedName) -> Statement {
        Statement("ALTER DOMAIN \(domain.sql) DROP CONSTRAINT IF EXISTS \(SQLWriting.ident(name))")
    }

    static func addCheck(_ check: NamedCheck, to domain: Domain, guarded: Bool) -> [Statement] {
        let definition = check.definition.hasSuffix(" NOT VALID") || check.validated ? check.definition : check.definition + " NOT VALID"
        let add = "ALTER DOMAIN \(domain.name.sql) ADD CONSTRAINT \(SQLWriting.ident(check.name)) \(definition)"
        let exists = "SELECT 1 FROM pg_catalog.pg_constraint WHERE contypid = \(SQLWriting.literal(domain.name.sql))::pg_catalog.regtype "
            + "AND conname = \(SQLWriting.literal(check.name))"
        return [SQLWriting.unless(guarded ? exists : nil, add)]
    }

    static func create(_ type: CompositeType, guarded: Bool) -> [Statement] {
        let attributes = type.attributes.map { attribute in
            SQLWriting.ident(attribute.name) + " " + attribute.type + (attribute.collation.map { " COLLATE \($0)" } ?? "")
        }
        let create = "CREATE TYPE \(type.name.sql) AS (\(attributes.joined(separator: ", ")))"
        var statements = [SQLWriting.unless(guarded ? typeExists(type.name) : nil, create)]
        for attribute in type.attributes where attribute.comment != nil {
            statements.append(SQLWriting.comment(on: "COLUMN \(type.name.sql).\(SQLWriting.ident(attribute.name))", attribute.comment))
        }
        if let comment = type.comment { statements.append(SQLWriting.comment(on: "TYPE \(type.name.sql)", comment)) }
        statements += PrivilegeDDL.statements(on: "TYPE \(type.name.sql)", from: [], to: type.privileges)
        return statements
    }

    /// `AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE … START WITH 1 CACHE 1 NO CYCLE`.
    static func sequenceOptions(_ options: SequenceOptions, withType: Bool = true) -> String {
        (withType ? "AS \(options.dataType) " : "")
            + "INCREMENT BY \(options.increment) MINVALUE \(options.minValue) MAXVALUE \(options.maxValue) "
            + "START WITH \(options.start) CACHE \(options.cache) \(options.cycle ? "CYCLE" : "NO CYCLE")"
    }

    /// `alter`, a statement that changes a sequence's options, made safe for a sequence
    /// that has handed out no value yet. Such a sequence stands at its old start, and the
    /// server checks the value it stands at against the new bounds ("RESTART value (1)
    /// cannot be greater than MAXVALUE (-10)"), so moving the start outside the old
    /// bounds would fail on every fresh database. Having given nothing, it restarts at the
    /// new start, as the target's own sequence would; one that has been called keeps its
    /// value, and the server's check decides.
    static func alterOptions(_ alter: String, of sequence: QualifiedName, from old: SequenceOptions,
                             to new: SequenceOptions, hazards: [Hazard] = []) -> Statement {
        guard old.start < new.minValue || old.start > new.maxValue else { return Statement(alter, hazards: hazards) }
        let body = """
            BEGIN
                IF (SELECT NOT is_called AND (last_value < \(new.minValue) OR last_value > \(new.maxValue)) FROM \(sequence.sql)) THEN
                    \(alter) RESTART;
                ELSE
                    \(alter);
                END IF;
            END
            """
        return Statement(SQLWriting.doBlock(body), hazards: hazards)
    }

    static func create(_ sequence: Sequence) -> [Statement] {
        var statements = [Statement("CREATE \(sequence.unlogged ? "UNLOGGED " : "")SEQUENCE IF NOT EXISTS \(sequence.name.sql) "
                                    + sequenceOptions(sequence.options))]
        if let comment = sequence.comment { statements.append(SQLWriting.comment(on: "SEQUENCE \(sequence.name.sql)", comment)) }
        statements += PrivilegeDDL.statements(on: "SEQUENCE \(sequence.name.sql)", from: [], to: sequence.privileges)
        return statements
    }

    /// `OWNED BY`, once its column exists.
    static func ownership(_ sequence: Sequence) -> Statement {
        let owner = sequence.ownedBy.map { "\($0.table.sql).\(SQLWriting.ident($0.column))" } ?? "NONE"
        return Statement("ALTER SEQUENCE \(sequence.name.sql) OWNED BY \(owner)")
    }

    /// `OWNED BY NONE`: the sequence no longer goes with the column that owned it.
    static func detachment(_ sequence: Sequence) -> Statement {
        var detached = sequence
        detached.ownedBy = nil
        return ownership(detached)
    }
}
