-- PostgreSQL 18 keeps a column's NOT NULL as a constraint with a name: one given in
-- CREATE TABLE, or the name of a table since renamed. A later migration may drop it by
-- that name. Names change, come and go; a child's inherited one keeps its parent's.
-- from
-- needs PostgreSQL 18
create table acct (a int constraint acct_a_required not null, b int not null, c int);
create table old_name (x int not null);
alter table old_name rename to person;
create table base2 (p int constraint p_required not null);
create table kid () inherits (base2);
-- to
create table acct (a int constraint acct_a_must not null, b int constraint b_named not null, c int constraint c_named not null);
create table person (x int not null);
create table base2 (p int constraint p_required not null);
create table kid () inherits (base2);
create table kid2 (q int constraint q_required not null) inherits (base2);
