-- ADR 0034. Allowances per client shared by every node: the login throttle and the public connection form's
-- submissions are counted here, not in each node's memory. One row per (kind, client) and window; rows of windows that
-- are over are deleted by a scheduled job (dk.selvbetjening.shared.web.ClientAllowances).
CREATE TABLE client_allowance (
    kind VARCHAR(40) NOT NULL,
    client VARCHAR(100) NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    window_end TIMESTAMP WITH TIME ZONE NOT NULL,
    used INTEGER NOT NULL,
    refused BOOLEAN NOT NULL,
    CONSTRAINT client_allowance_pk PRIMARY KEY (kind, client),
    CONSTRAINT client_allowance_used_check CHECK (used >= 0)
);
CREATE INDEX client_allowance_window_end ON client_allowance (window_end);

-- API keys expire. A key issued by a node of the release before this one (no expires_at in its insert) gets the
-- default lifetime of 365 days. Keys that exist now expire 365 days after they were created, but never sooner than
-- 90 days from this migration, so no system stops on the day of the upgrade.
ALTER TABLE api_key ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE DEFAULT (CURRENT_TIMESTAMP + INTERVAL '365' DAY);
UPDATE api_key SET expires_at = GREATEST(created_at + INTERVAL '365' DAY, CURRENT_TIMESTAMP + INTERVAL '90' DAY);
ALTER TABLE api_key ALTER COLUMN expires_at SET NOT NULL;

-- What a key may do: act for one authority on the API (as before), or only read the metrics (/actuator/prometheus),
-- for a Prometheus scraper, with no authority.
ALTER TABLE api_key ADD COLUMN scope VARCHAR(20) DEFAULT 'AUTHORITY' NOT NULL;
ALTER TABLE api_key ALTER COLUMN authority_id DROP NOT NULL;
ALTER TABLE api_key ADD CONSTRAINT api_key_scope_check CHECK (scope IN ('AUTHORITY', 'METRICS')
    AND ((scope = 'AUTHORITY') = (authority_id IS NOT NULL)));
