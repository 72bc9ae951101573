-- The audit log: who changed what, when. Append-only.
CREATE TABLE audit_entry (
    id UUID PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor VARCHAR(254) NOT NULL,
    subject_type VARCHAR(40) NOT NULL,
    subject_id VARCHAR(100) NOT NULL,
    action VARCHAR(60) NOT NULL,
    details VARCHAR(4000)
);

CREATE INDEX audit_entry_subject_idx ON audit_entry (subject_type, subject_id);
CREATE INDEX audit_entry_occurred_idx ON audit_entry (occurred_at);
