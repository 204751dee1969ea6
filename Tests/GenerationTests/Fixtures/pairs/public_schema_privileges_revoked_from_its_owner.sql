-- The public schema's own privileges revoked from its owner (pg_dump's test suite: `REVOKE
-- ALL ON SCHEMA public FROM` its owner). The schema is not the script's: its owner is
-- `pg_database_owner` from 15, not the role running the plan, so `FROM CURRENT_USER` changed
-- nothing. The statement names the owner the catalog holds when it runs.
-- from
create table t (id int);
-- to
do $$ begin
    execute format('revoke create on schema public from %s', (select nspowner::regrole from pg_namespace where nspname = 'public'));
    execute format('revoke usage on schema public from %s', (select nspowner::regrole from pg_namespace where nspname = 'public'));
end $$;
create table t (id int);
