-- A composite type's attributes change type under a column, an array column with a
-- default, a function and a view: renamed aside, created anew, each value rebuilt.
-- from
create type money2 as (amount int, currency text);
create table t (id int, price money2 default row(0, 'EUR'), history money2[]);
create function total(m money2) returns int language sql as $$ select m.amount $$;
create view v as select (price).amount from t;
-- to
create type money2 as (amount numeric(12,2), currency varchar(3), note text);
create table t (id int, price money2 default row(0, 'EUR', null), history money2[]);
create function total(m money2) returns int language sql as $$ select m.amount::int $$;
create view v as select (price).amount from t;
