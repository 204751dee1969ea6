-- Every kind of object the model holds, at least once, with hostile names:
-- upper case, spaces, quotes, unicode, reserved words, 63-character identifiers.
-- needs PostgreSQL 15 (publication row filters, unlogged sequences, NULLS NOT DISTINCT);
-- no extension, so that it runs on every server the suite runs on.
CREATE SCHEMA "Sales Δ";
COMMENT ON SCHEMA "Sales Δ" IS 'the sales team''s schema';
CREATE SCHEMA "select";
DO $$ BEGIN CREATE ROLE "Kitchen Reader"; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
GRANT USAGE ON SCHEMA "Sales Δ" TO "Kitchen Reader";

CREATE TYPE "Sales Δ"."Mood ☺" AS ENUM ('sad', 'ok', 'it''s "fine"');
CREATE DOMAIN "Sales Δ"."Positive Amount" AS numeric(12,2) DEFAULT 0 NOT NULL
  CONSTRAINT "must be positive" CHECK (VALUE >= 0);
COMMENT ON CONSTRAINT "must be positive" ON DOMAIN "Sales Δ"."Positive Amount" IS 'no refunds here';
CREATE TYPE "Sales Δ"."Point ∂" AS ("x coord" float8, "y" float8);
COMMENT ON COLUMN "Sales Δ"."Point ∂"."x coord" IS 'east-west';
CREATE TYPE "Sales Δ".floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TYPE "Sales Δ"."Later Type";
CREATE TYPE "Sales Δ"."Raw ✓";
CREATE FUNCTION "Sales Δ"."raw in"(cstring) RETURNS "Sales Δ"."Raw ✓" LANGUAGE internal IMMUTABLE STRICT AS 'textin';
CREATE FUNCTION "Sales Δ"."raw out"("Sales Δ"."Raw ✓") RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'textout';
CREATE TYPE "Sales Δ"."Raw ✓" (INPUT = "Sales Δ"."raw in", OUTPUT = "Sales Δ"."raw out", INTERNALLENGTH = VARIABLE,
  CATEGORY = 'S', COLLATABLE = true);
CREATE FUNCTION "Sales Δ"."from sql"(internal) RETURNS internal LANGUAGE internal IMMUTABLE STRICT AS 'int4recv';
CREATE TRANSFORM FOR "Sales Δ"."Raw ✓" LANGUAGE plpgsql (FROM SQL WITH FUNCTION "Sales Δ"."from sql"(internal));
CREATE COLLATION "Sales Δ"."Plain C" (provider = libc, locale = 'C');
CREATE UNLOGGED SEQUENCE "select"."order" START 100 INCREMENT 5 MAXVALUE 100000 CYCLE;

CREATE TABLE "select"."table" (
  "column" int GENERATED ALWAYS AS IDENTITY (START WITH 10) PRIMARY KEY,
  "From" text COLLATE "C" NOT NULL DEFAULT 'now',
  "Mood" "Sales Δ"."Mood ☺" DEFAULT 'ok',
  amount "Sales Δ"."Positive Amount",
  "where" "Sales Δ".floatrange,
  doubled int GENERATED ALWAYS AS ("column" * 2) STORED,
  at timestamptz DEFAULT '1970-01-01 00:00:00+00',
  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" text,
  CONSTRAINT "From is not empty" CHECK ("From" <> ''),
  CONSTRAINT "unique from" UNIQUE NULLS NOT DISTINCT ("From"),
  EXCLUDE USING gist ("where" WITH &&)
) WITH (fillfactor = 80);
ALTER TABLE "select"."table" ALTER COLUMN "From" SET STORAGE EXTERNAL;
ALTER TABLE "select"."table" ALTER COLUMN "From" SET STATISTICS 400;
ALTER TABLE "select"."table" ALTER COLUMN amount SET (n_distinct = 50);
ALTER TABLE "select"."table" SET (toast.autovacuum_enabled = false);
ALTER TABLE "select"."table" REPLICA IDENTITY FULL;
COMMENT ON TABLE "select"."table" IS 'a table named table';
COMMENT ON COLUMN "select"."table"."From" IS 'where it came from';
CREATE INDEX "Index on From" ON "select"."table" USING btree (lower("From") text_pattern_ops) INCLUDE (amount)
  WHERE "Mood" <> 'sad';
