-- A partition made, another whose bounds widen, under a parent whose default partition stays:
-- the default is detached before the first joins, its rows within their bounds moved to
-- them, and attached again (DDLWriter.movingRows); ValuesKeptTests moves rows.
-- from
create table ev (id int, at date, note text) partition by range (at);
create table ev_2024 partition of ev for values from ('2024-01-01') to ('2025-01-01');
create table ev_rest partition of ev default;
create table kinds (k text primary key);
alter table ev add column k text references kinds;
create index on ev (at);
-- to
create table ev (id int, at date, note text) partition by range (at);
create table ev_2024 partition of ev for values from ('2024-01-01') to ('2025-03-01');
create table ev_2025 partition of ev for values from ('2025-03-01') to ('2026-01-01');
create table ev_rest partition of ev default;
create table kinds (k text primary key);
alter table ev add column k text references kinds;
create index on ev (at);
