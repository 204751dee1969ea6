-- Children's and partitions' own defaults and NOT NULLs beside their parent's, which the
-- server's ALTER TABLE carries to them: a parent's `SET DEFAULT` and (before 18) `DROP NOT
-- NULL` reach every child and partition, and its `ADD COLUMN … DEFAULT` gives them its
-- default. Each keeps or gets its own: a partition's default set apart from the new column's,
-- a child's and a partition's default kept while their parent's changes, a child's declared
-- NOT NULL and a partition's own kept while their parent's goes.
-- from
create table orders (id int, region text, state int default 1, total int not null) partition by list (region);
create table orders_eu partition of orders for values in ('eu');
create table orders_us partition of orders for values in ('us');
alter table orders_us alter column state set default 7;
create table events (id int, kind int default 1, note text not null);
create table audit_events (at timestamptz, note text not null) inherits (events);
alter table audit_events alter column kind set default 7;
-- to
create table orders (id int, region text, state int default 2, total int, channel int default 3)
  partition by list (region);
create table orders_eu partition of orders for values in ('eu');
create table orders_us partition of orders for values in ('us');
alter table orders_us alter column state set default 7;
alter table orders_eu alter column channel set default 9;
alter table orders_eu alter column total set not null;
create table events (id int, kind int default 2, note text);
create table audit_events (at timestamptz, note text not null) inherits (events);
alter table audit_events alter column kind set default 7;
