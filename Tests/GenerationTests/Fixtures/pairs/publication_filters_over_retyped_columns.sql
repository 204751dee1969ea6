-- A column retyped under a publication's column list, and another under a row filter: the
-- server refuses both changes while the publication names the column, so the publications
-- are dropped before and made again after. One with neither is left as it is.
-- from
create table t (id int primary key, a int, b int);
create table u (id int primary key, flag smallint);
create statistics t_ab (dependencies) on a, b from t;
create publication by_columns for table t (id, a);
create publication by_rows for table u where (flag > 0);
create publication whole for table t, u;
-- to
create table t (id int primary key, a bigint, b int);
create table u (id int primary key, flag integer);
create statistics t_ab (dependencies) on a, b from t;
create publication by_columns for table t (id, a);
create publication by_rows for table u where (flag > 0);
create publication whole for table t, u;
