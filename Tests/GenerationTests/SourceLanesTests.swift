import Diff
@testable import Release
import Replay
import SQLGeneration
import SchemaModel
import TestSupport
import Support
import Testing

/// A proof's source loaded on two connections at once (`SourceLanes`) is the source: the
/// same model as one connection makes, with nothing a lane needs made by the other.
@Suite struct SourceLanesTests {
    /// `families` families of five tables, each table's key to the one before it, each
    /// family with a view over its tables, a trigger, and a function over its last table's
    /// row type; with `hub`, every family's first table references `accounts`, as real
    /// schemas' tables reference a few; all use one enum, one trigger function and one sequence.
    static func schema(families: Int, hub: Bool = true) -> String {
        var sql = """
            create type state as enum ('open', 'closed');
            create function touch() returns trigger language plpgsql as $$ begin new.at := now(); return new; end $$;
            create sequence shared_numbers;
            create table accounts (id bigint primary key, name text);

            """
        for family in 0..<families {
            for member in 0..<5 {
                let name = "f\(family)_t\(member)"
                let key = member > 0 ? ", up bigint references f\(family)_t\(member - 1) (id)" : hub ? ", account bigint references accounts" : ""
                sql += """
                    create table \(name) (id bigint generated always as identity primary key, s state not null default 'open',
                        n bigint default nextval('shared_numbers'), at timestamptz\(key));
                    create index \(name)_s on \(name) (s) where s = 'open';
                    create trigger \(name)_touch before update on \(name) for each row execute function touch();

                    """
            }
            sql += """
                create view f\(family)_open as select t0.id, t4.at from f\(family)_t0 t0 join f\(family)_t4 t4 on t4.id = t0.id where t0.s = 'open';
                create function f\(family)_last(f\(family)_t4) returns bigint language sql return $1.id;

                """
        }
        return sql
    }

    @Test func theLanesPartTheSourceAlongItsEdges() throws {
        let model = try TestDatabase.model(after: Self.schema(families: 40))
        let lanes = try #require(SourceLanes(model))
        let ids = { (model: DatabaseModel) in Set(ProofScope.Graph(model).all) }
        let (base, first, second) = (ids(lanes.base), ids(lanes.lanes[0]), ids(lanes.lanes[1]))
        // Every object once; the enum, the trigger function and the shared sequence in the base.
        #expect(base.union(first).union(second) == ids(model))
        #expect(first.isDisjoint(with: second) && !first.isEmpty && !second.isEmpty && base.isDisjoint(with: first.union(second)))
        #expect(base.contains(ObjectID(.enum, QualifiedName(schema: "public", name: "state"))))
        #expect(base.contains(ObjectID(.sequence, QualifiedName(schema: "public", name: "shared_numbers"))))
        #expect(abs(first.count - second.count) <= 11, "a family a lane: \(first.count) and \(second.count)")
        // No edge from one lane to the other but a foreign key's, and those come after both.
        let keys = Set(model.tables.flatMap { table in
            table.constraints.compactMap(\.foreignKey).map { [ObjectID(.table, table.name), ObjectID(.table, $0.referencedTable)] }
        })
        #expect(keys.count == 200 && lanes.lanes.allSatisfy { $0.tables.allSatisfy { $0.constraints.allSatisfy { $0.foreignKey == nil } } })
        for (dependent, referenced) in DependencyResolver(model).edges(of: model) {
            let (from, to) = (dependent.parent ?? dependent, referenced.parent ?? referenced)
            guard !keys.contains([from, to]) else { continue }
            #expect(!(first.contains(from) && second.contains(to)) && !(second.contains(from) && first.contains(to)), "\(from) -> \(to)")
        }
    }

    /// With a table every family references, the keys come after the lanes; without, each family is a part, keys and all.
    @Test(arguments: [true, false])
    func loadedInLanesTheSourceIsWhatOneConnectionMakes(hub: Bool) throws {
        let model = try TestDatabase.model(after: Self.schema(families: 40, hub: hub))
        let lanes = try #require(SourceLanes(model))
        var replay = try MigrationReplay.onTestServer()
        #expect((lanes.withoutForeignKeys != nil) == hub)
        let (first, inParallel, last) = lanes.files()
        #expect(inParallel.count == 2 && last.isEmpty != hub)
        // The progress of both lanes is one count, one report at a time.
        let reports = Mutex([(Int, Int)]())
        replay.progress = { position, total, _ in reports.withLock { $0.append((position, total)) } }
        let (inLanes, _) = try replay.replay(first, lanes: inParallel, then: last)
        let files = first.count + inParallel.joined().count + last.count
        #expect(reports.current.map(\.0) == Array(1...files) && reports.current.allSatisfy { $0.1 == files })
        replay.progress = nil
        let (serial, _) = try replay.replay(PlanCheck.sourceFiles(model), createSchemaVersions: false)
        #expect(SchemaDiff(from: model, to: inLanes).isEmpty, "\(DiffRenderer.text(SchemaDiff(from: model, to: inLanes)))")
        #expect(SchemaDiff(from: serial, to: inLanes, flattener: ModelFlattener(columnOrder: true)).isEmpty)
    }

