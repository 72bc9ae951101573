-- Link checking: each distinct URL once, the links (watchers) that use it, and its latest result.
CREATE TABLE checked_url (
    id UUID PRIMARY KEY,
    url VARCHAR(2000) NOT NULL,
    outcome VARCHAR(10),
    problem_code VARCHAR(30),
    http_status INTEGER,
    final_url VARCHAR(2000),
    redirects INTEGER,
    response_time_ms BIGINT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    checked_at TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT checked_url_url_unique UNIQUE (url),
    CONSTRAINT checked_url_outcome_check CHECK (outcome IN ('OK', 'CAUTION', 'BROKEN', 'DANGER')),
    CONSTRAINT checked_url_problem_code_check CHECK (problem_code IN (
        'SLOW', 'REDIRECTED', 'BLOCKS_ROBOTS', 'FORBIDDEN', 'CLIENT_ERROR', 'RATE_LIMITED', 'TLS_PROBLEM',
        'NOT_FOUND', 'SOFT_404', 'SERVER_ERROR', 'TIMEOUT', 'CONNECTION_FAILED', 'UNKNOWN_HOST',
        'REDIRECT_LOOP', 'TOO_MANY_REDIRECTS', 'BAD_REDIRECT', 'INVALID_URL', 'INTERNAL_ADDRESS',
        'SUSPICIOUS_DOMAIN')),
    CONSTRAINT checked_url_checked_check CHECK ((outcome IS NULL AND checked_at IS NULL)
        OR (outcome IS NOT NULL AND checked_at IS NOT NULL)),
    CONSTRAINT checked_url_ok_check CHECK ((outcome = 'OK') = (problem_code IS NULL) OR outcome IS NULL),
    CONSTRAINT checked_url_failures_check CHECK (consecutive_failures >= 0)
);

CREATE INDEX checked_url_checked_at_idx ON checked_url (checked_at);

CREATE TABLE checked_url_watcher (
    checked_url_id UUID NOT NULL REFERENCES checked_url (id) ON DELETE CASCADE,
    watcher VARCHAR(200) NOT NULL,
    PRIMARY KEY (checked_url_id, watcher)
);
