BEGIN;
CREATE TABLE companies (id int);
COMMIT;
