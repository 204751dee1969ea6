-- An enum that loses a value is made again under a partitioned table's column: the column
-- moves to the new type on the parent (the server carries it to the partitions), after its
-- default is dropped there and on every partition. Each partition's own default is set again
-- after the parent's, which is set on the parent alone.
-- from
create type ticket_state as enum ('new', 'open', 'closed', 'archived');
create table tickets (id int, state ticket_state default 'new', region text) partition by list (region);
create table tickets_eu partition of tickets for values in ('eu');
create table tickets_us partition of tickets for values in ('us');
alter table tickets_us alter column state set default 'open';
-- to
create type ticket_state as enum ('new', 'open', 'closed');
create table tickets (id int, state ticket_state default 'open', region text) partition by list (region);
create table tickets_eu partition of tickets for values in ('eu');
create table tickets_us partition of tickets for values in ('us');
alter table tickets_us alter column state set default 'new';
alter table tickets_eu alter column state drop default;
