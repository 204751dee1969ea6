-- Enum values are added in the middle and at the end and used at once: in a default,
-- a check and a partial index.
-- from
create type stage as enum ('lead', 'won');
create table deal (id int, stage stage default 'lead');
-- to
create type stage as enum ('lead', 'qualified', 'won', 'lost');
create table deal (id int, stage stage default 'qualified', check (stage <> 'lost' or id > 0));
create index deal_open on deal (id) where stage in ('lead', 'qualified');
