-- Municipal links: the URL of a municipal self-service in one municipality. An empty URL means missing.
CREATE TABLE municipal_link (
    id UUID PRIMARY KEY,
    self_service_id UUID NOT NULL REFERENCES self_service (id) ON DELETE CASCADE,
    municipality_code INTEGER NOT NULL REFERENCES municipality (code),
    url VARCHAR(2000),
    title VARCHAR(200),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT municipal_link_unique UNIQUE (self_service_id, municipality_code)
);

CREATE INDEX municipal_link_municipality_idx ON municipal_link (municipality_code);
