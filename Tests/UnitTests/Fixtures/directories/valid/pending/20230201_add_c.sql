BEGIN;
INSERT INTO schema_versions (version, description) VALUES ('20230201_add_c', 'x');
CREATE TABLE t_c (id int);
COMMIT;
