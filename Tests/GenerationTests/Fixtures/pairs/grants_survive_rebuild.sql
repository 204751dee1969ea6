-- roles: app_reader
-- A view rebuilt around a column type change keeps its grant and comment.
-- from
create table t (id int, n int);
create view v as select id, n from t;
grant select on v to app_reader;
comment on view v is 'v';
-- to
create table t (id int, n bigint);
create view v as select id, n from t;
grant select on v to app_reader;
comment on view v is 'v';
