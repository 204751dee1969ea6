-- roles: app_writer
-- A function created again keeps its grants.
-- from
create function f(a int) returns int language sql as $$ select a $$;
revoke execute on function f(int) from public;
grant execute on function f(int) to app_writer;
-- to
create function f(a int) returns bigint language sql as $$ select a::bigint $$;
revoke execute on function f(int) from public;
grant execute on function f(int) to app_writer;
