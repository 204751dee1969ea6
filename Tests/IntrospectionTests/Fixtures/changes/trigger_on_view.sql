-- expect: views[public.v].triggers[vt]
-- setup
CREATE TABLE t (a int);
CREATE VIEW v AS SELECT * FROM t;
CREATE FUNCTION vf() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NULL; END';
-- change
CREATE TRIGGER vt INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION vf();
