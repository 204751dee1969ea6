import SQLGeneration
import SchemaModel
import XCTest

/// The planner on hand-built models, no server: the shape of a plan (order,
/// hazards, notes, transactions). That every plan runs and gives its target is
/// proved against a real server in GenerationTests.
final class PlannerTests: XCTestCase {
    private let t = QualifiedName(schema: "public", name: "t")

    private func table(_ columns: [Column], name: String = "t", constraints: [Constraint] = [], indexes: [Index] = []) -> Table {
        Table(name: QualifiedName(schema: "public", name: name), columns: columns, constraints: constraints, indexes: indexes)
    }

    private func model(_ tables: [Table], enums: [EnumType] = []) -> DatabaseModel {
        var model = DatabaseModel()
        model.schemas = [Namespace(name: "public")]
        model.tables = tables
        model.enums = enums
        model.canonicalize()
        return model
    }

    private func sql(_ plan: Plan) -> [String] { plan.statements.map(\.sql) }

    /// The statement that changes column `a` of `t` from type `from` to type `to`.
    private func alter(_ from: String, _ to: String) -> String? {
        let old = model([table([Column(name: "a", position: 1, type: from)])])
        let new = model([table([Column(name: "a", position: 1, type: to)])])
        return sql(Planner(from: old, to: new).plan()).first { $0.contains(" TYPE ") }
    }

    func testDroppingAColumnIsDataLossAndARemovedAndAddedColumnOfOneShapeIsAPossibleRename() {
        let old = model([table([Column(name: "id", position: 1, type: "integer"), Column(name: "mail", position: 2, type: "text")])])
        let new = model([table([Column(name: "id", position: 1, type: "integer"), Column(name: "email", position: 2, type: "text")])])
        let plan = Planner(from: old, to: new).plan()
        XCTAssertTrue(plan.dataLoss.contains("column \"public\".\"t\".\"mail\" and its values"), "\(plan.dataLoss)")
        XCTAssertTrue(plan.notes.contains { $0.hasPrefix("possible rename of \"public\".\"t\".\"mail\" to \"email\"") }, "\(plan.notes)")
        XCTAssertTrue(plan.sql.contains("-- hazard: data loss: column \"public\".\"t\".\"mail\" and its values\n"))

        let renamed = Planner(from: old, to: new, options: PlanOptions(renames: [Rename(table: t, column: "mail", newName: "email")])).plan()
        XCTAssertEqual(sql(renamed), ["ALTER TABLE \"public\".\"t\" RENAME COLUMN \"mail\" TO \"email\";"])
        XCTAssertEqual(renamed.dataLoss, [])
    }

    /// A table of the same name and shape in another schema is a possible move; `--rename
    /// app.t=archive.t` makes it one (`SET SCHEMA`), with its serial's sequence, and back.
    /// A parent's column renamed is renamed in its partitions too: one possible rename, the
    /// parent's, and with it confirmed one statement (the server refuses it on a partition).
    func testAPartitionsColumnIsRenamedWithItsParentsAndNotAlone() throws {
        func schema(_ column: String) -> DatabaseModel {
            var model = DatabaseModel()
            model.schemas = [Namespace(name: "public")]
            let columns = [Column(name: "at", position: 1, type: "date"), Column(name: column, position: 2, type: "text")]
            model.tables = [Table(name: QualifiedName(schema: "public", name: "events"), kind: .partitioned, partitionKey: "RANGE (at)", columns: columns),
                            Table(name: QualifiedName(schema: "public", name: "events_2024"),
                                  partitionOf: QualifiedName(schema: "public", name: "events"), partitionBound: "DEFAULT", columns: columns)]
            model.canonicalize()
            return model
        }
        let (old, new) = (schema("note"), schema("body"))
        XCTAssertEqual(Planner(from: old, to: new).plan().notes,
                       ["possible rename of \"public\".\"events\".\"note\" to \"body\": --rename public.events.note=body keeps its data"])
        let rename = try XCTUnwrap(Rename.parse("public.events.note=body", tables: Set(old.tables.map(\.name))))
        let renamed = Planner(from: old, to: new, options: PlanOptions(renames: [rename])).plan()
        XCTAssertEqual(sql(renamed), ["ALTER TABLE \"public\".\"events\" RENAME COLUMN \"note\" TO \"body\";"])
    }

