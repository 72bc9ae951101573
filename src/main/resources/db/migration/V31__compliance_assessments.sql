-- Assessments: the owning authority's answer to each requirement for one self-service, the editors' review of
-- each answer, exemptions an editor grants and the yearly readiness sign-off (klarmelding).
CREATE TABLE assessment (
    id UUID PRIMARY KEY,
    self_service_id UUID NOT NULL REFERENCES self_service (id),
    catalogue_version INTEGER NOT NULL REFERENCES requirement_catalogue_version (version),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(254) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT assessment_service_unique UNIQUE (self_service_id)
);

CREATE TABLE assessment_answer (
    assessment_id UUID NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    requirement_number VARCHAR(10) NOT NULL,
    wording_revision INTEGER NOT NULL,
    status VARCHAR(20) NOT NULL,
    justification VARCHAR(2000),
    evidence_url VARCHAR(2000),
    answered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_by VARCHAR(254) NOT NULL,
    review VARCHAR(20) NOT NULL,
    review_note VARCHAR(2000),
    reviewed_at TIMESTAMP WITH TIME ZONE,
    reviewed_by VARCHAR(254),
    PRIMARY KEY (assessment_id, requirement_number),
    CONSTRAINT assessment_answer_wording_fk FOREIGN KEY (requirement_number, wording_revision)
        REFERENCES requirement_revision (requirement_number, revision),
    CONSTRAINT assessment_answer_status_check CHECK (status IN ('MET', 'PARTLY_MET', 'NOT_MET', 'NOT_RELEVANT')),
    CONSTRAINT assessment_answer_review_check CHECK (review IN ('UNREVIEWED', 'VERIFIED', 'QUESTIONED')),
    CONSTRAINT assessment_answer_reason_check CHECK (
        status <> 'NOT_RELEVANT' OR (justification IS NOT NULL AND LENGTH(TRIM(justification)) > 0)),
    CONSTRAINT assessment_answer_question_check CHECK (
        review <> 'QUESTIONED' OR (review_note IS NOT NULL AND LENGTH(TRIM(review_note)) > 0))
);

CREATE TABLE compliance_exemption (
    id UUID PRIMARY KEY,
    self_service_id UUID NOT NULL REFERENCES self_service (id),
    reason VARCHAR(2000) NOT NULL,
    valid_until DATE NOT NULL,
    granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    granted_by VARCHAR(254) NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    revoked_by VARCHAR(254),
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT compliance_exemption_reason_check CHECK (LENGTH(TRIM(reason)) > 0)
);

CREATE INDEX compliance_exemption_service_idx ON compliance_exemption (self_service_id);

CREATE TABLE readiness_sign_off (
    id UUID PRIMARY KEY,
    self_service_id UUID NOT NULL REFERENCES self_service (id),
    sign_off_year INTEGER NOT NULL,
    catalogue_version INTEGER NOT NULL REFERENCES requirement_catalogue_version (version),
    signed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    signed_by VARCHAR(254) NOT NULL,
    CONSTRAINT readiness_sign_off_year_check CHECK (sign_off_year BETWEEN 2012 AND 2100),
    CONSTRAINT readiness_sign_off_unique UNIQUE (self_service_id, sign_off_year)
);
