-- Conditional re-checks: the validators (ETag, Last-Modified) of a URL's last good answer, sent back as
-- If-None-Match / If-Modified-Since on the next check; they belong to final_url (where the answer came from).
ALTER TABLE checked_url ADD COLUMN etag VARCHAR(500);
ALTER TABLE checked_url ADD COLUMN last_modified VARCHAR(100);

-- Watching in bulk looks up the URLs a set of watchers (links) watch.
CREATE INDEX checked_url_watcher_watcher_idx ON checked_url_watcher (watcher);
