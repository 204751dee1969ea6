-- An enum loses a value under a default, a check, a partial index, a domain, an array
-- column, a function and a view over it.
-- from
create type mood as enum ('sad', 'ok', 'happy');
create domain happy_mood as mood check (value <> 'sad');
create table t (m mood default 'ok' check (m <> 'happy'), h happy_mood, ms mood[]);
create index on t (m) where m = 'ok';
create function f(x mood) returns mood language sql as $$ select x $$;
create view v as select m, f(m) from t;
-- to
create type mood as enum ('sad', 'happy');
create domain happy_mood as mood check (value <> 'sad');
create table t (m mood default 'sad' check (m <> 'happy'), h happy_mood, ms mood[]);
create index on t (m) where m = 'sad';
create function f(x mood) returns mood language sql as $$ select x $$;
create view v as select m, f(m) from t;
