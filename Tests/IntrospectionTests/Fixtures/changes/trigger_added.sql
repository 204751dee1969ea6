-- expect: tables[public.t].triggers[t_touch]
-- depends: trigger t_touch on public.t -> function public.touch()
-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW;
END';
-- change
CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
