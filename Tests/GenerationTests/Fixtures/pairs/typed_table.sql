-- A typed table's type gains an attribute: the column comes with ALTER TYPE … CASCADE,
-- its default on the table.
-- from
create type person as (name text, age int);
create table people of person (primary key (name));
-- to
create type person as (name text, age int, email text);
create table people of person (primary key (name), age with options default 0);
