import Foundation
import Introspection
import PostgresClient
import SQLText
import SchemaModel
import TestSupport
import Testing

/// A database or role can set how its server prints values. The inspection
/// reads with fixed settings, so two equal schemas read the same whatever
/// their database says: a production server in New York against the
/// embedded one in UTC is not a difference.
@Suite struct PrintingSettingsTests {
    struct Case: Sendable, CustomStringConvertible {
        var setting: String
        var value: String
        var table: String
        var description: String { setting }
    }

    static let cases: [Case] = [
        Case(setting: "TimeZone", value: "'America/New_York'",
             table: "CREATE TABLE t (v timestamptz DEFAULT 'epoch', CHECK (v > '2000-01-01 00:00:00+00'))"),
        Case(setting: "DateStyle", value: "'SQL, DMY'", table: "CREATE TABLE t (v date DEFAULT '2020-01-02')"),
        Case(setting: "IntervalStyle", value: "'sql_standard'", table: "CREATE TABLE t (v interval DEFAULT '1 day 2 hours')"),
        Case(setting: "extra_float_digits", value: "0", table: "CREATE TABLE t (v float8 DEFAULT '1.0000000000000002')"),
        Case(setting: "bytea_output", value: "'escape'", table: "CREATE TABLE t (v bytea DEFAULT '\\x01ff')"),
        Case(setting: "standard_conforming_strings", value: "off", table: "CREATE TABLE t (v text DEFAULT 'a\\b')"),
    ]

    @Test func everyPrintingSettingIsPinned() {
        #expect(Set(Inspector.printingSettings.map(\.name)) == Set(Self.cases.map(\.setting)))
    }

    @Test(arguments: cases)
    func aDatabasesOwnSettingDoesNotChangeItsModel(_ example: Case) throws {
        let database = try TestDatabase.make()
        defer { database.drop() }
        let setup = try database.connect()
        try setup.execute(example.table)
        let before = try Inspector().inspect(setup)
        let printedBefore = try defaultText(setup)
        try setup.execute("ALTER DATABASE \(SQLQuoting.identifier(database.name)) SET \(example.setting) = \(example.value)")

        // A new session takes the database's setting: the server itself now prints the default otherwise...
        let session = try database.connect()
        #expect(try defaultText(session) != printedBefore, "the example must print differently under \(example.setting)")
        // ...and the model's objects do not change: the census names the setting itself.
        var after = try Inspector().inspect(session)
        #expect(after.unmodelled.map(\.description) == ["setting of the database \"\(example.setting)\""])
        after.unmodelled = []
        #expect(try ModelPaths.changed(before, after) == [])
    }

    private func defaultText(_ connection: Connection) throws -> String {
        try connection.query("""
            SELECT pg_get_expr(adbin, adrelid) AS text FROM pg_attrdef WHERE adrelid = 'public.t'::regclass
            """).rows[0].string("text")
    }
}
