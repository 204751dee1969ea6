-- expect: tables[public.m].partitionKey
-- setup
CREATE TABLE m (id int, at date) PARTITION BY RANGE (at);
-- change
DROP TABLE m;
CREATE TABLE m (id int, at date) PARTITION BY LIST (id);
