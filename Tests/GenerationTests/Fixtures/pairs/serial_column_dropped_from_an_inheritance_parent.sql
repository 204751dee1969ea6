-- A parent's serial column dropped while its inheritance child keeps the column (apgdiff's
-- modify_inherits: the child moves to another parent): the child's column still defaults to
-- the parent's sequence, which the parent's column owns, so `DROP COLUMN` would take the
-- sequence under the child's default and the server refuses. The sequence is detached
-- first, and dropped once the child's default no longer calls it.
-- from
create table parenttable (id bigserial not null);
create table testtable (field1 polygon) inherits (parenttable);
-- to
create table parenttable (field3 information_schema.cardinal_number);
create table parenttable2 (id bigserial not null);
create table testtable (field1 polygon) inherits (parenttable2);
