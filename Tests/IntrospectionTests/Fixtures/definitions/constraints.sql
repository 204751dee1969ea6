-- Constraints of every shape whose definition schemactl writes itself, or
-- leaves to the server: each must read exactly as pg_get_constraintdef gives it.
CREATE SCHEMA "Other Schema";
CREATE TABLE "Other Schema"."Parent Table" (
    "Key Part" integer,
    second integer,
    code text,
    PRIMARY KEY ("Key Part", second),
    UNIQUE (code),
    CONSTRAINT unique_including UNIQUE (second) INCLUDE (code),
    CONSTRAINT deferred_unique UNIQUE ("Key Part") DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE child (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    part integer,
    second integer,
    code text CHECK (code <> ''),
    during tsrange,
    CONSTRAINT to_parent FOREIGN KEY (part, second) REFERENCES "Other Schema"."Parent Table" ("Key Part", second)
        MATCH FULL ON UPDATE CASCADE ON DELETE SET DEFAULT,
    CONSTRAINT to_code FOREIGN KEY (code) REFERENCES "Other Schema"."Parent Table" (code) ON DELETE RESTRICT DEFERRABLE,
    CONSTRAINT to_self FOREIGN KEY (part) REFERENCES child (id) ON DELETE SET NULL,
    CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&)
);
ALTER TABLE child ADD CONSTRAINT not_yet FOREIGN KEY (second) REFERENCES child (id) NOT VALID;
ALTER TABLE child ADD CONSTRAINT positive CHECK (part > 0) NOT VALID;
-- PostgreSQL 15 and later:
ALTER TABLE "Other Schema"."Parent Table" ADD CONSTRAINT unique_nulls UNIQUE NULLS NOT DISTINCT (code, second);
ALTER TABLE child ADD CONSTRAINT set_some_null FOREIGN KEY (part, second) REFERENCES "Other Schema"."Parent Table" ("Key Part", second)
    ON DELETE SET NULL (second);
