-- expect: tables[public.t].triggers[t_touch].comment
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW;
END';
CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
-- change
COMMENT ON TRIGGER t_touch ON t IS 'keeps time';
