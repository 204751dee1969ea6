-- expect: tables[public.p1].indexes[p1_a_second].attachedTo
-- expect: tables[public.p].indexes[p_a].invalid
-- setup
CREATE TABLE p (a int, b int) PARTITION BY LIST (a);
CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1);
CREATE INDEX p1_a_first ON p1 (a);
CREATE INDEX p1_a_second ON p1 (a);
CREATE INDEX p_a ON ONLY p (a);
-- change
ALTER INDEX p_a ATTACH PARTITION p1_a_second;
