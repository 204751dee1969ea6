-- A child of two parents that compute a generated column differently computes it its
-- own way (PostgreSQL 16 and later), and CREATE TABLE … INHERITS must say how. From
-- 18's regression suite (generated_stored). The plan creates and drops such children.
-- from
-- needs PostgreSQL 16
create table gp1 (a int not null, b int generated always as (a * 2) stored);
create table gp2 (x int, b int generated always as (x * 22) stored);
create table gc (b int generated always as (x + 1) stored) inherits (gp1, gp2);
-- to
create table gp1 (a int not null, b int generated always as (a * 2) stored);
create table gp2 (x int, b int generated always as (x * 22) stored);
create table gd (b int generated always as (a * 5) stored) inherits (gp1);
create table ge (b int generated always as (a * 2) stored, c text) inherits (gp1);
