-- An integer column becomes a uuid key with a default: there is no cast between
-- them, so the values go through text.
-- from
create table t (id int);
-- to
create table t (id uuid primary key default gen_random_uuid(), made timestamptz not null default now(), day date default current_date, seq int default 0);
