-- PostgreSQL 18's NOT VALID not-null constraint, the online way to a NOT NULL: added,
-- validated, dropped; on a partitioned table whose partitions made before it hold it
-- NOT VALID too and those made after hold it valid; and on a plain inheritance child.
-- from
-- needs PostgreSQL 18
create table account (id int primary key, email text, phone text, region text);
alter table account add constraint account_email_nn not null email not valid;
alter table account add constraint account_phone_nn not null phone not valid;
create table event (kind int, at timestamptz, who int) partition by list (kind);
create table event_1 partition of event for values in (1);
alter table event add constraint event_at_nn not null at not valid;
create table event_2 partition of event for values in (2);
create table base (a int, b int);
alter table base add constraint base_b_nn not null b not valid;
create table derived (c int) inherits (base);
-- to
create table account (id int primary key, email text not null, phone text, region text);
alter table account add constraint account_region_nn not null region not valid;
create table event (kind int, at timestamptz, who int) partition by list (kind);
create table event_1 partition of event for values in (1);
create table event_2 partition of event for values in (2);
alter table event add constraint event_who_nn not null who not valid;
create table base (a int, b int);
alter table base add constraint base_b_nn not null b not valid;
create table derived (c int) inherits (base);
alter table derived add constraint derived_c_nn not null c not valid;
