-- A type replaced by another kind of type of the same name, under columns that keep the
-- name: a composite type by a table (whose row type takes its place), an enum by a domain.
-- Neither can be created while the other holds the name, nor dropped while a column holds
-- it: the columns pass through text.
-- from
create type item as (a int);
create type mood as enum ('ok', 'sad');
create table cart (line item, lines item[], m mood default 'ok', check (m <> 'sad'));
create view cv as select (line).a, m from cart;
-- to
create table item (a int, b int);
create domain mood as text check (value in ('ok', 'sad', 'glad'));
create table cart (line item, lines item[], m mood default 'ok', check (m <> 'sad'));
create view cv as select (line).a, m from cart;
