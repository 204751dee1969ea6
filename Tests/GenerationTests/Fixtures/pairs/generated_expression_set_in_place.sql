-- A stored generated column's new expression is set in place (ALTER COLUMN … SET
-- EXPRESSION, 17 and later): the view, policy, check and index over it stay. The statement
-- recurses to children and partitions, so a child whose own expression differs from its
-- parent's new one gets its own after its parent's, whether its own changes or not.
-- from
-- needs PostgreSQL 17
create table t (a int, g int generated always as (a * 2) stored check (g < 1000));
create index t_g on t (g) where g > 2;
create view v as select g from t;
alter table t enable row level security;
create policy p on t using (g > 0);
create table parent (a int, g int generated always as (a * 2) stored);
create table follows () inherits (parent);
create table keeps (a int, g int generated always as (a * 7) stored);
alter table keeps inherit parent;
create table becomes (a int, g int generated always as (a * 8) stored);
alter table becomes inherit parent;
create table grandchild () inherits (keeps);
-- to
create table t (a int, g int generated always as (a * 3) stored check (g < 1000));
create index t_g on t (g) where g > 2;
create view v as select g from t;
alter table t enable row level security;
create policy p on t using (g > 0);
create table parent (a int, g int generated always as (a * 4) stored);
create table follows () inherits (parent);
create table keeps (a int, g int generated always as (a * 7) stored);
alter table keeps inherit parent;
create table becomes (a int, g int generated always as (a * 9) stored);
alter table becomes inherit parent;
create table grandchild () inherits (keeps);
