-- An action page text approved but not yet published; publishing replaces the live text with it.
CREATE TABLE action_page_draft (
    self_service_id UUID PRIMARY KEY REFERENCES self_service (id) ON DELETE CASCADE,
    title VARCHAR(120) NOT NULL,
    intro VARCHAR(600) NOT NULL,
    start_label VARCHAR(120),
    continues_on VARCHAR(200),
    alternatives VARCHAR(4000),
    afterwards VARCHAR(4000),
    more_information VARCHAR(4000),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE action_page_draft_before_you_start (
    self_service_id UUID NOT NULL REFERENCES action_page_draft (self_service_id) ON DELETE CASCADE,
    item_order INTEGER NOT NULL,
    item VARCHAR(500) NOT NULL,
    PRIMARY KEY (self_service_id, item_order)
);
