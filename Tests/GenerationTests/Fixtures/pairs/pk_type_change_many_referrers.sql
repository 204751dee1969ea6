-- A primary key changes type under three foreign keys (one deferrable, one cascading)
-- and a view over the join.
-- from
create table acct (id int primary key);
create table a (acct_id int references acct on delete cascade);
create table b (acct_id int not null references acct);
create table c (x int, acct_id int, foreign key (acct_id) references acct (id) deferrable);
create view av as select a.acct_id from a join acct on acct.id = a.acct_id;
-- to
create table acct (id bigint primary key);
create table a (acct_id bigint references acct on delete cascade);
create table b (acct_id bigint not null references acct);
create table c (x int, acct_id bigint, foreign key (acct_id) references acct (id) deferrable);
create view av as select a.acct_id from a join acct on acct.id = a.acct_id;
