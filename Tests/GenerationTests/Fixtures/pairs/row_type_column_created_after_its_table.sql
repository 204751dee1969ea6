-- A column of another table's row type: that table comes first, whatever the names' order.
-- from
create table cart (id int);
-- to
create table item (a int, b int);
create table cart (id int, line item, lines item[]);
