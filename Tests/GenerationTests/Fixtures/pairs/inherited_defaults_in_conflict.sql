-- Two parents give one column different defaults: the server refuses the child
-- ("inherits conflicting default values") unless it declares one itself, so the
-- script and the plan write it in CREATE TABLE; a child that dropped it after keeps none.
-- A parent with no default gives none: the other parent's is the child's.
-- from
create table p1 (c int default 1, a int, d int);
create table p2 (c int default 2, b int, d int default 7);
create table kid (c int default 1) inherits (p1, p2);
-- to
create table p1 (c int default 1, a int, d int);
create table p2 (c int default 2, b int, d int default 7);
create table kid (c int default 1) inherits (p1, p2);
create table own (c int default 5) inherits (p1, p2);
create table bare (c int default 2) inherits (p1, p2);
alter table bare alter column c drop default;
create table kin (c int default 2) inherits (p2, p1);
alter table p1 alter column a set default 3;
