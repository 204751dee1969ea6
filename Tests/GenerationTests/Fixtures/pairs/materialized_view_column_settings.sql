-- A materialized view's columns set apart (statistics, storage, compression, n_distinct),
-- as PostgreSQL's own regression suite sets one (compressmv). Settings that change make
-- the view again, with its index, as a definition change does.
-- from
-- needs PostgreSQL 14
create table t (a int, b text, c numeric);
create materialized view mv as select a, b, c from t;
alter materialized view mv alter column a set statistics 500;
alter materialized view mv alter column b set storage main;
create unique index mv_a on mv (a);
create materialized view mv2 as select a from t;
-- to
create table t (a int, b text, c numeric);
create materialized view mv as select a, b, c from t;
alter materialized view mv alter column a set statistics 200;
alter materialized view mv alter column b set compression pglz;
alter materialized view mv alter column c set (n_distinct = -0.5);
create unique index mv_a on mv (a);
create materialized view mv2 as select a from t;
alter materialized view mv2 alter column a set statistics 50;
