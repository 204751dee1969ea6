BEGIN;
-- café in Latin-1
COMMIT;
