-- A publication that names a column the plan drops goes before it; a value that becomes an
-- array becomes an array of one element, an array that becomes a value its first element.
-- from
-- needs PostgreSQL 15
create table t (id int primary key, a int, b int, tag text, ns int[]);
create publication pub for table t (id, a, b);
-- to
create table t (id int primary key, a int, tag text[], ns bigint);
create publication pub for table t (id, a);
