-- Connection requests (tilslutning): a supplier's or authority's request to add or change a self-service.
CREATE TABLE connection_request (
    id UUID PRIMARY KEY,
    reference VARCHAR(20) NOT NULL,
    status VARCHAR(20) NOT NULL,
    kind VARCHAR(10) NOT NULL,
    existing_service_id UUID REFERENCES self_service (id),
    title VARCHAR(120) NOT NULL,
    url VARCHAR(2000) NOT NULL,
    normalized_url VARCHAR(2000) NOT NULL,
    short_description VARCHAR(500) NOT NULL,
    supplier_name VARCHAR(200) NOT NULL,
    supplier_email VARCHAR(254) NOT NULL,
    authority_cvr VARCHAR(8),
    authority_id UUID REFERENCES authority (id),
    login_method VARCHAR(20),
    service_kind VARCHAR(10),
    planned_go_live DATE,
    ap_title VARCHAR(120),
    ap_intro VARCHAR(600),
    ap_start_label VARCHAR(120),
    ap_continues_on VARCHAR(200),
    ap_alternatives VARCHAR(4000),
    ap_afterwards VARCHAR(4000),
    ap_more_information VARCHAR(4000),
    idempotency_key VARCHAR(200),
    created_service_id UUID REFERENCES self_service (id),
    submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT connection_request_reference_unique UNIQUE (reference),
    CONSTRAINT connection_request_idempotency_unique UNIQUE (idempotency_key),
    CONSTRAINT connection_request_status_check CHECK (
        status IN ('SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED')),
    CONSTRAINT connection_request_kind_check CHECK (
        (kind = 'NEW' AND existing_service_id IS NULL) OR (kind = 'EXISTING' AND existing_service_id IS NOT NULL)),
    CONSTRAINT connection_request_login_check CHECK (
        login_method IS NULL OR login_method IN ('MITID_NEMLOGIN', 'MITID_ERHVERV', 'MITID_BROKER', 'NONE')),
    CONSTRAINT connection_request_service_kind_check CHECK (
        service_kind IS NULL OR service_kind IN ('ONLINE', 'FORM', 'PORTAL'))
);

CREATE INDEX connection_request_status_idx ON connection_request (status, submitted_at);
CREATE INDEX connection_request_url_idx ON connection_request (normalized_url);
CREATE INDEX connection_request_authority_idx ON connection_request (authority_id);

CREATE TABLE connection_request_topic (
    request_id UUID NOT NULL REFERENCES connection_request (id) ON DELETE CASCADE,
    topic_slug VARCHAR(60) NOT NULL REFERENCES topic (slug),
    PRIMARY KEY (request_id, topic_slug)
);

CREATE TABLE connection_request_before_you_start (
    request_id UUID NOT NULL REFERENCES connection_request (id) ON DELETE CASCADE,
    item_order INTEGER NOT NULL,
    item VARCHAR(500) NOT NULL,
    PRIMARY KEY (request_id, item_order)
);

CREATE TABLE connection_request_message (
    id UUID PRIMARY KEY,
    request_id UUID NOT NULL REFERENCES connection_request (id) ON DELETE CASCADE,
    written_at TIMESTAMP WITH TIME ZONE NOT NULL,
    author VARCHAR(254) NOT NULL,
    kind VARCHAR(20) NOT NULL,
    text VARCHAR(4000) NOT NULL,
    CONSTRAINT connection_request_message_kind_check CHECK (kind IN ('CHANGES_REQUESTED', 'REJECTED', 'APPROVED'))
);

CREATE INDEX connection_request_message_request_idx ON connection_request_message (request_id, written_at);

-- Reference numbers per year: TS-2026-000123.
CREATE SEQUENCE connection_request_number START WITH 1;

-- The secret that signs status links, generated on first use unless set in the configuration.
CREATE TABLE connection_secret (
    id INTEGER PRIMARY KEY,
    secret VARCHAR(100) NOT NULL,
    CONSTRAINT connection_secret_single CHECK (id = 1)
);
