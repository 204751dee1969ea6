-- A range type whose subtype changes is dropped and made again, its columns parked as text
-- meanwhile; one column leaves it for a built-in range type. Two range types have no cast
-- between them: that column's own change goes through text.
-- from
create type floatrange as range (subtype = float8, subtype_diff = float8mi);
create table t (a floatrange, b floatrange, c floatrange default '[1,2)');
-- to
create type floatrange as range (subtype = numeric);
create table t (a floatrange, b numrange, c floatmultirange);
