-- A connection request may propose a form (blanket) with how it is returned, or a municipal solution with the
-- links of the municipalities the submitter knows (a municipal solution has no URL of its own), and proposes the
-- action page whole: rules, fees, deadlines and a planned downtime as well.
ALTER TABLE connection_request ALTER COLUMN url DROP NOT NULL;
ALTER TABLE connection_request ALTER COLUMN normalized_url DROP NOT NULL;
ALTER TABLE connection_request ADD COLUMN scope VARCHAR(10) DEFAULT 'NATIONAL' NOT NULL;
ALTER TABLE connection_request ADD COLUMN form_return_digital BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE connection_request ADD COLUMN form_return_by_post BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE connection_request ADD CONSTRAINT connection_request_form_return_check CHECK (
    service_kind = 'FORM' OR NOT (form_return_digital OR form_return_by_post));
ALTER TABLE connection_request ADD CONSTRAINT connection_request_scope_check CHECK (
    (scope = 'NATIONAL' AND url IS NOT NULL AND normalized_url IS NOT NULL)
    OR (scope = 'MUNICIPAL' AND url IS NULL AND normalized_url IS NULL));
ALTER TABLE connection_request ADD COLUMN ap_rules VARCHAR(4000);
ALTER TABLE connection_request ADD COLUMN ap_fees VARCHAR(4000);
ALTER TABLE connection_request ADD COLUMN ap_deadlines VARCHAR(4000);
ALTER TABLE connection_request ADD COLUMN ap_downtime_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE connection_request ADD COLUMN ap_downtime_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE connection_request ADD COLUMN ap_downtime_message VARCHAR(500);
ALTER TABLE connection_request ADD CONSTRAINT connection_request_downtime_check CHECK (
    (ap_downtime_from IS NULL AND ap_downtime_until IS NULL AND ap_downtime_message IS NULL)
    OR (ap_downtime_from IS NOT NULL AND ap_downtime_until > ap_downtime_from AND ap_downtime_message IS NOT NULL));

CREATE TABLE connection_request_municipal_link (
    request_id UUID NOT NULL REFERENCES connection_request (id) ON DELETE CASCADE,
    municipality_code INTEGER NOT NULL REFERENCES municipality (code),
    url VARCHAR(2000) NOT NULL,
    PRIMARY KEY (request_id, municipality_code)
);
