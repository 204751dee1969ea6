-- expect: views[public.m].accessMethod
-- expect: definedObjects[my_heap]
-- setup
-- needs PostgreSQL 15
CREATE MATERIALIZED VIEW m AS SELECT 1 AS a;
-- change
CREATE ACCESS METHOD my_heap TYPE TABLE HANDLER heap_tableam_handler;
ALTER MATERIALIZED VIEW m SET ACCESS METHOD my_heap;
