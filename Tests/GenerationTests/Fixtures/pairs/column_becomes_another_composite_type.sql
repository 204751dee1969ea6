-- A column whose type becomes another composite type (powa's kcache_type[] became
-- powa_kcache_type[]) goes through text: PostgreSQL has no cast between two composite types.
-- from
create type metric as (calls bigint, total double precision);
create table metrics (id int, values metric[], last metric);
-- to
create type powa_metric as (calls bigint, total double precision);
create table metrics (id int, values powa_metric[], last powa_metric);
