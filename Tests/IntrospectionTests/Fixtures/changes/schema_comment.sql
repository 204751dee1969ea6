-- expect: schemas[crm].comment
-- setup
CREATE SCHEMA crm;
-- change
COMMENT ON SCHEMA crm IS 'the CRM';
