-- A domain's base type changes under a column: renamed aside, created anew, the column
-- cast over.
-- from
create domain code as varchar(5);
create table t (c code);
-- to
create domain code as varchar(10);
create table t (c code);