    @Test func aPlanIsProvedOnASourceLoadedInLanes() throws {
        let schema = Self.schema(families: 40)
        let old = try TestDatabase.model(after: schema)
        // Each family's last table retyped under its view and its function, and a family dropped.
        let new = try TestDatabase.model(after: schema + (0..<40).map { family in
            "drop view f\(family)_open; alter table f\(family)_t4 alter column at type timestamp; "
                + "create view f\(family)_open as select t0.id, t4.at from f\(family)_t0 t0 join f\(family)_t4 t4 on t4.id = t0.id;"
        }.joined(separator: "\n") + "drop function f39_last; drop view f39_open; drop table f39_t4, f39_t3;")
        var check = try Proving.check()
        check.scoped = false
        for (source, target) in [(old, new), (new, old)] {
            let plan = Planner(from: source, to: target, options: PlanOptions(serverMajor: try ServerFeatures.major())).plan()
            let proof = try check.prove(plan, from: source, to: target)
            #expect(proof.holds && proof.inLanes, "\(plan.sql)\n\(DiffRenderer.text(proof.leftover))")
        }
    }

    /// The schema of 40 families, one with a column added and another with a comment, and the
    /// plan between them without its `COMMENT`: a plan that does not hold.
    private static func planMissingAComment() throws -> (old: DatabaseModel, new: DatabaseModel, plan: Plan) {
        let schema = Self.schema(families: 40)
        let old = try TestDatabase.model(after: schema)
        let new = try TestDatabase.model(after: schema + "alter table f7_t2 add column note text; comment on table f9_t1 is 'kept';")
        var plan = Planner(from: old, to: new).plan()
        plan.statements.removeAll { $0.sql.hasPrefix("COMMENT ON TABLE") }
        return (old, new, plan)
    }

    /// A plan that misses a statement is refused, and the refusal is a load on one connection's.
    @Test func aPlanThatDoesNotHoldIsRefusedOnOneConnection() throws {
        let (old, new, plan) = try Self.planMissingAComment()
        var check = try Proving.check()
        check.scoped = false
        let proof = try check.prove(plan, from: old, to: new)
        #expect(!proof.holds && !proof.inLanes)
        #expect(proof.leftover.changes.map(\.id.sql) == ["\"public\".\"f9_t1\""], "\(DiffRenderer.text(proof.leftover))")
    }

    /// Refused on its scope (on one connection), the plan is refused on the whole source by one
    /// more load on one connection, not by lanes first and then that load.
    @Test func aPlanRefusedOnItsScopeIsLoadedOnceMoreWhole() throws {
        let (old, new, plan) = try Self.planMissingAComment()
        #expect(SourceLanes(old) != nil, "the whole source parts")
        var check = try Proving.check()
        check.largestShare = 1
        let plansApplied = Mutex(0)
        check.replay.progress = { _, _, file in if file.path == "(the plan)" { plansApplied.withLock { $0 += 1 } } }
        let proof = try check.prove(plan, from: old, to: new)
        #expect(!proof.holds && !proof.inLanes && proof.scope == nil)
        #expect(proof.leftover.changes.map(\.id.sql) == ["\"public\".\"f9_t1\""], "\(DiffRenderer.text(proof.leftover))")
        #expect(plansApplied.current == 2, "the scope once, the whole source once")
    }

    @Test func aSourceThatDoesNotPartIsLoadedOnOneConnection() throws {
        // 250 tables, each a column of the one before it's row type: one part.
        var chain = "create table c0 (id int primary key);\n"
        for table in 1..<250 { chain += "create table c\(table) (id int primary key, up c\(table - 1));\n" }
        #expect(SourceLanes(try TestDatabase.model(after: chain)) == nil)
        // Default privileges act on what is made after them, whichever lane makes it.
        let privileged = Self.schema(families: 40) + "alter default privileges grant select on tables to public;"
        #expect(SourceLanes(try TestDatabase.model(after: privileged)) == nil)
        // Too small to be worth a second connection.
        #expect(SourceLanes(try TestDatabase.model(after: Self.schema(families: 10))) == nil)
    }
}
