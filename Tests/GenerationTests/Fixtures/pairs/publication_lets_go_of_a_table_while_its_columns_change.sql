-- Columns a publication's column list or row filter names, retyped and dropped: the table is
-- taken out of the publication first and given back after (the server refuses both changes
-- while the publication names the column), and the publication stays: one made again is not
-- found by a subscriber's walsender. A column no list names changes under it alone.
-- from
create table contacts (id int primary key, email varchar(100), score smallint, notes text, region text);
create table deals ("Amount" numeric(10,2), id int primary key, stage text);
create publication analytics for table contacts (id, email, score) where (score > 0), deals (id, "Amount");
create publication by_region for table contacts where (region <> 'test') with (publish = 'insert');
-- to
create table contacts (id int primary key, email text, score integer, notes varchar(500));
create table deals ("Amount" numeric(14,2), id int primary key, stage varchar(40));
create publication analytics for table contacts (id, email, score) where (score > 0), deals (id, "Amount");
create publication by_region for table contacts with (publish = 'insert, update');
