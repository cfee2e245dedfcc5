-- The agency's table of every organisation (CertificationRepository.overview) shows each organisation with its
-- latest cycle, sorted and paged. Finding "the latest" with a MAX per organisation made every page read both
-- tables whole; with these columns and indexes a page reads only the index entries it shows (and, to count,
-- one index). V7's "no index on phase_since" no longer holds: the table sorts by it a page at a time.

-- Exactly one cycle per organisation that has any: its highest cycle_no. Kept so when a cycle opens.
ALTER TABLE fa_certification ADD COLUMN latest BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE fa_certification c SET latest = TRUE
WHERE cycle_no = (SELECT MAX(l.cycle_no) FROM fa_certification l WHERE l.organization_id = c.organization_id);

-- Whether the organisation ever opened a cycle: those that have not are listed after every cycle, by name,
-- and this finds them without looking at every organisation.
ALTER TABLE fa_organization ADD COLUMN has_cycle BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE fa_organization o SET has_cycle = TRUE
WHERE EXISTS (SELECT 1 FROM fa_certification c WHERE c.organization_id = o.id);

-- The sorts, each in its index: by name (and the organisations without a cycle, by name)...
CREATE INDEX fa_organization_name_ix ON fa_organization (name, id);
CREATE INDEX fa_organization_cycle_name_ix ON fa_organization (has_cycle, name, id);
-- ...and by the latest cycle's phase (also the phase filter and the count per phase), days in phase and deadline.
CREATE INDEX fa_certification_latest_phase_ix ON fa_certification (latest, phase);
CREATE INDEX fa_certification_latest_since_ix ON fa_certification (latest, phase_since);
CREATE INDEX fa_certification_latest_deadline_ix ON fa_certification (latest, evaluation_deadline);
-- The overdue filter: cycles marked overdue, and running ones past their deadline.
CREATE INDEX fa_certification_overdue_ix ON fa_certification (overdue, latest);
CREATE INDEX fa_certification_running_deadline_ix ON fa_certification (status, latest, evaluation_deadline);
