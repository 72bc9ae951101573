-- Self-service solutions (selvbetjeningsløsninger): the catalogue.
CREATE TABLE self_service (
    id UUID PRIMARY KEY,
    slug VARCHAR(120) NOT NULL,
    title VARCHAR(120) NOT NULL,
    short_description VARCHAR(500) NOT NULL,
    kind VARCHAR(10) NOT NULL,
    scope VARCHAR(10) NOT NULL,
    url VARCHAR(2000),
    form_return_digital BOOLEAN NOT NULL DEFAULT FALSE,
    form_return_by_post BOOLEAN NOT NULL DEFAULT FALSE,
    authority_id UUID NOT NULL REFERENCES authority (id),
    supplier_name VARCHAR(200),
    supplier_email VARCHAR(254),
    login_method VARCHAR(20) NOT NULL,
    mandatory_wave INTEGER,
    kle_number VARCHAR(8),
    status VARCHAR(10) NOT NULL,
    demo BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT self_service_slug_unique UNIQUE (slug),
    CONSTRAINT self_service_kind_check CHECK (kind IN ('ONLINE', 'FORM', 'PORTAL')),
    CONSTRAINT self_service_scope_check CHECK (scope IN ('NATIONAL', 'MUNICIPAL')),
    CONSTRAINT self_service_url_check CHECK (
        (scope = 'NATIONAL' AND url IS NOT NULL) OR (scope = 'MUNICIPAL' AND url IS NULL)),
    CONSTRAINT self_service_form_return_check CHECK (
        (kind = 'FORM' AND (form_return_digital OR form_return_by_post))
        OR (kind <> 'FORM' AND NOT form_return_digital AND NOT form_return_by_post)),
    CONSTRAINT self_service_login_method_check CHECK (
        login_method IN ('MITID_NEMLOGIN', 'MITID_ERHVERV', 'MITID_BROKER', 'NONE')),
    CONSTRAINT self_service_mandatory_wave_check CHECK (mandatory_wave BETWEEN 1 AND 4),
    CONSTRAINT self_service_status_check CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED'))
);

CREATE INDEX self_service_status_idx ON self_service (status);

CREATE TABLE self_service_topic (
    self_service_id UUID NOT NULL REFERENCES self_service (id) ON DELETE CASCADE,
    topic_slug VARCHAR(60) NOT NULL REFERENCES topic (slug),
    PRIMARY KEY (self_service_id, topic_slug)
);

CREATE INDEX self_service_topic_topic_idx ON self_service_topic (topic_slug);

CREATE TABLE self_service_keyword (
    self_service_id UUID NOT NULL REFERENCES self_service (id) ON DELETE CASCADE,
    keyword VARCHAR(100) NOT NULL,
    PRIMARY KEY (self_service_id, keyword)
);
