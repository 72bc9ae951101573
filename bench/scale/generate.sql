-- Grows the catalogue to :services published self-services and :links municipal links (bench/scale/run.sh), in one
-- transaction. Every new self-service is a copy of one of the demo content's own (bench_source: the services the
-- demo loader created, recorded on the first run), with its topics, keywords, action page and revisions, so the
-- citizen pages show real Danish text of realistic length; its slug and title end in a running number. Municipal
-- copies get a link in every municipality (the last one fewer, so the total is exactly :links): one in a hundred
-- marked broken by the link checker, one in a hundred missing. The columns are copied generically (a temporary
-- table LIKE the real one), so a new column with a default keeps this working.
-- Usage: psql -v services=2500 -v links=200000 -f generate.sql
\set ON_ERROR_STOP on
BEGIN;

CREATE TABLE IF NOT EXISTS bench_source (id UUID PRIMARY KEY);
INSERT INTO bench_source SELECT id FROM self_service WHERE NOT EXISTS (SELECT 1 FROM bench_source);

SELECT count(*) AS have_services FROM self_service \gset
SELECT count(*) AS have_links FROM municipal_link \gset
SELECT count(*) AS municipalities FROM municipality \gset
SELECT greatest(0, :services - :have_services) AS add_services,
       greatest(0, :links - :have_links) AS add_links \gset
SELECT least(:add_services, ceil(:add_links::numeric / :municipalities)::int) AS add_municipal \gset

CREATE TEMP TABLE gen ON COMMIT DROP AS
SELECT n, :have_services + n AS number, gen_random_uuid() AS id,
       CASE WHEN n <= :add_municipal THEN a.municipal[1 + n % cardinality(a.municipal)]
            ELSE a.national[1 + n % cardinality(a.national)] END AS src
FROM generate_series(1, :add_services) n,
     (SELECT array_agg(s.id ORDER BY s.slug) FILTER (WHERE s.scope = 'MUNICIPAL') AS municipal,
             array_agg(s.id ORDER BY s.slug) FILTER (WHERE s.scope = 'NATIONAL') AS national
      FROM self_service s JOIN bench_source b ON b.id = s.id WHERE s.status = 'PUBLISHED') a;

-- self_service
CREATE TEMP TABLE copy_service ON COMMIT DROP AS
SELECT s.*, g.id AS new_id, g.number AS new_number FROM gen g JOIN self_service s ON s.id = g.src;
UPDATE copy_service SET id = new_id, slug = left(slug, 110) || '-' || new_number,
    title = left(title, 110) || ' ' || new_number, created_at = now(), updated_at = now(), version = 0;
ALTER TABLE copy_service DROP COLUMN new_id, DROP COLUMN new_number;
INSERT INTO self_service SELECT * FROM copy_service;

INSERT INTO self_service_topic (self_service_id, topic_slug)
SELECT g.id, t.topic_slug FROM gen g JOIN self_service_topic t ON t.self_service_id = g.src;
INSERT INTO self_service_keyword (self_service_id, keyword)
SELECT g.id, k.keyword FROM gen g JOIN self_service_keyword k ON k.self_service_id = g.src;

-- action_page and its revisions
CREATE TEMP TABLE copy_page ON COMMIT DROP AS
SELECT p.*, g.id AS new_id FROM gen g JOIN action_page p ON p.self_service_id = g.src;
UPDATE copy_page SET self_service_id = new_id;
ALTER TABLE copy_page DROP COLUMN new_id;
INSERT INTO action_page SELECT * FROM copy_page;

CREATE TEMP TABLE copy_revision ON COMMIT DROP AS
SELECT r.*, g.id AS new_id, g.number AS new_number FROM gen g JOIN action_page_revision r ON r.self_service_id = g.src;
UPDATE copy_revision SET self_service_id = new_id, title = left(title, 110) || ' ' || new_number;
ALTER TABLE copy_revision DROP COLUMN new_id, DROP COLUMN new_number;
INSERT INTO action_page_revision SELECT * FROM copy_revision;

CREATE TEMP TABLE copy_item ON COMMIT DROP AS
SELECT i.*, g.id AS new_id FROM gen g JOIN action_page_revision_item i ON i.self_service_id = g.src;
UPDATE copy_item SET self_service_id = new_id;
ALTER TABLE copy_item DROP COLUMN new_id;
INSERT INTO action_page_revision_item SELECT * FROM copy_item;

-- municipal links: every municipality for each municipal copy, in order, up to :links in all
-- (the URLs are already in normalized form: lower-case host and slug, no trailing slash; V79's check wants both)
INSERT INTO municipal_link (id, self_service_id, municipality_code, url, normalized_url, title, updated_at, version,
                            broken)
SELECT gen_random_uuid(), id, code,
       CASE WHEN missing THEN NULL ELSE 'https://www.kommune' || code || '.dk/selvbetjening/' || slug END,
       CASE WHEN missing THEN NULL ELSE 'https://www.kommune' || code || '.dk/selvbetjening/' || slug END,
       NULL, now(), 0, broken AND NOT missing
FROM (SELECT g.id, m.code, s.slug, random() < 0.01 AS missing, random() < 0.01 AS broken
      FROM gen g JOIN self_service s ON s.id = g.id CROSS JOIN municipality m
      WHERE g.n <= :add_municipal
      ORDER BY g.n, m.code
      LIMIT :add_links) l;

COMMIT;
ANALYZE;
SELECT (SELECT count(*) FROM self_service) AS services,
       (SELECT count(*) FROM self_service WHERE scope = 'MUNICIPAL') AS municipal,
       (SELECT count(*) FROM municipal_link) AS links,
       (SELECT count(*) FROM municipality) AS municipalities;
