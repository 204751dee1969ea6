-- expect: tables[public.m1].partitionTriggerStates
-- pg_dump leaves out: a comment on a partition's copy of its parent's trigger whose state is the parent's (it dumps such a copy only when its state differs)
-- setup
CREATE TABLE m (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE m1 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW;
END';
CREATE TRIGGER m_touch BEFORE INSERT ON m FOR EACH ROW EXECUTE FUNCTION touch();
-- change
COMMENT ON TRIGGER m_touch ON m1 IS 'the year 2024';
