-- Staff login with OpenID Connect (ADR 0026). A person is known by the provider's stable id for them (issuer and
-- subject), never by e-mail; the link to their account is made once, when access is granted.
CREATE TABLE account_staff_identity (
    id UUID PRIMARY KEY,
    issuer VARCHAR(500) NOT NULL,
    subject VARCHAR(500) NOT NULL,
    account_id UUID NOT NULL REFERENCES account (id),
    cvr_number VARCHAR(8) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT account_staff_identity_subject_unique UNIQUE (issuer, subject),
    CONSTRAINT account_staff_identity_account_unique UNIQUE (account_id)
);

-- A person whose organisation is a known authority asks, by logging in, for access as its authority editor; an editor
-- approves or rejects it once.
CREATE TABLE account_access_request (
    id UUID PRIMARY KEY,
    issuer VARCHAR(500) NOT NULL,
    subject VARCHAR(500) NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    email VARCHAR(254) NOT NULL,
    cvr_number VARCHAR(8) NOT NULL,
    authority_id UUID NOT NULL REFERENCES authority (id),
    status VARCHAR(20) NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at TIMESTAMP WITH TIME ZONE,
    decided_by VARCHAR(254),
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT account_access_request_status_check CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED'))
);
CREATE INDEX account_access_request_subject ON account_access_request (issuer, subject);
CREATE INDEX account_access_request_status ON account_access_request (status, requested_at);

-- A trusted authority's staff are let in at once as its authority editors, without an editor's approval.
ALTER TABLE authority ADD COLUMN staff_login_trusted BOOLEAN NOT NULL DEFAULT FALSE;
