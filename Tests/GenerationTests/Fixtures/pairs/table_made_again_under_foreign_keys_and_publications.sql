-- A table made again (it becomes partitioned) while another table's foreign key references
-- it and publications name it: the key is dropped before its drop and added after, and the
-- publications, which its drop leaves, take it back (they are not made again).
-- from
create table events (id int primary key, at date not null, kind text);
create table attachments (id int primary key, event int references events, name text);
create publication whole for table events, attachments;
create publication slim for table events (id, at) where (kind is not null) with (publish_via_partition_root = true);
-- to
create table events (id int primary key, at date not null, kind text) partition by range (id);
create table events_low partition of events for values from (0) to (1000000);
create table attachments (id int primary key, event int references events, name text);
create publication whole for table events, attachments;
create publication slim for table events (id, at) where (kind is not null) with (publish_via_partition_root = true);
