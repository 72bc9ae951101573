-- Search (ADR 0021). One row per published self-service: what citizens can find it by, kept by the search module
-- from the catalogue's and the action pages' events and indexed by Hibernate Search when the row's transaction
-- commits. The index itself lives on disk (selvbetjening.search.index-directory), rebuilt from this table.
CREATE TABLE search_document (
    self_service_id UUID PRIMARY KEY,
    slug VARCHAR(200) NOT NULL,
    title VARCHAR(300) NOT NULL,
    short_description VARCHAR(1000) NOT NULL,
    keywords VARCHAR(4000) NOT NULL,
    topics VARCHAR(2000) NOT NULL,
    authority_name VARCHAR(300) NOT NULL,
    page_text VARCHAR(60000) NOT NULL,
    municipal BOOLEAN NOT NULL,
    starts BIGINT NOT NULL DEFAULT 0,
    indexed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What citizens look for, without personal data: the normalised query, how many results it gave, which result was
-- opened (if any) and when. Kept 90 days.
CREATE TABLE search_query (
    id UUID PRIMARY KEY,
    query VARCHAR(200) NOT NULL,
    result_count INTEGER NOT NULL,
    opened_slug VARCHAR(200),
    searched_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX search_query_searched_at_idx ON search_query (searched_at);
CREATE INDEX search_query_query_idx ON search_query (query);
