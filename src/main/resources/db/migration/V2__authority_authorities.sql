-- Authorities (myndigheder): state, regions, municipalities and private actors that own self-services.
CREATE TABLE authority (
    id UUID PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    type VARCHAR(20) NOT NULL,
    cvr_number VARCHAR(8) NOT NULL,
    municipality_code INTEGER REFERENCES municipality (code),
    homepage_url VARCHAR(500),
    contact_phone VARCHAR(40),
    contact_email VARCHAR(254),
    demo BOOLEAN NOT NULL DEFAULT FALSE,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT authority_type_check CHECK (type IN ('STATE', 'REGION', 'MUNICIPALITY', 'PRIVATE')),
    CONSTRAINT authority_municipality_code_check CHECK (
        (type = 'MUNICIPALITY' AND municipality_code IS NOT NULL)
        OR (type <> 'MUNICIPALITY' AND municipality_code IS NULL)),
    CONSTRAINT authority_cvr_number_unique UNIQUE (cvr_number),
    CONSTRAINT authority_municipality_code_unique UNIQUE (municipality_code)
);
