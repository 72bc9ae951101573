-- What the feed last said about each municipality's link of a self-service ("code=digest" pairs, sorted by code),
-- so a link event handled after a later publication (events are handled in no fixed order) writes no LINKS_CHANGED
-- for a change the PUBLISHED entry already covered, and LINKS_CHANGED names the municipalities whose links differ
-- from what the feed last said. NULL for rows written before this column: the event's own codes are used once.
ALTER TABLE opendata_service_state ADD COLUMN links VARCHAR(4000);
