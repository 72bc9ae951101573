-- ArticleExport (ADR 0023): the stable integer ids the SOAP contract needs. A published self-service gets an
-- ArticleID the first time the export sees it, a topic a SiteID; both are kept for good, so an id is never reused,
-- even after the self-service is archived. No foreign keys: these tables belong to the articleexport module only.
CREATE TABLE articleexport_article (
    article_id INTEGER PRIMARY KEY CHECK (article_id > 0),
    self_service_id UUID NOT NULL UNIQUE,
    first_published_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE articleexport_site (
    site_id INTEGER PRIMARY KEY CHECK (site_id > 0),
    topic_slug VARCHAR(60) NOT NULL UNIQUE
);
