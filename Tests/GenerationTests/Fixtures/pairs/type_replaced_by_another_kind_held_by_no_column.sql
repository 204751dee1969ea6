-- Types replaced by another kind of type under the same name, held by no column (pgAdmin's
-- schema diff cases): a composite type by an enum, an enum by a composite, a range by an enum,
-- and one by a table. The old one goes with the drops, before the new one takes its name.
-- from
create type comp_to_enum as (m1 bigint, m2 text[] collate "POSIX");
create type enum_to_comp as enum ('test_enum', 'test_enum_1');
create type range_to_enum as range (subtype = text, collation = "C", subtype_opclass = text_ops);
create type comp_to_table as (a int, b text);
create domain dom_over_enum as enum_to_comp;
-- to
create type comp_to_enum as enum ('test_enum', 'test_enum_1');
create type enum_to_comp as (m1 bigint, m2 text[] collate "POSIX");
create type range_to_enum as enum ('x');
create table comp_to_table (a int, b text, c date);
