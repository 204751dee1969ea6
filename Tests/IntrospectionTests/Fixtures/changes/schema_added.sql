-- expect: schemas[crm]
-- setup
-- change
CREATE SCHEMA crm;
