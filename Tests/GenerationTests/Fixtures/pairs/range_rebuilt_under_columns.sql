-- A range type whose subtype (or collation) changes under columns that hold it, its
-- multirange or an array of it, with an exclusion constraint, a default, a function of it
-- and a view. The old type cannot be renamed aside: its constructors belong to the bootstrap
-- superuser. The columns pass through text while the type is dropped and created again.
-- from
-- needs PostgreSQL 14
create type floatrange as range (subtype = float4);
create type textrange as range (subtype = text, collation = "C");
create table m (id int, r floatrange, rs floatmultirange, ra floatrange[] default '{}', t textrange,
                exclude using gist (r with &&));
create function widest(x floatrange) returns float8 language sql as $$ select upper(x) - lower(x) $$;
create view mv as select id, r, widest(r) from m;
-- to
create type floatrange as range (subtype = float8);
create type textrange as range (subtype = text, collation = "POSIX");
create table m (id int, r floatrange, rs floatmultirange, ra floatrange[] default '{}', t textrange,
                exclude using gist (r with &&));
create function widest(x floatrange) returns float8 language sql as $$ select upper(x) - lower(x) $$;
create view mv as select id, r, widest(r) from m;
