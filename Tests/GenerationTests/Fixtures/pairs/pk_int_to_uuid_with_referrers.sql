-- An integer key and the column referencing it become uuids: the foreign key goes
-- before the change and comes back after (the server refuses either change while it ties them).
-- from
create table acct (id int primary key, name text);
create table deal (id int primary key, acct_id int not null references acct);
create index on deal (acct_id);
-- to
create table acct (id uuid primary key, name text);
create table deal (id int primary key, acct_id uuid not null references acct);
create index on deal (acct_id);
