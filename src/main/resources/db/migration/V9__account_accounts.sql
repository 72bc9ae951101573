-- Backoffice accounts: the portal's editors and authority editors (scoped to one authority).
CREATE TABLE account (
    id UUID PRIMARY KEY,
    email VARCHAR(254) NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    role VARCHAR(20) NOT NULL,
    authority_id UUID REFERENCES authority (id),
    enabled BOOLEAN NOT NULL,
    must_change_password BOOLEAN NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT account_email_unique UNIQUE (email),
    CONSTRAINT account_role_check CHECK (role IN ('EDITOR', 'AUTHORITY_EDITOR')),
    CONSTRAINT account_authority_check CHECK (
        (role = 'AUTHORITY_EDITOR' AND authority_id IS NOT NULL) OR (role = 'EDITOR' AND authority_id IS NULL))
);
