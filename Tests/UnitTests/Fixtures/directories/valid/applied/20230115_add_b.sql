BEGIN;
INSERT INTO schema_versions (version, description) VALUES ('20230115_add_b', 'x');
CREATE TABLE t_b (id int);
COMMIT;
