-- An enum that loses a value is renamed aside and made again; a function that goes and takes
-- it goes before the rename. Dropped at the end, its DROP named the type by its name, which by
-- then was the new type's: nothing was dropped, and the old type could not go
-- (procrastinate's finish_job_v1, from 3.0 back to 2.x).
-- from
create type job_status as enum ('todo', 'doing', 'done', 'cancelled');
create table jobs (id bigint primary key, status job_status not null default 'todo');
create function finish_job_v1(job_id bigint, end_status job_status) returns void language sql
  as 'update jobs set status = end_status where id = job_id';
-- to
create type job_status as enum ('todo', 'doing', 'done');
create table jobs (id bigint primary key, status job_status not null default 'todo');
