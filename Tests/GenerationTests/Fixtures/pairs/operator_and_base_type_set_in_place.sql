-- An operator whose estimators change (contrib's cube, seg and citext moved `>=` to
-- `scalargesel`) and a base type that gains or loses a support function (hstore 1.8 added a
-- SUBSCRIPT) are altered in place. Dropped and made again, the operator would take the
-- operator class and the index over it, and, without a word, its place in a family; the
-- type would take every column and function of it. Backward, the type's RECEIVE is unset
-- before its function goes.
-- trusted
-- from
create function int_ge(int, int) returns boolean language sql immutable as 'select $1 >= $2';
create operator >=# (function = int_ge, leftarg = int, rightarg = int, restrict = scalargtsel, join = scalargtjoinsel);
create operator class int_ge_ops for type int using btree as operator 4 >=#, function 1 btint4cmp(int, int);
create operator family loose_ops using btree;
alter operator family loose_ops using btree add operator 4 >=# (int, int);
create table t (a int);
create index t_a on t (a int_ge_ops);
create type label;
create function label_in(cstring) returns label language internal immutable strict as 'textin';
create function label_out(label) returns cstring language internal immutable strict as 'textout';
create type label (input = label_in, output = label_out, internallength = variable, storage = extended, category = 'S');
create table tagged (l label);
create function first_label(label) returns label language sql as 'select $1';
-- to
create function int_ge(int, int) returns boolean language sql immutable as 'select $1 >= $2';
create operator >=# (function = int_ge, leftarg = int, rightarg = int, restrict = scalargesel, join = scalargejoinsel);
create operator class int_ge_ops for type int using btree as operator 4 >=#, function 1 btint4cmp(int, int);
create operator family loose_ops using btree;
alter operator family loose_ops using btree add operator 4 >=# (int, int);
create table t (a int);
create index t_a on t (a int_ge_ops);
create type label;
create function label_in(cstring) returns label language internal immutable strict as 'textin';
create function label_out(label) returns cstring language internal immutable strict as 'textout';
create function label_recv(internal) returns label language internal immutable strict as 'textrecv';
create type label (input = label_in, output = label_out, receive = label_recv, internallength = variable, storage = extended,
                   category = 'S');
create table tagged (l label);
create function first_label(label) returns label language sql as 'select $1';
