-- The index by which a page of organisations finds each one's latest cycle. PostgreSQL's twin is a partial
-- unique index (one latest cycle per organisation), which H2 cannot express.
CREATE INDEX fa_certification_latest_org_ix ON fa_certification (organization_id, latest);
