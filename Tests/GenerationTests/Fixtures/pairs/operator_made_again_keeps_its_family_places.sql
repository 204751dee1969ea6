-- An operator made again (its function changes) takes its places in operator families with it
-- when it is dropped, without a word: they are given back after it is created.
-- trusted
-- from
create function gt_a(int, int) returns boolean language sql immutable as 'select $1 > $2';
create function gt_b(int, int) returns boolean language sql immutable as 'select $1 > $2 and true';
create operator >## (function = gt_a, leftarg = int, rightarg = int);
create operator family loose_gt using btree;
alter operator family loose_gt using btree add operator 5 >## (int, int);
-- to
create function gt_a(int, int) returns boolean language sql immutable as 'select $1 > $2';
create function gt_b(int, int) returns boolean language sql immutable as 'select $1 > $2 and true';
create operator >## (function = gt_b, leftarg = int, rightarg = int);
create operator family loose_gt using btree;
alter operator family loose_gt using btree add operator 5 >## (int, int);