    /// A name holding a dot, a double quote or `=` is named in double quotes, as in SQL; a bare
    /// name is taken as written. A possible rename's note writes the argument so that it reads
    /// back to the same rename, in single quotes where a shell would split it.
    func testQuotedNamesInARenameAreReadAndWrittenBack() throws {
        let user = QualifiedName(schema: "App.Core", name: "User")
        XCTAssertEqual(Rename.parse(#""App.Core"."User"."e""mail"=E-mail"#, tables: [user]),
                       Rename(table: user, column: "e\"mail", newName: "E-mail"))
        XCTAssertEqual(Rename.parse(#""App.Core".User="Mem=ber""#, tables: [user]), Rename(table: user, newName: "Mem=ber"))
        XCTAssertEqual(Rename.parse(#""App.Core"."User"."a""=b"=c"#, tables: [user]), Rename(table: user, column: #"a"=b"#, newName: "c"))
        XCTAssertEqual(Rename.parse(#""App.Core".User=archive."Old.Users""#, tables: [user]),
                       Rename(table: user, newName: "Old.Users", newSchema: "archive"))
        XCTAssertNil(Rename.parse(#""App.Core.User=Member"#, tables: [user]), "a quote not closed")
        XCTAssertNil(Rename.parse(#""App"x.User=Member"#, tables: [user]), "a quoted part runs on")
        XCTAssertEqual(Rename.parse(#"t.a"b=c"#, tables: []), Rename(table: QualifiedName(schema: "public", name: "t"), column: #"a"b"#, newName: "c"),
                       "a quote inside a bare name is its own")
        XCTAssertEqual(Rename.parse("Users.Mail=mail", tables: []), Rename(table: QualifiedName(schema: "public", name: "Users"), column: "Mail", newName: "mail"),
                       "bare names keep their case")
        for (old, new) in [(["App.Core", "User", "e\"mail"], ["E-mail"]), (["public", "t", "a"], ["b"]), (["s p", "t=u"], ["x", " y"])] {
            let text = RenameArgument.text(old: old, new: new)
            let unquoted = text.hasPrefix("'") ? String(text.dropFirst().dropLast()) : text
            XCTAssertEqual(RenameArgument.sides(unquoted)?.old, old, text)
            XCTAssertEqual(RenameArgument.sides(unquoted)?.new, new, text)
        }
        XCTAssertEqual(RenameArgument.text(old: ["public", "t", "a"], new: ["b"]), "public.t.a=b")
        XCTAssertEqual(RenameArgument.text(old: ["App.Core", "User"], new: ["Member"]), #"'"App.Core".User=Member'"#)

        func schema(_ column: String) -> DatabaseModel {
            var model = DatabaseModel()
            model.schemas = [Namespace(name: "App.Core")]
            model.tables = [Table(name: user, columns: [Column(name: column, position: 1, type: "text")])]
            model.canonicalize()
            return model
        }
        XCTAssertEqual(Planner(from: schema("e\"mail"), to: schema("it's")).plan().notes,
                       [#"possible rename of "App.Core"."User"."e""mail" to "it's": --rename '"App.Core".User."e""mail"=it'\''s' keeps its data"#])
    }

    /// `schema.enum.value=new` names an enum's value (which may hold dots) when the enum is one
    /// of the model's; the reverse plan renames it back.
    func testAnEnumValueRenameIsReadAndReversed() throws {
        let status = QualifiedName(schema: "app", name: "status"), plan = QualifiedName(schema: "public", name: "plan")
        let rename = try XCTUnwrap(Rename.parse("app.status.v1.0=v1.1", tables: [], enums: [status, plan]))
        XCTAssertEqual(rename, Rename(table: status, column: "v1.0", newName: "v1.1", enumValue: true))
        XCTAssertEqual(rename.description, #"value 'v1.0' of "app"."status" to 'v1.1'"#)
        XCTAssertEqual(Rename.reversed([rename]), [Rename(table: status, column: "v1.1", newName: "v1.0", enumValue: true)])
        XCTAssertEqual(Rename.parse("plan.free=basic", tables: [], enums: [status, plan]),
                       Rename(table: plan, column: "free", newName: "basic", enumValue: true))
        XCTAssertEqual(Rename.parse("plan.free=basic", tables: []), Rename(table: plan, column: "free", newName: "basic"),
                       "without the enum, a column")
    }

    /// A rename that names nothing of the source, or a name already taken, is an error (it was
    /// ignored, and the plan dropped what was meant to be renamed).
    func testARenameOfNothingOrOntoATakenNameIsAProblem() {
        var model = DatabaseModel()
        let t = QualifiedName(schema: "public", name: "t"), u = QualifiedName(schema: "public", name: "u")
        model.tables = [Table(name: t, columns: [Column(name: "a", position: 1, type: "integer"), Column(name: "b", position: 2, type: "integer")]),
                        Table(name: u)]
        model.enums = [EnumType(name: QualifiedName(schema: "public", name: "e"), labels: ["x", "y"])]
        let problems = ["t.c=d", "t.a=b", "v=w", "t=u", "e.z=w", "e.x=y", "t.a=c", "t=v", "e.x=z"].map { text in
            Rename.parse(text, tables: [t, u], enums: [QualifiedName(schema: "public", name: "e")])?.problem(in: model)
        }
        XCTAssertEqual(problems, [#""public"."t" has no column "c""#, #""public"."t" already has a column "b""#, #"there is no table "public"."v""#,
                                  #"there is already a table "public"."u""#, #""public"."e" has no value 'z'"#, #""public"."e" already has a value 'y'"#,
                                  nil, nil, nil])
    }

    func testATableOfOneShapeInAnotherSchemaIsAPossibleMove() throws {
        let (app, archive) = (QualifiedName(schema: "app", name: "t"), QualifiedName(schema: "archive", name: "t"))
        func schema(_ table: QualifiedName, renamedTo name: String? = nil) -> DatabaseModel {
            var model = DatabaseModel()
            model.schemas = [Namespace(name: "app"), Namespace(name: "archive")]
            let sequence = QualifiedName(schema: table.schema, name: "t_id_seq")
            model.tables = [Table(name: QualifiedName(schema: table.schema, name: name ?? table.name), columns: [
                Column(name: "id", position: 1, type: "integer", notNull: true, defaultExpression: "nextval('\(sequence.schema).t_id_seq'::regclass)"),
            ])]
            model.sequences = [Sequence(name: sequence, options: SequenceOptions(dataType: "integer", start: 1, increment: 1, minValue: 1,
                                                                                 maxValue: 2_147_483_647, cache: 1, cycle: false),
                                        ownedBy: ColumnReference(table: model.tables[0].name, column: "id"))]
            model.canonicalize()
            return model
        }
        let (old, new) = (schema(app), schema(archive))
        let plan = Planner(from: old, to: new).plan()
        XCTAssertTrue(plan.notes.contains("possible move of \"app\".\"t\" to \"archive\".\"t\": --rename app.t=archive.t keeps its data"), "\(plan.notes)")
        XCTAssertFalse(plan.dataLoss.isEmpty)

        let rename = try XCTUnwrap(Rename.parse("app.t=archive.t", tables: [app]))
        XCTAssertEqual(rename, Rename(table: app, newName: "t", newSchema: "archive"))
        XCTAssertEqual(rename.description, "\"app\".\"t\" to \"archive\".\"t\"")
        let moved = Planner(from: old, to: new, options: PlanOptions(renames: [rename])).plan()
        // The sequence goes along, and the default names it where it is then: nothing more.
        XCTAssertEqual(sql(moved), ["ALTER TABLE \"app\".\"t\" SET SCHEMA \"archive\";"])
        XCTAssertEqual(moved.dataLoss, [])

        // Moved and renamed, then back.
        let renamedAndMoved = try XCTUnwrap(Rename.parse("app.t=archive.u", tables: [app]))
        XCTAssertEqual(sql(Planner(from: old, to: schema(archive, renamedTo: "u"), options: PlanOptions(renames: [renamedAndMoved])).plan()),
                       ["ALTER TABLE \"app\".\"t\" RENAME TO \"u\";", "ALTER TABLE \"app\".\"u\" SET SCHEMA \"archive\";"])
        XCTAssertEqual(Rename.reversed([renamedAndMoved]), [Rename(table: QualifiedName(schema: "archive", name: "u"), newName: "t", newSchema: "app")])
        XCTAssertNil(Rename.parse("app.t=archive.", tables: [app]))
    }

    /// A renamed column's index and check are read as the server prints them after RENAME
    /// COLUMN: the column's name changes, not a table, function or string of the same name.
    func testARenamedColumnsDefinitionsChangeOnlyWhereTheyNameIt() {
        let table = QualifiedName(schema: "public", name: "total")
        func schema(_ column: String) -> DatabaseModel {
            var model = DatabaseModel()
            model.schemas = [Namespace(name: "public")]
            model.tables = [Table(name: table, columns: [Column(name: column, position: 1, type: "integer")],
                                  constraints: [Constraint(name: "c", kind: .check, definition: "CHECK (((\(column))::text <> 'total'::text))",
                                                           columns: [column])],
                                  indexes: [Index(name: "i", definition: "CREATE INDEX i ON public.total USING btree (\(column), total(\(column))) "
                                                  + "WHERE (\(column) > 0)", keys: [column, "total(\(column))"])])]
            model.canonicalize()
            return model
        }
        let plan = Planner(from: schema("total"), to: schema("amount"),
                           options: PlanOptions(renames: [Rename(table: table, column: "total", newName: "amount")])).plan()
        XCTAssertEqual(sql(plan), ["ALTER TABLE \"public\".\"total\" RENAME COLUMN \"total\" TO \"amount\";"])
    }

    func testATypeWithNoCastFromTheOldOneIsReachedThroughTextAndOneWithACastDirectly() {
        // From, to, and what USING reads.
        let cases: [(String, String, String)] = [
            ("integer", "uuid", "\"a\"::text::uuid"),
            ("int4multirange", "int4range", "\"a\"::text::int4range"),
            ("integer[]", "uuid[]", "\"a\"::text[]::uuid[]"),
            ("integer", "bigint", "\"a\"::bigint"),
            ("integer", "boolean", "\"a\"::boolean"),
            ("text", "uuid", "\"a\"::uuid"),
            ("timestamp(3) without time zone", "timestamp with time zone", "\"a\"::timestamp with time zone"),
            // Within a family, only some pairs cast: no two range or multirange types, an address
            // to an address but not to a MAC, a box to a point but not a point to a circle.
            ("int4multirange", "int8multirange", "\"a\"::text::int8multirange"),
            ("int4range", "int4multirange", "\"a\"::int4multirange"),
            ("inet", "cidr", "\"a\"::cidr"),
            ("inet", "macaddr", "\"a\"::text::macaddr"),
            ("box", "point", "\"a\"::point"),
            ("point", "circle", "\"a\"::text::circle"),
            ("numeric(10,2)", "numeric(12,2)", "\"a\"::numeric(12,2)"),
            // A type the planner does not know may have a cast of its own: cast directly.
            ("integer", "public.money2", "\"a\"::public.money2"),
        ]
        for (from, to, using) in cases {
            XCTAssertEqual(alter(from, to), "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"a\" TYPE \(to) USING \(using);", "\(from) to \(to)")
        }
    }

    func testWideningAnIntegerRewritesWithoutLossAndNarrowingLoses() {
        let small = model([table([Column(name: "a", position: 1, type: "integer")])])
        let large = model([table([Column(name: "a", position: 1, type: "bigint")])])
        let widen = Planner(from: small, to: large).plan()
        XCTAssertEqual(sql(widen), ["ALTER TABLE \"public\".\"t\" ALTER COLUMN \"a\" TYPE bigint USING \"a\"::bigint;"])
        XCTAssertEqual(widen.dataLoss, [])
        XCTAssertTrue(widen.statements[0].hazards.contains(.tableRewrite(t)))
        XCTAssertTrue(widen.statements[0].hazards.contains(.accessExclusiveLock(t)))
        XCTAssertEqual(Planner(from: large, to: small).plan().dataLoss.count, 1)
    }

    func testAnEnumValueALaterStatementUsesIsAddedOutsideTheTransaction() {
        let type = QualifiedName(schema: "public", name: "stage")
        let old = model([table([Column(name: "s", position: 1, type: "public.stage")])],
                        enums: [EnumType(name: type, labels: ["a", "b"])])
        var column = Column(name: "s", position: 1, type: "public.stage")
        column.defaultExpression = "'c'::public.stage"
        let new = model([table([column])], enums: [EnumType(name: type, labels: ["a", "b", "c"])])
        let plan = Planner(from: old, to: new).plan()
        XCTAssertEqual(plan.statements.first?.sql, "ALTER TYPE \"public\".\"stage\" ADD VALUE IF NOT EXISTS 'c' AFTER 'b';")
        XCTAssertEqual(plan.statements.first?.outsideTransaction, true)
        XCTAssertTrue(plan.needsNoTransaction)
        // Not used later: it stays inside.
        let unused = model([table([Column(name: "s", position: 1, type: "public.stage")])],
                           enums: [EnumType(name: type, labels: ["z", "a", "b"])])
        let quiet = Planner(from: old, to: unused).plan()
        XCTAssertEqual(sql(quiet), ["ALTER TYPE \"public\".\"stage\" ADD VALUE IF NOT EXISTS 'z' BEFORE 'a';"])
        XCTAssertFalse(quiet.needsNoTransaction)
    }

    func testTablesThatReferenceEachOtherAreCreatedFirstAndTheirForeignKeysAfter() {
        func referencing(_ name: String, _ other: String) -> Table {
            table([Column(name: "id", position: 1, type: "integer"), Column(name: "other", position: 2, type: "integer")], name: name,
                  constraints: [Constraint(name: "\(name)_pkey", kind: .primaryKey, definition: "PRIMARY KEY (id)", columns: ["id"]),
                                Constraint(name: "\(name)_other_fkey", kind: .foreignKey, definition: "FOREIGN KEY (other) REFERENCES public.\(other)(id)",
                                           columns: ["other"],
                                           foreignKey: .init(referencedTable: QualifiedName(schema: "public", name: other), referencedColumns: ["id"],
                                                             onDelete: "NO ACTION", onUpdate: "NO ACTION", match: "SIMPLE"))])
        }
        let plan = Planner(from: DatabaseModel(), to: model([referencing("a", "b"), referencing("b", "a")])).plan()
        let lines = sql(plan)
        let lastTable = lines.lastIndex { $0.hasPrefix("CREATE TABLE") }!
        let firstForeignKey = lines.firstIndex { $0.contains("FOREIGN KEY") }!
        XCTAssertLessThan(lastTable, firstForeignKey, lines.joined(separator: "\n"))
        XCTAssertEqual(lines.filter { $0.contains("FOREIGN KEY") }.count, 2)
    }

    func testAScriptPutsItsGuardedStatementsInRowInBlocksOfAHundred() {
        // 250 tables in a ring, each with a foreign key to the next: 250 guarded keys in a row.
        let tables = (0..<250).map { n -> Table in
            let other = "t\((n + 1) % 250)"
            return table([Column(name: "id", position: 1, type: "integer"), Column(name: "other", position: 2, type: "integer")], name: "t\(n)",
                         constraints: [Constraint(name: "t\(n)_pkey", kind: .primaryKey, definition: "PRIMARY KEY (id)", columns: ["id"]),
                                       Constraint(name: "t\(n)_other_fkey", kind: .foreignKey, definition: "FOREIGN KEY (other) REFERENCES public.\(other)(id)",
                                                  columns: ["other"],
                                                  foreignKey: .init(referencedTable: QualifiedName(schema: "public", name: other), referencedColumns: ["id"],
                                                                    onDelete: "NO ACTION", onUpdate: "NO ACTION", match: "SIMPLE"))])
        }
        let text = SchemaScript(model: model(tables), header: .init(command: "test", versions: [], serverMajor: 15)).render()
        let blocks = text.components(separatedBy: "\nDO $schemactl$\n").dropFirst().map { block in
            block.components(separatedBy: "FOREIGN KEY").count - 1
        }
        XCTAssertEqual(blocks.filter { $0 > 0 }, [100, 100, 50], text)
    }

    func testOnlineBuildsIndexesConcurrentlyAndValidatesForeignKeysApart() {
        let columns = [Column(name: "id", position: 1, type: "integer"), Column(name: "p", position: 2, type: "integer")]
        let old = model([table(columns)])
        let index = Index(name: "t_p", definition: "CREATE INDEX t_p ON public.t USING btree (p)", keys: ["p"])
        let check = Constraint(name: "t_p_check", kind: .check, definition: "CHECK ((p > 0))", columns: ["p"])
        let new = model([table(columns, constraints: [check], indexes: [index])])
        let plan = Planner(from: old, to: new, options: PlanOptions(online: true)).plan()
        XCTAssertEqual(sql(plan), [
            "SET lock_timeout = '5s';",
            "ALTER TABLE \"public\".\"t\" ADD CONSTRAINT \"t_p_check\" CHECK ((p > 0)) NOT VALID;",
            "ALTER TABLE \"public\".\"t\" VALIDATE CONSTRAINT \"t_p_check\";",
            "CREATE INDEX CONCURRENTLY t_p ON public.t USING btree (p);",
        ])
        XCTAssertEqual(plan.statements.map(\.outsideTransaction), [false, false, false, true])
        XCTAssertEqual(plan.statements[2].hazards, [.validation(t)])
        let offline = Planner(from: old, to: new).plan()
        XCTAssertEqual(offline.statements.last?.sql, "CREATE INDEX t_p ON public.t USING btree (p);")
        XCTAssertEqual(offline.statements.last?.hazards, [.indexBuild(t)])
    }

    func testOnlineAddsAPartitionedTablesForeignKeyValidAsTheServerRefusesItNotValid() {
        let key = Constraint(name: "m_p_fkey", kind: .foreignKey, definition: "FOREIGN KEY (p) REFERENCES public.t(id)", columns: ["p"],
                             foreignKey: .init(referencedTable: t, referencedColumns: ["id"], onDelete: "a", onUpdate: "a", match: "s"))
        let columns = [Column(name: "id", position: 1, type: "integer"), Column(name: "p", position: 2, type: "integer")]
        func partitioned(_ constraints: [Constraint]) -> Table {
            var table = table(columns, name: "m", constraints: constraints)
            table.kind = .partitioned
            table.partitionKey = "RANGE (id)"
            return table
        }
        let old = model([table(columns), partitioned([])]), new = model([table(columns), partitioned([key])])
        let plan = Planner(from: old, to: new, options: PlanOptions(online: true)).plan()
        XCTAssertEqual(sql(plan).filter { $0.contains("m_p_fkey") },
                       ["ALTER TABLE \"public\".\"m\" ADD CONSTRAINT \"m_p_fkey\" FOREIGN KEY (p) REFERENCES public.t(id);"])
    }

    func testAValueBecomesAnArrayOfItAndAnArrayItsFirstElement() {
        XCTAssertEqual(alter("text", "text[]"),
                       "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"a\" TYPE text[] USING CASE WHEN \"a\" IS NULL THEN NULL ELSE ARRAY[\"a\"::text] END;")
        XCTAssertEqual(alter("integer", "uuid[]"),
                       "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"a\" TYPE uuid[] USING CASE WHEN \"a\" IS NULL THEN NULL ELSE ARRAY[\"a\"::text::uuid] END;")
        XCTAssertEqual(alter("integer[]", "bigint"),
                       "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"a\" TYPE bigint USING (\"a\")[pg_catalog.array_lower(\"a\", 1)]::bigint;")
    }

    func testATextSearchDictionarysOptionsAndAConfigurationsMappingsChangeInPlace() {
        func plan(_ from: DefinedObject, _ to: DefinedObject) -> [String] {
            var old = model([]), new = model([])
            old.definedObjects = [from]
            new.definedObjects = [to]
            return sql(Planner(from: old, to: new).plan())
        }
        func dictionary(_ options: String) -> DefinedObject {
            DefinedObject(kind: .textSearchDictionary, schema: "public", name: "d",
                          definition: "CREATE TEXT SEARCH DICTIONARY public.d (TEMPLATE = pg_catalog.simple\(options));")
        }
        // A value may hold a comma inside its quotes; an option that goes is named without a value.
        XCTAssertEqual(plan(dictionary(", stopwords = 'english', accept = 'true'"), dictionary(", stopwords = 'a, b'")),
                       ["ALTER TEXT SEARCH DICTIONARY public.d (stopwords = 'a, b', accept);"])
        func configuration(_ parser: String, _ mappings: [String]) -> DefinedObject {
            DefinedObject(kind: .textSearchConfiguration, schema: "public", name: "c", definition: (
                ["CREATE TEXT SEARCH CONFIGURATION public.c (PARSER = \(parser));"]
                    + mappings.map { "ALTER TEXT SEARCH CONFIGURATION public.c ADD MAPPING FOR \($0);" }).joined(separator: "\n"))
        }
        XCTAssertEqual(plan(configuration("pg_catalog.\"default\"", ["email WITH simple", "word WITH english_stem"]),
                            configuration("pg_catalog.\"default\"", ["url WITH simple", "word WITH simple"])), [
            "ALTER TEXT SEARCH CONFIGURATION public.c DROP MAPPING IF EXISTS FOR email;",
            "ALTER TEXT SEARCH CONFIGURATION public.c ADD MAPPING FOR url WITH simple;",
            "ALTER TEXT SEARCH CONFIGURATION public.c ALTER MAPPING FOR word WITH simple;",
        ])
        // Another parser has no statement in place: dropped and created again.
        let reparsed = plan(configuration("pg_catalog.\"default\"", []), configuration("public.p", []))
        XCTAssertEqual(reparsed.first, "DROP TEXT SEARCH CONFIGURATION IF EXISTS \"public\".\"c\";")
    }

    func testTheSchemaScriptIsTheSameBytesEveryTimeAndSaysWhatItHolds() {
        let schema = model([table([Column(name: "id", position: 1, type: "integer")])])
        let header = SchemaScript.Header(command: "schemactl consolidate", versions: ["20230101_a", "20230201_b"], serverMajor: 15)
        let text = SchemaScript(model: schema, header: header, descriptions: ["20230101_a": "It's a"]).render()
        XCTAssertEqual(text, SchemaScript(model: schema, header: header, descriptions: ["20230101_a": "It's a"]).render())
        XCTAssertTrue(text.hasPrefix("-- consolidated_schema.sql: generated by `schemactl consolidate`."))
        XCTAssertTrue(text.contains("-- The schema of a fresh environment, from PostgreSQL 15.\n"))
        XCTAssertTrue(text.contains("-- Contains 2 migrations: 20230101_a to 20230201_b.\n"))
        XCTAssertTrue(text.contains("CREATE TABLE IF NOT EXISTS \"public\".\"t\" (\n    \"id\" integer\n);"))
        XCTAssertTrue(text.hasSuffix("""
            INSERT INTO schema_versions (version, description) VALUES
                ('20230101_a', 'It''s a'),
                ('20230201_b', NULL)
            ON CONFLICT (version) DO NOTHING;

            """))
    }

    func testEveryIdentifierIsQuoted() {
        let odd = Table(name: QualifiedName(schema: "Sales Δ", name: "Order \"Items\""),
                        columns: [Column(name: "select", position: 1, type: "integer")])
        var target = model([odd])
        target.schemas.append(Namespace(name: "Sales Δ"))
        target.canonicalize()
        let lines = sql(Planner(from: DatabaseModel(), to: target).plan())
        XCTAssertTrue(lines.contains("CREATE SCHEMA IF NOT EXISTS \"Sales Δ\";"), "\(lines)")
        XCTAssertTrue(lines.contains("CREATE TABLE \"Sales Δ\".\"Order \"\"Items\"\"\" (\n    \"select\" integer\n);"), "\(lines)")
    }

    func testAStoredGeneratedColumnsNewExpressionIsSetInPlaceFrom17AndAddedAgainBefore() {
        func generated(_ expression: String, storage: String? = nil) -> DatabaseModel {
            var column = Column(name: "g", position: 2, type: "integer")
            column.generatedExpression = expression
            column.generatedStorage = storage
            return model([table([Column(name: "a", position: 1, type: "integer"), column])])
        }
        let (old, new) = (generated("(a * 2)"), generated("(a * 3)"))
        let inPlace = Planner(from: old, to: new, options: PlanOptions(serverMajor: 17)).plan()
        XCTAssertEqual(sql(inPlace), ["ALTER TABLE \"public\".\"t\" ALTER COLUMN \"g\" SET EXPRESSION AS ((a * 3));"])
        XCTAssertEqual(inPlace.dataLoss, [])
        XCTAssertTrue(inPlace.statements[0].hazards.contains(.tableRewrite(t)), "\(inPlace.statements[0].hazards)")

        // Before 17 there is no way but DROP COLUMN and ADD COLUMN; a virtual column (18) is
        // added again too (the server refuses its new expression under a check or a publication).
        for (from, to, major) in [(old, new, 16), (generated("(a * 2)", storage: "VIRTUAL"), generated("(a * 3)", storage: "VIRTUAL"), 18)] {
            let readded = sql(Planner(from: from, to: to, options: PlanOptions(serverMajor: major)).plan())
            // One statement: the server drops the column before it adds it again.
            XCTAssertEqual(readded.filter { $0.hasPrefix("ALTER TABLE") }.count, 1, "\(major): \(readded)")
            XCTAssertTrue(readded.contains { $0.hasPrefix("ALTER TABLE \"public\".\"t\"\n    DROP COLUMN \"g\",\n    ADD COLUMN \"g\"") }, "\(major): \(readded)")
            XCTAssertFalse(readded.contains { $0.contains("SET EXPRESSION") }, "\(major): \(readded)")
        }
    }

    func testATablesColumnChangesAreOneStatementWhoseActionsRunInTheOrderWritten() {
        func columns(_ a: String, _ b: String, bDefault: String, bNotNull: Bool) -> [Column] {
            var second = Column(name: "b", position: 2, type: b, notNull: bNotNull)
            second.defaultExpression = bDefault
            return [Column(name: "a", position: 1, type: a), second]
        }
        let old = model([table(columns("integer", "integer", bDefault: "0", bNotNull: false))])
        let new = model([table(columns("bigint", "numeric", bDefault: "1", bNotNull: true))])
        let plan = Planner(from: old, to: new, options: PlanOptions(serverMajor: 16)).plan()
        XCTAssertEqual(sql(plan), ["""
            ALTER TABLE "public"."t"
                ALTER COLUMN "a" TYPE bigint USING "a"::bigint,
                ALTER COLUMN "b" DROP DEFAULT,
                ALTER COLUMN "b" TYPE numeric USING "b"::numeric,
                ALTER COLUMN "b" SET DEFAULT 1,
                ALTER COLUMN "b" SET NOT NULL;
            """])
        XCTAssertEqual(plan.statements[0].hazards.filter { $0 == .tableRewrite(t) }.count, 1, "one rewrite, said once")

        // Online before 18, the check that spares SET NOT NULL its scan is dropped after it, not
        // first (the server's drops run before anything else of one statement).
        let online = sql(Planner(from: old, to: new, options: PlanOptions(online: true, serverMajor: 16)).plan())
        let setNotNull = online.firstIndex { $0.contains("SET NOT NULL") }, dropCheck = online.firstIndex { $0.contains("DROP CONSTRAINT") }
        XCTAssertNotNil(setNotNull, "\(online)")
        XCTAssertNotNil(dropCheck, "\(online)")
        XCTAssertLessThan(setNotNull ?? 0, dropCheck ?? 0, "\(online)")
    }
}
