-- schemactl:no-transaction
-- CREATE INDEX CONCURRENTLY cannot run inside a transaction block.
INSERT INTO schema_versions (version, description) VALUES ('20230201_index_contacts_concurrently', 'index');
CREATE INDEX CONCURRENTLY idx_contacts_email ON contacts (email);
