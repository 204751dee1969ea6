-- A rule that calls a function whose result type changes (GNUmed's v4 to v5:
-- `DO INSTEAD SELECT f_protect_clin_root_item()` over a trigger function made a
-- boolean one), and a rule that reads a view made again: a rule's pg_depend edges
-- are lifted to its table, which stays, so the rules must be found by their text,
-- dropped before what they read and made again after it.
-- from
create table item (id int, note text);
create function refuse() returns trigger language plpgsql as $$begin raise exception 'not allowed'; end$$;
create rule item_no_del as on delete to item do instead select refuse();
create view item_notes as select id, note from item;
create table log (id int);
create rule item_logged as on update to item do also insert into log select id from item_notes where id = old.id;
-- to
create table item (id int, note text);
create function refuse() returns boolean language plpgsql as $$begin raise exception 'not allowed'; end$$;
create rule item_no_del as on delete to item do instead select refuse();
create view item_notes as select id, note::varchar(40) as note from item;
create table log (id int);
create rule item_logged as on update to item do also insert into log select id from item_notes where id = old.id;
