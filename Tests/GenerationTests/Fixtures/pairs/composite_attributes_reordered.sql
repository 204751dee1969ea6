-- A composite type whose attributes change order (unit's unit_accum_t swapped two, powa moved
-- one) cannot be altered in place: ADD ATTRIBUTE appends. It is made again, with the
-- function and the aggregate over it.
-- from
create type accum as (s numeric, n bigint, squares double precision);
create function accum_step(accum, numeric) returns accum language sql immutable
  as 'select row(($1).s + $2, ($1).n + 1, ($1).squares + $2 * $2)::accum';
create aggregate sum_of(numeric) (sfunc = accum_step, stype = accum, initcond = '(0,0,0)');
-- to
create type accum as (s numeric, squares double precision, n bigint);
create function accum_step(accum, numeric) returns accum language sql immutable
  as 'select row(($1).s + $2, ($1).squares + $2 * $2, ($1).n + 1)::accum';
create aggregate sum_of(numeric) (sfunc = accum_step, stype = accum, initcond = '(0,0,0)');
