-- PostgreSQL 18's temporal keys (WITHOUT OVERLAPS, and a foreign key's PERIOD) and
-- constraints NOT ENFORCED. Written as plain keys and NOT VALID constraints, they would
-- mean something else: a key that lets periods overlap, a check that refuses new rows.
-- from
-- needs PostgreSQL 18
create extension if not exists btree_gist;
create table room (id int, valid_at daterange, primary key (id, valid_at without overlaps));
create table booking (id int primary key, room_id int, during daterange,
    foreign key (room_id, period during) references room (id, period valid_at));
create table note (a int primary key, b int, constraint b_positive check (b > 0) not enforced);
-- to
create extension if not exists btree_gist;
create table room (id int, valid_at daterange, primary key (id, valid_at without overlaps),
    unique (id, valid_at));
create table booking (id int primary key, room_id int, during daterange);
create table note (a int primary key, b int, constraint b_positive check (b > 0) not enforced,
    constraint note_self foreign key (b) references note (a) not enforced);
