-- What dropping PostgreSQL's regression database taught: two tables whose policies read
-- each other's views (no order of the relations alone holds: the policies go first); a
-- partitioned table with a key on itself (its clones hold each partition); an operator
-- class with loose members in its own family, and one of no member (each leaves its
-- family behind, which would keep the schema from being dropped); an operator whose
-- negator was never defined (a shell, in the same schema).
-- from
create schema zoo;
create table zoo.rec1 (x int, y int);
create table zoo.rec2 (a int, b int);
create view zoo.rec1v as select * from zoo.rec1;
create view zoo.rec2v as select * from zoo.rec2;
alter table zoo.rec1 enable row level security;
alter table zoo.rec2 enable row level security;
create policy r1 on zoo.rec1 using (x = (select a from zoo.rec2v where b = y));
create policy r2 on zoo.rec2 using (a = (select x from zoo.rec1v where y = b));
create table zoo.self_fk (id int primary key, parent int references zoo.self_fk) partition by range (id);
create table zoo.self_fk_1 partition of zoo.self_fk for values from (0) to (10);
create table zoo.self_fk_2 partition of zoo.self_fk for values from (10) to (20);
create function zoo.hash_noop(int, bigint) returns bigint language sql immutable as 'select $1::bigint';
create operator class zoo.noop_ops for type int using hash as operator 1 =, function 2 zoo.hash_noop(int, bigint);
create operator class zoo.empty_ops for type int using btree as storage int;
create operator zoo.<=> (leftarg = int, rightarg = int, function = int4ne, negator = operator(zoo.<==>));
create table kept (id int);
-- to
create table kept (id int);
