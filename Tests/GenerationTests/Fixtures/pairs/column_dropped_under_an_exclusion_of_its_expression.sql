-- A column dropped under an exclusion constraint over an expression of it (Tryton's web shop
-- module: `EXCLUDE USING btree (NULLIF(web_id::text, '') WITH =)`), alone or beside another
-- column that stays: only the constraint's index depends on the column (the constraint names
-- no column), the server will not drop that index under the constraint that owns it, and so
-- refuses the column's drop: the constraint goes first.
-- from
create table sale (id int primary key, web_id varchar, web_shop int, note text,
    constraint sale_web_id exclude using btree (nullif(web_id::text, '') with =));
create table sale_kept (id int primary key, web_id varchar, code text,
    constraint sale_kept_code exclude using btree (lower(code) with =, nullif(web_id::text, '') with =));
-- to
create table sale (id int primary key, note text);
create table sale_kept (id int primary key, code text);
