-- The public schema's comment dropped (pg_dump's test suite: `COMMENT ON SCHEMA public IS
-- NULL`): every new database has the comment, and the consolidated script, which makes the
-- schema from nothing, wrote no comment for one without, so the database it built kept it.
-- from
create table t (id int);
-- to
comment on schema public is null;
create table t (id int);
