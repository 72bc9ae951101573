-- The change feed for harvesters (ADR 0022). A change gets its sequence number (seq) from the one row of
-- opendata_feed_position, locked (SELECT ... FOR UPDATE) by the transaction that writes the change: writers take
-- turns, so changes commit in the order of their numbers and a reader that sees number n already sees every
-- change below n.
CREATE TABLE opendata_feed_position (
    id INTEGER PRIMARY KEY,
    last_seq BIGINT NOT NULL,
    CONSTRAINT opendata_feed_position_single CHECK (id = 1)
);
INSERT INTO opendata_feed_position (id, last_seq) VALUES (1, 0);

CREATE TABLE opendata_change (
    seq BIGINT PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    change_type VARCHAR(20) NOT NULL,
    self_service_id UUID NOT NULL,
    slug VARCHAR(120) NOT NULL,
    municipality_codes VARCHAR(1000),
    CONSTRAINT opendata_change_type_check
        CHECK (change_type IN ('PUBLISHED', 'CHANGED', 'UNPUBLISHED', 'ARCHIVED', 'LINKS_CHANGED'))
);

-- What the feed last said about each self-service: whether citizens saw it, and a fingerprint of what they saw, so
-- an event that changed nothing public (a draft saved, a pending change proposed) writes no change.
CREATE TABLE opendata_service_state (
    self_service_id UUID PRIMARY KEY,
    public_state VARCHAR(20) NOT NULL,
    fingerprint VARCHAR(64),
    CONSTRAINT opendata_service_state_check CHECK (public_state IN ('PUBLIC', 'UNPUBLISHED', 'ARCHIVED'))
);
