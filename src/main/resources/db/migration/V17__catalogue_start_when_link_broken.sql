-- Per municipal self-service: does a municipality's BROKEN link still show the start button? Default: no, the
-- citizen gets the municipality's contact details instead.
ALTER TABLE self_service ADD COLUMN start_when_link_broken BOOLEAN DEFAULT FALSE NOT NULL;
