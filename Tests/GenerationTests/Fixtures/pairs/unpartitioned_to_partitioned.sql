-- A table becomes partitioned: created again with its key inside CREATE TABLE once,
-- and the foreign key to it goes.
-- from
create table t (id int primary key, at date);
create table r (id int primary key, t_id int references t(id));
-- to
create table t (id int, at date, primary key (id, at)) partition by range (at);
create table t_all partition of t default;
create table r (id int primary key, t_id int);
