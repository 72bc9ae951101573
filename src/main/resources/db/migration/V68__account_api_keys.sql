-- API keys for authorities' systems (ADR 0028): each acts for one authority, as its authority editors do on the API.
-- Only a SHA-256 of the key is kept; lookup_id is the key's public part (to find the row without comparing secrets
-- in the database's index). A revoked key keeps its row for the audit log and the list.
CREATE TABLE api_key (
    id UUID PRIMARY KEY,
    lookup_id VARCHAR(16) NOT NULL,
    key_hash VARCHAR(64) NOT NULL,
    name VARCHAR(100) NOT NULL,
    authority_id UUID NOT NULL REFERENCES authority (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(254) NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at TIMESTAMP WITH TIME ZONE,
    revoked_by VARCHAR(254),
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT api_key_lookup_unique UNIQUE (lookup_id),
    CONSTRAINT api_key_revoked_check CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
