-- PostgreSQL 18 keeps a column's NOT NULL as a constraint with a name: one given in
-- CREATE TABLE, or the name of a table since renamed. A later migration may drop it by
-- that name. Names change, come and go. A child's or partition's inherited one keeps its
-- parent's name, unless it was given its own (in CREATE TABLE, or before ATTACH); such
-- children and partitions come and go (the server renames no inherited constraint).
-- from
-- needs PostgreSQL 18
create table acct (a int constraint acct_a_required not null, b int not null, c int);
create table old_name (x int not null);
alter table old_name rename to person;
create table base2 (p int constraint p_required not null, r int);
create table kid () inherits (base2);
create table kid3 (constraint kid3_own not null p) inherits (base2);
create table parts (k int, v int not null) partition by list (k);
create table parts_1 partition of parts (constraint v_of_1 not null v) for values in (1);
create table parts_2 (k int, v int constraint v_of_2 not null);
alter table parts attach partition parts_2 for values in (2);
-- to
create table acct (a int constraint acct_a_must not null, b int constraint b_named not null, c int constraint c_named not null);
create table person (x int not null);
create table base2 (p int constraint p_required not null, r int);
create table kid () inherits (base2);
create table kid2 (q int constraint q_required not null, constraint kid2_r not null r) inherits (base2);
create table kid3 (constraint kid3_own not null p) inherits (base2);
create table parts (k int, v int not null) partition by list (k);
create table parts_1 partition of parts (constraint v_of_1 not null v) for values in (1);
create table parts_2 (k int, v int constraint v_of_2 not null);
alter table parts attach partition parts_2 for values in (2);
create table parts_3 partition of parts (constraint v_of_3 not null v) for values in (3);
