-- Two function bodies full of semicolons.
CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'a;b';
  RETURN 1;
END;
$$;

CREATE FUNCTION g() RETURNS text LANGUAGE plpgsql AS $fn$
BEGIN
  RETURN $$nested; dollar$$ || ';';
END;
$fn$;
SELECT $1, price$ FROM t;
