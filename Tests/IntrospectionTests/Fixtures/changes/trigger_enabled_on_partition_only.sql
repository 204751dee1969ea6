-- expect: tables[public.m].triggers[m_touch].enabled
-- expect: tables[public.m1].partitionTriggerStates
-- expect: tables[public.m2].partitionTriggerStates
-- setup
CREATE TABLE m (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE m1 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE m2 PARTITION OF m (PRIMARY KEY (id, at)) FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY LIST (id);
CREATE TABLE m2a PARTITION OF m2 FOR VALUES IN (1);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW;
END';
CREATE TRIGGER m_touch BEFORE INSERT ON m FOR EACH ROW EXECUTE FUNCTION touch();
-- change
ALTER TABLE ONLY m DISABLE TRIGGER m_touch;
ALTER TABLE m1 ENABLE ALWAYS TRIGGER m_touch;
