-- An inheritance child that dropped the NOT NULL its parent gives it (GNUmed's
-- clin.substance_intake.fk_episode under clin.clin_root_item, before 18): the
-- consolidated script and the proof's source made the child with the parent's
-- NOT NULL and left it there. The child gains a column, so the proof loads it.
-- from
-- before PostgreSQL 18 (its NOT NULL is an inherited constraint there, which a child cannot drop)
create table root_item (pk serial primary key, fk_episode int not null, narrative text not null default '');
create table intake (strength text) inherits (root_item);
alter table only intake alter column fk_episode drop not null;
create table intake_detail (note text) inherits (intake);
alter table only intake_detail alter column narrative drop not null;
-- to
create table root_item (pk serial primary key, fk_episode int not null, narrative text not null default '');
create table intake (strength text, discontinued timestamptz) inherits (root_item);
alter table only intake alter column fk_episode drop not null;
create table intake_detail (note text) inherits (intake);
alter table only intake_detail alter column narrative drop not null;
