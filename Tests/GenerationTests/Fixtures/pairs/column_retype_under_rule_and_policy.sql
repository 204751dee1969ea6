-- A column changes type under a rule on its own table and a policy: the rule's edges
-- are lifted to the table, so it is found by what it names.
-- from
create table t (id int, owner_id int);
create table audit (id int);
create rule t_audit as on update to t where new.owner_id > 0 do also insert into audit values (new.id);
alter table t enable row level security;
create policy own on t using (owner_id = 1);
-- to
create table t (id int, owner_id bigint);
create table audit (id int);
create rule t_audit as on update to t where new.owner_id > 0 do also insert into audit values (new.id);
alter table t enable row level security;
create policy own on t using (owner_id = 1);
