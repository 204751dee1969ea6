-- Indexes of every shape whose definition schemactl writes itself, or leaves to
-- the server: each must read exactly as pg_get_indexdef gives it.
CREATE SCHEMA "Other Schema";
CREATE DOMAIN short_text AS text;
CREATE TABLE "Other Schema"."Mixed Case" (
    id integer PRIMARY KEY,
    "Select" text,
    name varchar(40),
    code text COLLATE "C",
    label short_text,
    spot point,
    created timestamptz,
    amount numeric,
    flags int[]
);
CREATE INDEX "Weird Index" ON "Other Schema"."Mixed Case" ("Select");
CREATE INDEX by_created_desc ON "Other Schema"."Mixed Case" (created DESC);
CREATE INDEX by_created_desc_nulls_last ON "Other Schema"."Mixed Case" (created DESC NULLS LAST);
CREATE INDEX by_created_nulls_first ON "Other Schema"."Mixed Case" (created NULLS FIRST);
CREATE INDEX by_two ON "Other Schema"."Mixed Case" (amount, created DESC);
CREATE INDEX by_code ON "Other Schema"."Mixed Case" (code);
CREATE INDEX by_code_default_collation ON "Other Schema"."Mixed Case" (code COLLATE "default");
CREATE INDEX by_select_c ON "Other Schema"."Mixed Case" ("Select" COLLATE "C");
CREATE INDEX by_name ON "Other Schema"."Mixed Case" (name);
CREATE INDEX by_name_pattern ON "Other Schema"."Mixed Case" (name varchar_pattern_ops);
CREATE INDEX by_select_pattern ON "Other Schema"."Mixed Case" ("Select" text_pattern_ops DESC);
CREATE INDEX by_label ON "Other Schema"."Mixed Case" (label);
CREATE INDEX by_spot ON "Other Schema"."Mixed Case" USING gist (spot);
CREATE INDEX by_flags ON "Other Schema"."Mixed Case" USING gin (flags);
CREATE INDEX by_amount_hash ON "Other Schema"."Mixed Case" USING hash (amount);
CREATE INDEX by_created_brin ON "Other Schema"."Mixed Case" USING brin (created) WITH (pages_per_range = 32);
CREATE UNIQUE INDEX unique_name_including ON "Other Schema"."Mixed Case" (name) INCLUDE (amount, "Select");
CREATE INDEX partial_desc ON "Other Schema"."Mixed Case" (amount DESC) WHERE amount > 0 AND "Select" IS NOT NULL;
CREATE INDEX with_fillfactor ON "Other Schema"."Mixed Case" (amount) WITH (fillfactor = 70);
CREATE INDEX by_lower ON "Other Schema"."Mixed Case" (lower("Select"), id);
CREATE TABLE measurements (at date NOT NULL, value int) PARTITION BY RANGE (at);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX measurements_at ON measurements (at DESC);
CREATE INDEX measurements_only ON ONLY measurements (value);
CREATE MATERIALIZED VIEW totals AS SELECT id, amount FROM "Other Schema"."Mixed Case";
CREATE INDEX totals_amount ON totals (amount NULLS FIRST);
CREATE TABLE documents (id int, words tsvector);
CREATE INDEX documents_words ON documents USING gist (words tsvector_ops (siglen = 100));
-- PostgreSQL 15 and later:
CREATE UNIQUE INDEX unique_code_nulls ON "Other Schema"."Mixed Case" (code) NULLS NOT DISTINCT;
