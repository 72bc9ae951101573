-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 2.0, schema v2; columns as in the jar's
-- schema-h2.sql and schema-postgresql.sql, Modulith's own schema initialization is off). One row per event and
-- listener of another module, written in the transaction that published the event; the row is deleted when the
-- listener has finished (spring.modulith.events.completion-mode=delete), so what stays is what a crash or a failing
-- listener left undone, and that is resubmitted when the application starts. See ADR 0003 and ADR 0015.
-- VARCHAR without a length is unbounded on both H2 and PostgreSQL (an event's JSON has no fixed limit).
CREATE TABLE event_publication (
    id UUID NOT NULL,
    listener_id VARCHAR(512) NOT NULL,
    event_type VARCHAR(512) NOT NULL,
    serialized_event VARCHAR NOT NULL,
    publication_date TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date TIMESTAMP WITH TIME ZONE,
    status VARCHAR(20),
    completion_attempts INTEGER,
    last_resubmission_date TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id)
);

-- Completion finds its row by listener and serialized event; a hash index takes events of any length.
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
