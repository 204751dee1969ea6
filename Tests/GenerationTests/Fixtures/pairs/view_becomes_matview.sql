-- A view becomes a materialized view under a view that reads it.
-- from
create table t (id int, n int);
create view v as select id, n from t;
create view over_v as select n from v;
-- to
create table t (id int, n int);
create materialized view v as select id, n from t;
create view over_v as select n from v;
