-- A partitioned table published through its root with a column list and a row filter, and one
-- of its partitions published alone with a filter of its own, while the column both filters
-- read is retyped (on the root, reaching every partition): both publications let go of their
-- table and take it back with its list and filter; neither is made again.
-- from
create table ev (id int, x int, at date) partition by range (at);
create table ev1 partition of ev for values from ('2024-01-01') to ('2025-01-01');
create table ev2 partition of ev for values from ('2025-01-01') to ('2026-01-01');
create publication pub for table ev (id, x) where (x > 0) with (publish_via_partition_root = true);
create publication pub2 for table ev1 where (x > 1);
-- to
create table ev (id int, x bigint, at date) partition by range (at);
create table ev1 partition of ev for values from ('2024-01-01') to ('2025-01-01');
create table ev2 partition of ev for values from ('2025-01-01') to ('2026-01-01');
create publication pub for table ev (id, x) where (x > 0) with (publish_via_partition_root = true);
create publication pub2 for table ev1 where (x > 1);
