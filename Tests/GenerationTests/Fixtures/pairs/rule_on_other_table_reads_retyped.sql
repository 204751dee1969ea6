-- A rule on one table writes a column of another that changes type.
-- from
create table t (id int, owner_id int);
create table audit (id int, who int);
create rule audit_copy as on insert to audit do also update t set owner_id = new.who where t.id = new.id;
-- to
create table t (id int, owner_id bigint);
create table audit (id int, who int);
create rule audit_copy as on insert to audit do also update t set owner_id = new.who where t.id = new.id;
