BEGIN;
INSERT INTO schema_versions (version, description) VALUES ('20230201_add_b2', 'x');
CREATE TABLE t_2 (id int);
COMMIT;
