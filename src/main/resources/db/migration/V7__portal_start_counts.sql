-- Starts per self-service, municipality (0 for a national solution) and day, flushed from memory.
CREATE TABLE start_count (
    self_service_id UUID NOT NULL,
    municipality_code INTEGER NOT NULL,
    start_date DATE NOT NULL,
    starts BIGINT NOT NULL,
    PRIMARY KEY (self_service_id, municipality_code, start_date)
);

CREATE INDEX start_count_date_idx ON start_count (start_date);
