-- PostgreSQL 16 lets a partition compute a generated column its own way, made as
-- PARTITION OF or attached (17 refuses both); PARTITION OF must then say how. From 16's
-- regression suite (generated). The plan creates and drops such partitions.
-- from
-- needs PostgreSQL 16 only
create table gtest_parent (f1 date not null, f2 bigint, f3 bigint generated always as (f2 * 2) stored) partition by range (f1);
create table gtest_child partition of gtest_parent for values from ('2016-07-01') to ('2016-08-01');
create table gtest_child2 partition of gtest_parent (f3 with options generated always as (f2 * 22) stored)
    for values from ('2016-08-01') to ('2016-09-01');
-- to
create table gtest_parent (f1 date not null, f2 bigint, f3 bigint generated always as (f2 * 2) stored) partition by range (f1);
create table gtest_child partition of gtest_parent for values from ('2016-07-01') to ('2016-08-01');
create table gtest_child3 (f1 date not null, f2 bigint, f3 bigint generated always as (f2 * 33) stored);
alter table gtest_parent attach partition gtest_child3 for values from ('2016-09-01') to ('2016-10-01');
