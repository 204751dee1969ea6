-- Functions go before what they read or take: a SQL-standard body over a view the plan
-- rebuilds, removed functions reading a removed view, a removed table and a removed
-- column, and a removed function taking a removed table's row type. The server refuses
-- to drop a view, table or column under any of them.
-- from
-- needs PostgreSQL 14
create table t (id int, v int, gone int);
create view tv as select id, v from t;
create function from_view() returns bigint language sql stable begin atomic select count(v) from tv; end;
create view calls_it as select from_view() as n;
create table old_t (id int);
create view old_v as select id from old_t;
create function reads_old_view() returns bigint language sql stable begin atomic select count(*) from old_v; end;
create function reads_old_table() returns bigint language sql stable begin atomic select count(*) from old_t; end;
create function takes_old_row(r old_t) returns int language sql as $$ select r.id $$;
create function reads_gone() returns bigint language sql stable return (select count(gone) from t);
-- to
create table t (id int, v bigint);
create view tv as select id, v from t;
create function from_view() returns bigint language sql stable begin atomic select count(v) from tv; end;
create view calls_it as select from_view() as n;
