-- A function made again (a parameter renamed) that is a loose member of an operator family
-- takes its place in the family with it when it is dropped, without a word: the place is given
-- back after it is created. The proof loads the families that name a function or operator the
-- plan touches (pg_amproc and pg_amop are no dependency edges); before, it missed this.
-- trusted
-- from
create function cmp_ints(a int, b int) returns int language sql immutable
  as 'select case when a < b then -1 when a > b then 1 else 0 end';
create operator family loose_cmp using btree;
alter operator family loose_cmp using btree add function 1 (int, int) cmp_ints(int, int);
-- to
create function cmp_ints(x int, y int) returns int language sql immutable
  as 'select case when x < y then -1 when x > y then 1 else 0 end';
create operator family loose_cmp using btree;
alter operator family loose_cmp using btree add function 1 (int, int) cmp_ints(int, int);
