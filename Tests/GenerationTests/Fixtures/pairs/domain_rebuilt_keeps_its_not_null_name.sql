-- An enum loses a value under a NOT NULL domain over it: the domain is made again while the
-- old one, renamed aside, still holds its NOT NULL. From 17 that constraint has a name, and
-- the server would give the new domain's another (`lvl_not_null1`): it is named in the plan.
-- from
create type level as enum ('low', 'mid', 'high', 'max');
create domain lvl as level not null default 'low';
create table t (a lvl, b level[] default '{low}', c level default 'max');
create view v as select a, b from t;
-- to
create type level as enum ('low', 'mid', 'high');
create domain lvl as level not null default 'low';
create table t (a lvl, b level[] default '{low}', c level default 'high');
create view v as select a, b from t;
