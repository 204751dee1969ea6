-- expect: tables[public.m].triggers[m_touch].definition
-- expect: tables[public.m].triggers[m_touch].when
-- setup
CREATE TABLE m (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE m1 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE m2 PARTITION OF m FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW;
END';
CREATE TRIGGER m_touch BEFORE INSERT ON m FOR EACH ROW EXECUTE FUNCTION touch();
ALTER TABLE m1 DISABLE TRIGGER m_touch;
-- change
DROP TRIGGER m_touch ON m;
CREATE TRIGGER m_touch BEFORE INSERT ON m FOR EACH ROW WHEN (NEW.id > 0) EXECUTE FUNCTION touch();
ALTER TABLE m1 DISABLE TRIGGER m_touch;
