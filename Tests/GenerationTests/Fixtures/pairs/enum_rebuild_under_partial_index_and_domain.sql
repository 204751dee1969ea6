-- An enum loses a value under a partial index, a check, an array column, and domains
-- over it (one a column uses, rebuilt beside its columns; one no column uses, created again);
-- a function takes the domain.
-- from
create type status as enum ('new', 'open', 'closed', 'archived');
create domain live_status as status check (value <> 'archived');
create domain spare_status as status;
create table ticket (id int, s status not null default 'new', live live_status, history status[]);
create index ticket_open on ticket (id) where s = 'open';
alter table ticket add constraint not_archived check (s <> 'archived' or id > 0);
create function is_open(x live_status) returns boolean language sql as $$ select x::status = 'open' $$;
-- to
create type status as enum ('new', 'open', 'closed');
create domain live_status as status check (value <> 'closed');
create domain spare_status as status;
create table ticket (id int, s status not null default 'new', live live_status, history status[]);
create index ticket_open on ticket (id) where s = 'open';
alter table ticket add constraint not_archived check (s <> 'closed' or id > 0);
create function is_open(x live_status) returns boolean language sql as $$ select x::status = 'open' $$;
