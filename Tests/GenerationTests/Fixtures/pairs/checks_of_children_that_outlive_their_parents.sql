-- An inheritance parent's check dropped while its child keeps the check: the parent's drop is
-- ONLY, which leaves the child's copy as its own (recursing, it would take the copy the child
-- only inherits). The way back: the child's own check goes first, and the parent's new check
-- reaches it inherited only (the parent's ADD would merge with the child's, which would stay
-- declared by the child too, and no statement undoes that). Columns the same way.
-- from
create table parties (a int, c int, constraint parties_a_positive check (a > 0));
create table vendors (k int) inherits (parties);
-- to
create table parties (a int);
create table vendors (a int, c int, k int, constraint parties_a_positive check (a > 0)) inherits (parties);
