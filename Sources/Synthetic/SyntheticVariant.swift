/// The statements that turn `SyntheticSchema(tables:)` into a variant that
/// differs by a few percent, of the kinds that break other tools' plans:
/// columns whose type changes under a view, enum values added and removed,
/// functions and triggers changed, tables and foreign keys added and dropped.
public struct SyntheticVariant: Sendable {
    public let tables: Int

    public init(tables: Int) {
        self.tables = tables
    }

    public var statements: [String] {
        var sql = [
            "ALTER TYPE priority ADD VALUE 'urgent' AFTER 'high'",
            // A value removed: the type rebuilt by hand, as a migration would.
            "ALTER TYPE channel RENAME TO channel_old",
            "CREATE TYPE channel AS ENUM ('email', 'phone')",
        ]
        for i in stride(from: 0, to: tables, by: 50) {
            sql.append("ALTER TABLE t\(i) ALTER COLUMN channel TYPE channel USING channel::text::channel")
        }
        sql.append("DROP TYPE channel_old")
        for i in stride(from: 0, to: tables, by: 25) {
            let t = "t\(i)"
            if i % 50 == 0 {
                // A column under a view changes type.
                sql.append("DROP VIEW \(t)_open")
                sql.append("ALTER TABLE \(t) ALTER COLUMN amount TYPE numeric(14,2)")
                sql.append("CREATE VIEW \(t)_open AS SELECT id, name, amount FROM \(t) WHERE status = 'open'")
                sql.append("""
                    CREATE OR REPLACE FUNCTION \(t)_touch() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      NEW.updated_at := clock_timestamp();
                      RETURN NEW;
                    END;
                    $$
                    """)
                sql.append("DROP TRIGGER \(t)_touch ON \(t)")
                sql.append("CREATE TRIGGER \(t)_touch BEFORE INSERT OR UPDATE ON \(t) FOR EACH ROW EXECUTE FUNCTION \(t)_touch()")
            }
            sql.append("CREATE TABLE \(t)_extra (id bigint PRIMARY KEY, \(t)_id bigint NOT NULL REFERENCES \(t) (id), note text)")
            if i + 1 < tables { sql.append("DROP TABLE t\(i + 1) CASCADE") }
            if i + 3 < tables { sql.append("ALTER TABLE t\(i + 3) DROP CONSTRAINT t\(i + 3)_parent_id_fkey") }
            sql.append("ALTER TABLE \(t) ADD COLUMN extra text, ALTER COLUMN status SET DEFAULT 'closed'")
            sql.append("DROP INDEX \(t)_name_idx")
        }
        return sql
    }
}
