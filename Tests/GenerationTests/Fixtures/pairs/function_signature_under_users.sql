-- Functions dropped and created again under what calls them: a result type changes
-- (score), a parameter is added (next_code), a parameter renamed and an OUT one added
-- (rename_me: the new one takes the old one's call signature, so the old one goes
-- first). A default, a check, an index, a generated column, a view and a policy call them.
-- from
create function score(x int) returns int language sql immutable as $$ select x * 2 $$;
create function next_code() returns text language sql as $$ select 'c' $$;
create table t (id int, n int default score(1) check (score(n) >= 0), g int generated always as (score(id)) stored, code text default next_code());
create index t_score on t (score(n));
create view v as select score(n) as s from t;
alter table t enable row level security;
create policy p on t using (score(id) > 0);
create function rename_me(a int, out x int, out y text) language sql as $$ select a, 'y' $$;
-- to
create function score(x int) returns bigint language sql immutable as $$ select x::bigint * 2 $$;
create function next_code(prefix text default 'c') returns text language sql as $$ select prefix $$;
create table t (id int, n int default score(1) check (score(n) >= 0), g int generated always as (score(id)) stored, code text default next_code());
create index t_score on t (score(n));
create view v as select score(n) as s from t;
alter table t enable row level security;
create policy p on t using (score(id) > 0);
create function rename_me(b int, out x int, out y text, out z int) language sql as $$ select b, 'y', 1 $$;
