-- trusted
-- An owner granted its own privileges WITH GRANT OPTION (pgAdmin's schema-diff cases grant
-- USAGE on a language, a foreign-data wrapper and a server to their owner so), and back: its
-- default holds every privilege without the option written out, so the way back is REVOKE
-- GRANT OPTION FOR, never REVOKE (which took the owner's own privilege).
-- from
create table t (a int);
grant select, update on t to current_user with grant option;
grant select on t to public;
create foreign data wrapper w;
grant usage on foreign data wrapper w to public;
grant usage on foreign data wrapper w to current_user with grant option;
create server s foreign data wrapper w;
grant usage on foreign server s to current_user with grant option;
create function f() returns int language sql as 'select 1';
grant execute on function f() to current_user with grant option;
-- to
create table t (a int);
create foreign data wrapper w;
create server s foreign data wrapper w;
create function f() returns int language sql as 'select 1';
