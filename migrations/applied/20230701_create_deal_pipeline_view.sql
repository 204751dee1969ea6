-- Migration: Create the deal pipeline view
BEGIN;

-- Record this migration
INSERT INTO schema_versions (version, description)
VALUES ('20230701_create_deal_pipeline_view', 'Create the deal pipeline view');

-- What the pipeline board shows: open deals with their company, owner and status.
CREATE VIEW deal_pipeline AS
SELECT d.id,
       d.title,
       d.stage,
       ps.name AS status,
       ps.position AS status_position,
       d.amount,
       d.currency,
       d.probability,
       round(d.amount * coalesce(d.probability, 0) / 100.0, 2) AS weighted_amount,
       d.expected_close_date,
       c.name AS company_name,
       u.full_name AS owner_name
FROM deals d
JOIN pipeline_statuses ps ON ps.id = d.pipeline_status_id
LEFT JOIN companies c ON c.id = d.company_id
LEFT JOIN users u ON u.id = d.owner_id
WHERE d.stage NOT IN ('won', 'lost');

COMMENT ON VIEW deal_pipeline IS 'Open deals as the pipeline board shows them.';

COMMIT;
