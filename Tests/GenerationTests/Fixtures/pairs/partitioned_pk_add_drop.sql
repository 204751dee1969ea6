-- A partitioned table gains a primary key and a foreign key to it (and back: the
-- parent's key goes first, taking its partitions').
-- from
create table m (id int not null, k int not null) partition by list (k);
create table m1 partition of m for values in (1);
-- to
create table m (id int not null, k int not null, primary key (id, k)) partition by list (k);
create table m1 partition of m for values in (1);
create table r (id int, k int, foreign key (id, k) references m);
