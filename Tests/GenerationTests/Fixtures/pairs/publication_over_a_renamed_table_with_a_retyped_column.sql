-- A table renamed (`--rename` confirmed or not) while a column its publication's column list
-- names is retyped: confirmed, the rename reaches the publication's definition (its tables are
-- written ONLY, which the rename reads as a table, not a function call), and the table is let
-- go of under its new name; not confirmed, the table is made again and given back.
-- from
create table contacts (id int primary key, score smallint, notes text);
create publication analytics for table contacts (id, score);
-- to
create table people (id int primary key, score integer, notes text);
create publication analytics for table people (id, score);
