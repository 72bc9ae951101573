-- Link health: when a municipal link's URL was last checked and whether it was broken then. The link checker
-- sets both (MunicipalLinkService.markChecked); a new URL clears them. A missing link (no URL) cannot be broken.
ALTER TABLE municipal_link ADD COLUMN last_checked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE municipal_link ADD COLUMN broken BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE municipal_link ADD CONSTRAINT municipal_link_broken_needs_url CHECK (url IS NOT NULL OR broken = FALSE);
