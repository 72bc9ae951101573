-- Every save of an action page is an immutable revision; the page itself only points at its revisions: the newest
-- one (the draft), the published one (what citizens see) and the one scheduled to go live.
CREATE TABLE action_page_revision (
    self_service_id UUID NOT NULL REFERENCES self_service (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    title VARCHAR(120) NOT NULL,
    intro VARCHAR(600) NOT NULL,
    start_label VARCHAR(120),
    continues_on VARCHAR(200),
    alternatives VARCHAR(4000),
    afterwards VARCHAR(4000),
    more_information VARCHAR(4000),
    rules VARCHAR(4000),
    fees VARCHAR(4000),
    deadlines VARCHAR(4000),
    downtime_from TIMESTAMP WITH TIME ZONE,
    downtime_until TIMESTAMP WITH TIME ZONE,
    downtime_message VARCHAR(500),
    author VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    restored_from INTEGER,
    PRIMARY KEY (self_service_id, number),
    CONSTRAINT action_page_revision_downtime CHECK (
        (downtime_from IS NULL AND downtime_until IS NULL AND downtime_message IS NULL)
        OR (downtime_from IS NOT NULL AND downtime_until IS NOT NULL AND downtime_message IS NOT NULL
            AND downtime_until > downtime_from))
);

CREATE TABLE action_page_revision_item (
    self_service_id UUID NOT NULL,
    number INTEGER NOT NULL,
    item_order INTEGER NOT NULL,
    item VARCHAR(500) NOT NULL,
    PRIMARY KEY (self_service_id, number, item_order),
    FOREIGN KEY (self_service_id, number) REFERENCES action_page_revision (self_service_id, number) ON DELETE CASCADE
);

ALTER TABLE action_page ADD COLUMN status VARCHAR(20) DEFAULT 'PUBLISHED' NOT NULL;
ALTER TABLE action_page ADD CONSTRAINT action_page_status
    CHECK (status IN ('DRAFT', 'PUBLISHED', 'UNPUBLISHED', 'ARCHIVED'));
ALTER TABLE action_page ADD COLUMN latest_revision INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE action_page ADD COLUMN published_revision INTEGER;
ALTER TABLE action_page ADD COLUMN published_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE action_page ADD COLUMN go_live_revision INTEGER;
ALTER TABLE action_page ADD COLUMN go_live_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE action_page ADD COLUMN go_live_by VARCHAR(200);

-- Revision 1 of every existing page is its live text; revision 2 an approved draft waiting to be published.
INSERT INTO action_page_revision (self_service_id, number, title, intro, start_label, continues_on, alternatives,
        afterwards, more_information, author, created_at)
    SELECT self_service_id, 1, title, intro, start_label, continues_on, alternatives, afterwards, more_information,
        'system', updated_at
    FROM action_page;
INSERT INTO action_page_revision_item (self_service_id, number, item_order, item)
    SELECT self_service_id, 1, item_order, item FROM action_page_before_you_start;

-- A draft of a service that has no live page yet becomes its revision 1.
INSERT INTO action_page (self_service_id, title, intro, updated_at, version, status)
    SELECT d.self_service_id, d.title, d.intro, d.updated_at, 0, 'DRAFT' FROM action_page_draft d
    WHERE NOT EXISTS (SELECT 1 FROM action_page p WHERE p.self_service_id = d.self_service_id);
INSERT INTO action_page_revision (self_service_id, number, title, intro, start_label, continues_on, alternatives,
        afterwards, more_information, author, created_at)
    SELECT d.self_service_id,
        CASE WHEN EXISTS (SELECT 1 FROM action_page_revision r WHERE r.self_service_id = d.self_service_id)
            THEN 2 ELSE 1 END,
        d.title, d.intro, d.start_label, d.continues_on, d.alternatives, d.afterwards, d.more_information, 'system',
        d.updated_at
    FROM action_page_draft d;
INSERT INTO action_page_revision_item (self_service_id, number, item_order, item)
    SELECT i.self_service_id, (SELECT MAX(r.number) FROM action_page_revision r WHERE r.self_service_id = i.self_service_id),
        i.item_order, i.item
    FROM action_page_draft_before_you_start i;

UPDATE action_page SET latest_revision = (SELECT MAX(r.number) FROM action_page_revision r
    WHERE r.self_service_id = action_page.self_service_id);
UPDATE action_page SET published_revision = 1, published_at = updated_at WHERE status = 'PUBLISHED';

DROP TABLE action_page_draft_before_you_start;
DROP TABLE action_page_draft;
DROP TABLE action_page_before_you_start;
ALTER TABLE action_page DROP COLUMN title;
ALTER TABLE action_page DROP COLUMN intro;
ALTER TABLE action_page DROP COLUMN start_label;
ALTER TABLE action_page DROP COLUMN continues_on;
ALTER TABLE action_page DROP COLUMN alternatives;
ALTER TABLE action_page DROP COLUMN afterwards;
ALTER TABLE action_page DROP COLUMN more_information;

CREATE INDEX action_page_go_live ON action_page (go_live_at);