CREATE INDEX "By amount" ON "select"."table" (amount DESC NULLS LAST);
ALTER TABLE "select"."table" CLUSTER ON "By amount";
GRANT SELECT, UPDATE ("From") ON "select"."table" TO "Kitchen Reader";

CREATE TABLE "Sales Δ"."Parent Table" (id int NOT NULL, region text NOT NULL, PRIMARY KEY (id, region))
  PARTITION BY LIST (region);
CREATE TABLE "Sales Δ"."Parent Table — EU" PARTITION OF "Sales Δ"."Parent Table" FOR VALUES IN ('eu');
CREATE TABLE "Sales Δ"."Parent Table — rest" PARTITION OF "Sales Δ"."Parent Table" DEFAULT;
CREATE INDEX "Parent by id" ON "Sales Δ"."Parent Table" (id);
CREATE TABLE "Sales Δ".child (parent_id int, region text,
  FOREIGN KEY (parent_id, region) REFERENCES "Sales Δ"."Parent Table" ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "Sales Δ".typed OF "Sales Δ"."Point ∂";
CREATE UNLOGGED TABLE "Sales Δ".scratch (a int) ;
CREATE TABLE "Sales Δ".inherited (a int, extra text) INHERITS ("Sales Δ".scratch);

CREATE FUNCTION "Sales Δ"."Touch ✓"() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog COST 50
AS $$ BEGIN NEW."From" := lower(NEW."From"); RETURN NEW; END $$;
CREATE FUNCTION "select"."function"(a int DEFAULT 1, VARIADIC b text[] DEFAULT '{}') RETURNS SETOF text
  LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 20 BEGIN ATOMIC SELECT unnest(b) || a; END;
CREATE PROCEDURE "select"."procedure"(INOUT x int) LANGUAGE plpgsql AS $$ BEGIN x := x + 1; END $$;
REVOKE EXECUTE ON FUNCTION "select"."function"(int, text[]) FROM PUBLIC;
CREATE AGGREGATE "Sales Δ"."Sum ∑"(int) (sfunc = int4pl, stype = int, initcond = '0');
CREATE OPERATOR "Sales Δ".=== (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq, COMMUTATOR = OPERATOR("Sales Δ".===));
-- An aggregate of no argument (agg(*)); an operator whose negator is left a shell, which
-- pg_dump leaves out; an operator class of no member (CREATE … AS STORAGE int).
CREATE AGGREGATE "Sales Δ"."Count ∗"(*) (sfunc = int8inc, stype = bigint, initcond = '0');
CREATE OPERATOR "Sales Δ".<=> (LEFTARG = int, RIGHTARG = int, FUNCTION = int4ne, NEGATOR = OPERATOR("Sales Δ".<==>));
CREATE OPERATOR CLASS "Sales Δ"."Empty ops" FOR TYPE int USING hash AS STORAGE int;
-- A unique constraint over the primary key's columns: CREATE TABLE would fold the two into one.
CREATE TABLE "Sales Δ".keyed (id int PRIMARY KEY);
ALTER TABLE "Sales Δ".keyed ADD CONSTRAINT "keyed id unique" UNIQUE (id);
CREATE TRIGGER "Touch on insert" BEFORE INSERT OR UPDATE OF "From" ON "select"."table"
  FOR EACH ROW WHEN (NEW."From" IS NOT NULL) EXECUTE FUNCTION "Sales Δ"."Touch ✓"();
ALTER TABLE "select"."table" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Readers see OK" ON "select"."table" AS RESTRICTIVE FOR SELECT TO "Kitchen Reader"
  USING ("Mood" IN ('ok', 'it''s "fine"'));
CREATE RULE "No deletes" AS ON DELETE TO "Sales Δ".scratch DO INSTEAD NOTHING;
CREATE STATISTICS "Sales Δ"."From stats" (ndistinct) ON "From", "Mood" FROM "select"."table";

CREATE VIEW "Sales Δ"."View of ""table""" WITH (security_barrier) AS
  SELECT "column", "From" FROM "select"."table" WHERE "From" IN ('a', 'b');
COMMENT ON COLUMN "Sales Δ"."View of ""table"""."From" IS 'as in the table';
CREATE FUNCTION "Sales Δ".view_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER "instead" INSTEAD OF INSERT ON "Sales Δ"."View of ""table"""
  FOR EACH ROW EXECUTE FUNCTION "Sales Δ".view_insert();
CREATE TRIGGER "Touch parts" BEFORE INSERT ON "Sales Δ"."Parent Table" FOR EACH ROW EXECUTE FUNCTION "Sales Δ".view_insert();
ALTER TABLE "Sales Δ"."Parent Table — EU" DISABLE TRIGGER "Touch parts";
COMMENT ON TRIGGER "Touch parts" ON "Sales Δ"."Parent Table — EU" IS 'off in the EU';
COMMENT ON INDEX "select".table_pkey IS 'the key''s own index';
CREATE MATERIALIZED VIEW "Sales Δ"."Totals ∑" AS SELECT "Mood", count(*) AS n FROM "select"."table" GROUP BY "Mood";
CREATE UNIQUE INDEX "Totals by mood" ON "Sales Δ"."Totals ∑" ("Mood");

CREATE TEXT SEARCH CONFIGURATION "Sales Δ"."Search Config" (COPY = simple);
CREATE FOREIGN DATA WRAPPER "Kitchen Wrapper";
CREATE SERVER "Kitchen Server" FOREIGN DATA WRAPPER "Kitchen Wrapper" OPTIONS (host 'elsewhere');
CREATE USER MAPPING FOR "Kitchen Reader" SERVER "Kitchen Server" OPTIONS (password 'never-read');
CREATE FOREIGN TABLE "Sales Δ"."Remote ⇄" (id int NOT NULL, twice int GENERATED ALWAYS AS (id * 2) STORED) SERVER "Kitchen Server" OPTIONS (table_name 'remote');
CREATE PUBLICATION "Kitchen Publication" FOR TABLE "select"."table" ("column", "From") WHERE ("column" > 0);
ALTER DEFAULT PRIVILEGES IN SCHEMA "Sales Δ" GRANT SELECT ON TABLES TO "Kitchen Reader";
CREATE CAST ("Sales Δ"."Point ∂" AS text) WITH INOUT;
CREATE FUNCTION "Sales Δ".ddl_log() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE EVENT TRIGGER "Kitchen DDL" ON ddl_command_end EXECUTE FUNCTION "Sales Δ".ddl_log();
-- Kinds made with a function of their own, which must come before them (and a function in
-- the language after it): a language's handler, a text search template's init and lexize,
-- a wrapper's validator.
CREATE FUNCTION "Sales Δ"."Kitchen handler"() RETURNS language_handler LANGUAGE c AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE LANGUAGE "Kitchen PL" HANDLER "Sales Δ"."Kitchen handler";
CREATE FUNCTION "Sales Δ"."In Kitchen PL"() RETURNS int LANGUAGE "Kitchen PL" AS 'BEGIN RETURN 1; END';
CREATE FUNCTION "Sales Δ"."simple init"(internal) RETURNS internal LANGUAGE internal STRICT AS 'dsimple_init';
CREATE FUNCTION "Sales Δ"."simple lexize"(internal, internal, internal, internal) RETURNS internal LANGUAGE internal STRICT AS 'dsimple_lexize';
CREATE TEXT SEARCH TEMPLATE "Sales Δ"."Kitchen Template" (INIT = "Sales Δ"."simple init", LEXIZE = "Sales Δ"."simple lexize");
CREATE TEXT SEARCH DICTIONARY "Sales Δ"."Kitchen Dictionary" (TEMPLATE = "Sales Δ"."Kitchen Template");
CREATE FUNCTION "Sales Δ"."wrapper check"(text[], oid) RETURNS void LANGUAGE internal STRICT AS 'postgresql_fdw_validator';
CREATE FOREIGN DATA WRAPPER "Checked Wrapper" VALIDATOR "Sales Δ"."wrapper check";
