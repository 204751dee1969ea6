-- A collation's definition changes under the columns that use it: the server cannot drop
-- it under them, so it is renamed aside, created anew, and its columns (a partitioned
-- table's with its partitions') are moved to the new one, with the views that read them
-- and the indexes that name it rebuilt around the change.
-- from
create collation nat (provider = icu, locale = 'en-u-kn-true');
create table t (id int, name text collate nat, code text);
create index t_name on t (name);
create index t_code_nat on t (code collate nat);
create view names as select name from t order by name;
create table p (id int, label varchar(20) collate nat) partition by range (id);
create table p1 partition of p for values from (0) to (10);
-- to
create collation nat (provider = icu, locale = 'de-u-kn-true');
create table t (id int, name text collate nat, code text);
create index t_name on t (name);
create index t_code_nat on t (code collate nat);
create view names as select name from t order by name;
create table p (id int, label varchar(20) collate nat) partition by range (id);
create table p1 partition of p for values from (0) to (10);
