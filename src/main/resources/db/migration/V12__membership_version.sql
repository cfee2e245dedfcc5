-- Moves on every change of users' roles or organisations (KnownMemberships): each instance compares it with the
-- one its remembered memberships were read at, so a change made through any instance is seen by all at once.
CREATE TABLE fa_membership_version (
    id       INT     PRIMARY KEY,
    version  BIGINT  NOT NULL
);
INSERT INTO fa_membership_version (id, version) VALUES (1, 0);
