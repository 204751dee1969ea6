-- Names that hold a line break (pg_dump's test suite has a table `"pp_enumpart` + line break +
-- `attack"`), dropped and made: the hazard comment above a statement names one with the break
-- written `\n`; the comment ended at the break, and the rest of the name was read as SQL.
-- from
create table "two
lines" (id int);
create table kept (id int);
-- to
create table kept (id int, "new
column" int);
create table "other
name" (id int);
