-- PostgreSQL 17 keeps a domain's NOT NULL as a constraint with a name; pg_dump writes one
-- of its own (CONSTRAINT name NOT NULL), and a later ALTER DOMAIN … DROP CONSTRAINT needs
-- it. Names are given, changed, and come with a NOT NULL added.
-- from
-- needs PostgreSQL 17
create domain amount as numeric(12, 2) constraint amount_required not null;
create domain code as text not null;
create domain label as text;
create table price (a amount, c code, l label);
-- to
create domain amount as numeric(12, 2) constraint amount_must not null;
create domain code as text constraint code_named not null;
create domain label as text constraint label_given not null;
create table price (a amount, c code, l label);
