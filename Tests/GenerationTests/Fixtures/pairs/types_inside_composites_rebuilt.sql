-- An enum or domain rebuilt under a composite type's attribute: the old one cannot be
-- dropped while the attribute holds it, so the composite types holding it (and those
-- holding them) are rebuilt too, their columns cast field by field, or dropped and created
-- again where no column uses them.
-- from
create type status as enum ('new', 'open', 'closed');
create type ticket_state as (s status, at timestamptz);
create type a_history as (current ticket_state, previous ticket_state);
create type loose as (s status);
create domain short_code as varchar(5);
create type item as (code short_code, qty int);
create table ticket (id int, state ticket_state, history a_history);
create table cart (id int, line item, lines item[]);
-- to
create type status as enum ('new', 'closed');
create type ticket_state as (s status, at timestamptz);
create type a_history as (current ticket_state, previous ticket_state);
create type loose as (s status);
create domain short_code as text;
create type item as (code short_code, qty int);
create table ticket (id int, state ticket_state, history a_history);
create table cart (id int, line item, lines item[]);
