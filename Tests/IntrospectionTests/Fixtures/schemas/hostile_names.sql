-- Names that break tools which do not quote.
CREATE SCHEMA "Sales Team";
CREATE SCHEMA "ünïcødé";
CREATE TABLE "Sales Team"."Order" (
  "select" int PRIMARY KEY,
  "Column With Spaces" text,
  "quote""inside" text,
  "日本語" text,
  "UPPER" int
);
CREATE TABLE "ünïcødé"."table;drop" ("a""b" int);
CREATE INDEX "Index ""Quoted""" ON "Sales Team"."Order" ("Column With Spaces");
CREATE TYPE "Sales Team"."Status" AS ENUM ('new', 'it''s done', 'with,comma', 'with "quotes"');
CREATE VIEW "Sales Team"."Order View" AS SELECT "select", "日本語" FROM "Sales Team"."Order";
COMMENT ON TABLE "Sales Team"."Order" IS 'it''s a "comment"';
