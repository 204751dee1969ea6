-- Checks, index expressions and index predicates of every shape the Swift
-- deparser writes, and of shapes it leaves to the server: each must read
-- exactly as pg_get_constraintdef, pg_get_indexdef and pg_get_expr give it.
CREATE SCHEMA "Other Schema";
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
CREATE FUNCTION "Other Schema".is_even(integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $1 % 2 = 0';
CREATE TABLE "Other Schema"."Shapes" (
    id integer PRIMARY KEY,
    "Mixed Case" integer,
    "select" text,
    amount numeric(12,2) NOT NULL DEFAULT 0,
    ratio numeric,
    big bigint,
    small smallint,
    flag boolean,
    name text NOT NULL,
    code varchar(10),
    letter char(3),
    email text COLLATE "C",
    feeling mood,
    born date,
    seen timestamptz,
    doc jsonb,
    tags text[],
    CONSTRAINT int_compare CHECK (id > 0),
    CONSTRAINT negative_int CHECK (id > -5),
    CONSTRAINT numeric_cast CHECK (amount >= 0),
    CONSTRAINT numeric_literal CHECK (ratio BETWEEN 0.5 AND 99.125),
    CONSTRAINT numeric_tiny CHECK (ratio <> 0.00005),
    CONSTRAINT numeric_negative CHECK (ratio > -1.5),
    CONSTRAINT numeric_huge CHECK (ratio < 123456789012.5),
    CONSTRAINT bigint_literal CHECK (big < 10000000000),
    CONSTRAINT small_compare CHECK (small <> 3),
    CONSTRAINT bool_test CHECK (flag IS NOT NULL OR name IS NULL),
    CONSTRAINT bool_literal CHECK (flag = true),
    CONSTRAINT not_test CHECK (NOT (id = 3 AND small = 4)),
    CONSTRAINT in_list CHECK ("select" IN ('a', 'b''s', 'c')),
    CONSTRAINT not_in_list CHECK ("Mixed Case" NOT IN (1, 2, 3)),
    CONSTRAINT varchar_compare CHECK (code <> ''),
    CONSTRAINT varchar_in CHECK (code IN ('x', 'y')),
    CONSTRAINT char_compare CHECK (letter <> 'abc'),
    CONSTRAINT text_length CHECK (char_length(name) BETWEEN 1 AND 200),
    CONSTRAINT lower_name CHECK (lower(name) <> 'admin'),
    CONSTRAINT explicit_cast CHECK ((amount)::integer < 1000000),
    CONSTRAINT cast_text CHECK (id::text <> '7'),
    CONSTRAINT enum_compare CHECK (feeling <> 'sad'),
    CONSTRAINT enum_cast CHECK (feeling::text <> 'x'),
    CONSTRAINT enum_in CHECK (feeling IN ('happy', 'sad') OR feeling IS NULL),
    CONSTRAINT date_compare CHECK (born > '2000-01-01'),
    CONSTRAINT now_compare CHECK (seen <= now() + interval '1 day'),
    CONSTRAINT collated CHECK (email <> 'x' COLLATE "C"),
    CONSTRAINT json_check CHECK (doc ? 'id'),
    CONSTRAINT array_check CHECK (array_length(tags, 1) < 10),
    CONSTRAINT coalesce_check CHECK (COALESCE(small, 0) >= 0),
    CONSTRAINT case_check CHECK (CASE WHEN flag THEN id > 1 ELSE true END),
    CONSTRAINT user_function CHECK ("Other Schema".is_even(id)),
    CONSTRAINT arithmetic CHECK ((id + small) * 2 > 0),
    CONSTRAINT prefix_minus CHECK (-id < 0),
    CONSTRAINT like_check CHECK (name LIKE 'a%'),
    CONSTRAINT regex_check CHECK (name ~ '^[a-z]+$'),
    CONSTRAINT backslash CHECK (name <> 'a\b'),
    CONSTRAINT non_ascii CHECK (name <> 'café'),
    CONSTRAINT null_literal CHECK (name IS DISTINCT FROM NULL),
    CONSTRAINT inherited_no CHECK (id < 1000000) NO INHERIT
);
ALTER TABLE "Other Schema"."Shapes" ADD CONSTRAINT later CHECK (small > 0) NOT VALID;
CREATE INDEX lower_name_idx ON "Other Schema"."Shapes" (lower(name));
CREATE INDEX lower_collated ON "Other Schema"."Shapes" (lower(email));
CREATE INDEX lower_recollated ON "Other Schema"."Shapes" (lower(name) COLLATE "C");
CREATE INDEX sum_key ON "Other Schema"."Shapes" ((id + small), name);
CREATE INDEX cast_key ON "Other Schema"."Shapes" ((id::text));
CREATE INDEX pattern_key ON "Other Schema"."Shapes" (lower(name) text_pattern_ops);
CREATE INDEX varchar_expression ON "Other Schema"."Shapes" ((code || 'x'));
CREATE INDEX json_key ON "Other Schema"."Shapes" ((doc ->> 'id'));
CREATE INDEX descending_expression ON "Other Schema"."Shapes" (lower(name) DESC NULLS LAST);
CREATE INDEX partial_bool ON "Other Schema"."Shapes" (id) WHERE flag;
CREATE INDEX partial_null ON "Other Schema"."Shapes" (id) WHERE seen IS NULL;
CREATE INDEX partial_and ON "Other Schema"."Shapes" (id) WHERE seen IS NULL AND "select" = 'a';
CREATE INDEX partial_in ON "Other Schema"."Shapes" (name) WHERE feeling IN ('happy');
CREATE INDEX partial_function ON "Other Schema"."Shapes" (name) WHERE "Other Schema".is_even(id);
CREATE INDEX expression_and_partial ON "Other Schema"."Shapes" (lower(name), id) WHERE amount > 10.5;
CREATE INDEX include_expression ON "Other Schema"."Shapes" (lower(name)) INCLUDE (id);
CREATE INDEX coalesce_key ON "Other Schema"."Shapes" (COALESCE(small, 0));
CREATE INDEX varchar_in_partial ON "Other Schema"."Shapes" (id) WHERE code IN ('x', 'y');
CREATE INDEX with_options ON "Other Schema"."Shapes" (lower(name)) WITH (fillfactor = 70);
