-- Extended statistics over a column a plan adds again: the server prints their columns in the
-- table's column order, so the added column comes last (`ON b, a`). The same statistics: a
-- plan cannot reorder columns, and the proof compares their columns as a set (random histories).
-- from
create table t (id int, a int, b int);
create statistics st (ndistinct) on a, b from t;
create statistics st2 on (a + b), a, id from t;
-- to
create table t (id int, b int);
