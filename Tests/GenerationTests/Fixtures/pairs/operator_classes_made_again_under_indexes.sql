-- Operator classes made again (their support function is another): an index built by one
-- goes before the class and is built again after, whether its definition names the class
-- (`n int_rev_ops`) or the class is its column type's default (`USING btree (m)`, which
-- only pg_depend tells); so does a primary key built by one, and a materialized view's
-- index. Before, `DROP OPERATOR CLASS` failed on the indexes, as on a raw install of
-- contrib's seg or hstore scripts upgraded in place.
-- trusted
-- from
create type mood as enum ('sad', 'ok', 'happy');
create function mood_rev(a mood, b mood) returns int language plpgsql immutable as $$ begin return enum_cmp(b, a); end $$;
create operator class mood_rev_ops default for type mood using btree as
  operator 1 > (anyenum, anyenum), operator 2 >= (anyenum, anyenum), operator 3 = (anyenum, anyenum),
  operator 4 <= (anyenum, anyenum), operator 5 < (anyenum, anyenum), function 1 mood_rev(mood, mood);
create function int_rev(a int, b int) returns int language plpgsql immutable as $$ begin return btint4cmp(b, a); end $$;
create operator class int_rev_ops for type int using btree as
  operator 1 >, operator 2 >=, operator 3 =, operator 4 <=, operator 5 <, function 1 int_rev(int, int);
create table t (m mood primary key, n int);
create index t_m on t (m);
create index t_n on t (n int_rev_ops);
create materialized view mv as select m, n from t;
create index mv_m on mv (m);
insert into t values ('sad', 1), ('happy', 2);
refresh materialized view mv;
-- to
create type mood as enum ('sad', 'ok', 'happy');
create function mood_rev2(a mood, b mood) returns int language plpgsql immutable as $$ begin return enum_cmp(b, a); end $$;
create operator class mood_rev_ops default for type mood using btree as
  operator 1 > (anyenum, anyenum), operator 2 >= (anyenum, anyenum), operator 3 = (anyenum, anyenum),
  operator 4 <= (anyenum, anyenum), operator 5 < (anyenum, anyenum), function 1 mood_rev2(mood, mood);
create function int_rev2(a int, b int) returns int language plpgsql immutable as $$ begin return btint4cmp(b, a); end $$;
create operator class int_rev_ops for type int using btree as
  operator 1 >, operator 2 >=, operator 3 =, operator 4 <=, operator 5 <, function 1 int_rev2(int, int);
create table t (m mood primary key, n int);
create index t_m on t (m);
create index t_n on t (n int_rev_ops);
create materialized view mv as select m, n from t;
create index mv_m on mv (m);
insert into t values ('sad', 1), ('happy', 2);
refresh materialized view mv;
