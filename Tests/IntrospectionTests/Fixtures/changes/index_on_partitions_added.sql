-- expect: tables[public.m].indexes[m_at]
-- expect: tables[public.m1].indexes[m1_at_idx]
-- expect: tables[public.m2].indexes[m2_at_idx]
-- expect: tables[public.m2a].indexes[m2a_at_idx]
-- setup
CREATE TABLE m (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE m1 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE m2 PARTITION OF m FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY LIST (id);
CREATE TABLE m2a PARTITION OF m2 FOR VALUES IN (1);
-- change
CREATE INDEX m_at ON m (at);
