-- A foreign table's columns, checks, options, trigger, comments and column grants changed, with
-- a view over a retyped column, a foreign child that inherits from it and a foreign partition
-- of a table: altered in place where ADD COLUMN can give the column order (ForeignTableDDL).
-- roles: ft_reader
-- from
create foreign data wrapper dummy;
create server s foreign data wrapper dummy;
create type mood as enum ('a', 'b');
create function touch() returns trigger language plpgsql as $$ begin return new; end $$;
create foreign table ft (id integer not null, name text options (column_name 'full_name') not null, n numeric(12,2) default 1, m mood,
            constraint id_pos check (id > 1), constraint large check (n < 1000)) server s options (schema_name 'crm', table_name 'remote', updatable 'false');
create view amounts as select id, n from ft;
comment on column ft.name is 'the full name';
comment on constraint large on ft is 'large';
create trigger stamp before insert or update on ft for each row execute function touch();
alter foreign table ft disable trigger stamp;
comment on trigger stamp on ft is 'stamps rows';
grant select (name, id) on ft to ft_reader with grant option;
create foreign table child (extra int) inherits (ft) server s;
create table events (id int, at date) partition by range (at);
create foreign table events_2024 partition of events for values from ('2024-01-01') to ('2025-01-01') server s options (table_name 'e2024');
-- to
create foreign data wrapper dummy;
create server s foreign data wrapper dummy;
create type mood as enum ('a', 'b');
create function touch() returns trigger language plpgsql as $$ begin return new; end $$;
create foreign table ft (id integer not null, name text options (column_name 'nm'), n numeric(10,2) default 0,
            constraint id_pos check (id > 0), constraint large check (n < 100)) server s options (schema_name 'public', table_name 'remote');
create view amounts as select id, n from ft;
comment on column ft.name is 'the name';
create trigger stamp before insert on ft for each row execute function touch();
alter foreign table ft enable always trigger stamp;
grant select (name) on ft to ft_reader;
create foreign table child (extra int) inherits (ft) server s;
create table events (id int, at date, kind text) partition by range (at);
create foreign table events_2024 partition of events for values from ('2024-01-01') to ('2025-01-01') server s options (table_name 'events_2024');
