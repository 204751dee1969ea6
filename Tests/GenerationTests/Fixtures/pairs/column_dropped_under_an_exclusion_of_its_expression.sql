-- A column dropped under an exclusion constraint over an expression of it (Tryton's web shop
-- module: `EXCLUDE USING btree (NULLIF(web_id::text, '') WITH =)`), alone or beside another
-- column that stays: such a constraint holds its column by a normal dependency, and the server
-- refuses the column's drop under it, so the constraint goes first.
-- from
create table sale (id int primary key, web_id varchar, web_shop int, note text,
    constraint sale_web_id exclude using btree (nullif(web_id::text, '') with =));
create table sale_kept (id int primary key, web_id varchar, code text,
    constraint sale_kept_code exclude using btree (lower(code) with =, nullif(web_id::text, '') with =));
-- to
create table sale (id int primary key, note text);
create table sale_kept (id int primary key, code text);
