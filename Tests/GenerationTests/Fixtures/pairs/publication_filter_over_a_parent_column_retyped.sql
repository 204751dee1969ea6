-- A row filter over an inheritance parent's column, which changes collation (to the server a
-- change of type) under it, while its child is in no publication: the parent is let go of ONLY
-- (a bare DROP TABLE reaches the child, which the publication does not hold, and is refused).
-- from
create table notes (id int primary key, body text);
create publication crm for table notes where (body is not null);
create table call_notes (duration int) inherits (notes);
-- to
create table notes (id int primary key, body text collate "POSIX");
create publication crm for table only notes where (body is not null);
create table call_notes (duration int) inherits (notes);
