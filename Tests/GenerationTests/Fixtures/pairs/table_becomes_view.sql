-- A table is replaced by a view of its name, under a view that reads it.
-- from
create table contacts (id int primary key, name text);
create table contact_names (id int, name text);
create view named as select * from contact_names;
-- to
create table contacts (id int primary key, name text);
create view contact_names as select id, name from contacts;
create view named as select * from contact_names;
