-- Partition bounds change one level down; a partition to MAXVALUE is added.
-- from
create table m (id int, k int, at date) partition by range (at);
create table m2024 partition of m for values from ('2024-01-01') to ('2025-01-01') partition by list (k);
create table m2024_1 partition of m2024 for values in (1);
create table m2024_rest partition of m2024 default;
create table mold partition of m for values from (minvalue) to ('2024-01-01');
-- to
create table m (id int, k int, at date) partition by range (at);
create table m2024 partition of m for values from ('2024-01-01') to ('2025-01-01') partition by list (k);
create table m2024_1 partition of m2024 for values in (1, 2);
create table m2024_rest partition of m2024 default;
create table mold partition of m for values from (minvalue) to ('2024-01-01');
create table mnew partition of m for values from ('2025-01-01') to (maxvalue);
