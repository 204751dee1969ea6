-- Types rebuilt under their columns are renamed aside first. Where the name is long (63
-- bytes, the most PostgreSQL keeps, or 62 bytes of two-byte characters), the aside name
-- cannot be the name with a suffix: the server would cut it back to the name itself.
-- from
create type eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee as enum ('a', 'b', 'c');
create type "ééééééééééééééééééééééééééééééé" as enum ('x', 'y');
create domain eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeedom as int check (value > 0);
create table t (e eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee, f "ééééééééééééééééééééééééééééééé", d eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeedom);
-- to
create type eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee as enum ('a', 'c');
create type "ééééééééééééééééééééééééééééééé" as enum ('y', 'x');
create domain eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeedom as int check (value > 1);
create table t (e eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee, f "ééééééééééééééééééééééééééééééé", d eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeedom);
