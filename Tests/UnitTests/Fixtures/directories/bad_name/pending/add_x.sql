BEGIN;
INSERT INTO schema_versions (version, description) VALUES ('add_x', 'x');
CREATE TABLE t_x (id int);
COMMIT;
