-- A composite type loses, gains and retypes attributes under a column and a typed
-- table: the table is unlinked, its columns matched to the new type, and linked again.
-- from
create type pt as (x int, y int, gone text);
create table used (p pt);
create table typed of pt (primary key (x), y with options default 0);
-- to
create type pt as (x bigint, y int, added text);
create table used (p pt);
create table typed of pt (primary key (x), y with options default 0);
