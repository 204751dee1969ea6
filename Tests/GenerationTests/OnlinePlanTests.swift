import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// `--online` plans, written for the test server's major and proved on it.
@Suite struct OnlinePlanTests {
    private func model(_ sql: String) throws -> DatabaseModel {
        let database = try TestDatabase.make()
        defer { database.drop() }
        let connection = try database.connect()
        try connection.execute(sql)
        return try Inspector().inspect(connection)
    }

    /// A NOT NULL added online scans the table under a weaker lock first: from 18 the constraint
    /// itself is added NOT VALID and validated, under the name the target gives it; before, a
    /// check is validated first and dropped after `SET NOT NULL`. Either way the plan holds,
    /// on a parent whose child takes the constraint too.
    @Test func aNotNullAddedOnlineIsValidatedBeforeItLocks() throws {
        let major = try ServerFeatures.major()
        let old = try model("""
            create table t (id int primary key, a text, b text);
            create table tc (c int) inherits (t);
            """)
        let new = try model("""
            create table t (id int primary key, a text not null, b text constraint b_required not null);
            create table tc (c int) inherits (t);
            """)
        let plan = Planner(from: old, to: new, options: PlanOptions(online: true, serverMajor: major)).plan()
        let sql = plan.statements.map(\.sql)
        if major >= 18 {
            #expect(sql.contains("ALTER TABLE \"public\".\"t\" ADD CONSTRAINT \"t_a_not_null\" NOT NULL \"a\" NOT VALID;"), "\(sql)")
            #expect(sql.contains("ALTER TABLE \"public\".\"t\" VALIDATE CONSTRAINT \"b_required\";"), "\(sql)")
            #expect(!sql.contains { $0.contains("CHECK") || $0.contains("SET NOT NULL") }, "\(sql)")
        } else {
            #expect(sql.contains("ALTER TABLE \"public\".\"t\" ALTER COLUMN \"a\" SET NOT NULL;"), "\(sql)")
            #expect(sql.contains { $0.contains("VALIDATE CONSTRAINT \"a_not_null_schemactl\"") }, "\(sql)")
        }
        let proof = try Proving.check().prove(plan, from: old, to: new)
        #expect(proof.holds, "the plan leaves \(proof.leftover)\n\(plan.sql)")
    }
}
