-- expect: tables[public.t].triggers[t_touch].timing
-- expect: tables[public.t].triggers[t_touch].definition
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW;
END';
CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
-- change
DROP TRIGGER t_touch ON t;
CREATE TRIGGER t_touch AFTER UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
