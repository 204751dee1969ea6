-- roles: app_reader, app_writer
-- Policies change roles and commands.
-- from
create table t (id int, owner text);
alter table t enable row level security;
create policy p on t for select to app_reader using (true);
-- to
create table t (id int, owner text);
alter table t enable row level security;
create policy p on t for select to app_reader, app_writer using (owner = current_user);
create policy w on t for update to app_writer using (true) with check (owner = current_user);
