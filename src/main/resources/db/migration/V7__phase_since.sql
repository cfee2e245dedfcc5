-- Since when a certification is in its phase: the portal shows the days in phase and the agency
-- sorts by them. Cycles that exist already start counting from their latest recorded step. No
-- index: the column changes with every phase, and the agency's table reads every organisation anyway.
ALTER TABLE fa_certification ADD COLUMN phase_since TIMESTAMP;
UPDATE fa_certification c SET phase_since = COALESCE(
    (SELECT MAX(e.occurred_at) FROM fa_certification_event e WHERE e.certification_id = c.id), c.started_at);
ALTER TABLE fa_certification ALTER COLUMN phase_since SET NOT NULL;
