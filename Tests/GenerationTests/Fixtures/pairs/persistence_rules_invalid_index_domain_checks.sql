-- Four things a naive plan loses or the server refuses:
-- - a foreign key between a table that becomes unlogged and one that is not yet;
-- - a rule on a view the plan creates again (DROP VIEW takes it);
-- - a partitioned table's index made ON ONLY with one partition's index attached (invalid
--   until every partition's is);
-- - a domain check calling a function the plan drops and creates again.
-- from
create table t (id int primary key);
create table u (id int primary key, t_id int references t);
create table rt (id int, v int);
create view rv as select * from rt;
create rule rv_del as on delete to rv do instead delete from rt where id = old.id;
create table p (id int, v int) partition by range (id);
create table p1 partition of p for values from (0) to (10);
create table p2 partition of p for values from (10) to (20);
create function valid_code(c text) returns boolean language sql immutable as $$ select length(c) = 3 $$;
create domain code as text check (valid_code(value));
create table coded (c code);
-- to
create unlogged table t (id int primary key);
create unlogged table u (id int primary key, t_id int references t);
create table rt (id int, v int, w int);
create view rv as select * from rt;
create rule rv_del as on delete to rv do instead delete from rt where id = old.id;
create table p (id int, v int) partition by range (id);
create table p1 partition of p for values from (0) to (10);
create table p2 partition of p for values from (10) to (20);
create index p_v on only p (v);
create index p1_v on p1 (v);
alter index p_v attach partition p1_v;
create function valid_code(c text, strict_mode boolean default true) returns boolean language sql immutable as $$ select length(c) = 3 $$;
create domain code as text check (valid_code(value));
create table coded (c code);
