-- At most one latest cycle per organisation, whatever two concurrent starts try; also the index by which a
-- page of organisations finds each one's latest cycle. H2 has no partial index: see its V15_1.
CREATE UNIQUE INDEX fa_certification_latest_uq ON fa_certification (organization_id) WHERE latest;
