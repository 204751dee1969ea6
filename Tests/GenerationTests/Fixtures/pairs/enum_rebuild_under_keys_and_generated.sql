-- An enum rebuilt under a primary key and the foreign key that references it, and under
-- a generated column: the key is dropped around the move (one side would hold the old
-- type while the other holds the new), and the generated column is added again.
-- from
create type status as enum ('new', 'open', 'closed');
create table status_info (s status primary key, label text);
create table ticket (id int, s status references status_info, is_new boolean generated always as (s = 'new') stored);
-- to
create type status as enum ('new', 'closed');
create table status_info (s status primary key, label text);
create table ticket (id int, s status references status_info, is_new boolean generated always as (s = 'new') stored);
