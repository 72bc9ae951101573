-- ADR 0031: per kind of change (e.g. portal.catalogue), the generation (change_generation) of the newest committed
-- change that announced it and when that was, so every node names the same data by the same version (the open-data
-- ETags). Written in the announcing transaction on PostgreSQL only (H2 is one node).
CREATE TABLE change_kind_generation (
    kind VARCHAR(64) PRIMARY KEY,
    generation BIGINT NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
