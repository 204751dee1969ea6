-- The server cannot change the type of a column a partition key reads, nor drop a partitioned
-- table's partitions' rows: the table is created again, and its partitions are detached, their
-- columns changed, and attached to the new one, also where their bounds read the same.
-- from
create type region as enum ('eu', 'us', 'apac');
create table ev (id int, at date, kind text) partition by range (at);
create table ev_2024 partition of ev for values from ('2024-01-01') to ('2025-01-01');
create table acct (id int, r region) partition by list (r);
create table acct_eu partition of acct for values in ('eu');
create table acct_us partition of acct for values in ('us');
create table m (id int, n int) partition by range (id);
create table m1 partition of m for values from (0) to (100);
create view over_m as select id from m;
-- to
create type region as enum ('eu', 'us');
create table ev (id int, at timestamptz, kind text) partition by range (at);
create table ev_2024 partition of ev for values from ('2024-01-01') to ('2025-01-01');
create table acct (id int, r region) partition by list (r);
create table acct_eu partition of acct for values in ('eu');
create table acct_us partition of acct for values in ('us');
create table m (id int, n int) partition by range ((id + 0));
create table m1 partition of m for values from (0) to (100);
create view over_m as select id from m;
