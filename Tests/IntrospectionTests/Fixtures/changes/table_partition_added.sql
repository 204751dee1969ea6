-- expect: tables[public.m_2024]
-- setup
CREATE TABLE m (id int, at date) PARTITION BY RANGE (at);
-- change
CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
