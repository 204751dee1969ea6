-- Functions and procedures with SQL-standard bodies record the columns they read in
-- pg_depend: the server refuses to change such a column's type, or to drop it, under
-- them. They are dropped and created around the change, with a view that calls one.
-- from
-- needs PostgreSQL 14
create table t (id int primary key, name varchar(20), legacy text);
create table log (id int, msg text);
create function name_of(i int) returns text language sql stable begin atomic select name from t where id = i; end;
create function legacy_of(i int) returns text language sql stable return (select legacy from t where id = i);
create procedure add_log(m text) language sql begin atomic insert into log (id, msg) values (1, m); end;
create view names as select id, name_of(id) as n from t;
-- to
create table t (id int primary key, name varchar(80));
create table log (id bigint, msg text, at timestamptz default now());
create function name_of(i int) returns text language sql stable begin atomic select name from t where id = i; end;
create function legacy_of(i int) returns text language sql stable return (select name from t where id = i);
create procedure add_log(m text) language sql begin atomic insert into log (id, msg) values (1, m); end;
create view names as select id, name_of(id) as n from t;
