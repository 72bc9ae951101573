-- Changes approved for a self-service but not yet published (from a connection request about an existing one).
ALTER TABLE self_service ADD COLUMN pending_title VARCHAR(120);
ALTER TABLE self_service ADD COLUMN pending_url VARCHAR(2000);
ALTER TABLE self_service ADD COLUMN pending_short_description VARCHAR(500);
ALTER TABLE self_service ADD COLUMN pending_supplier_name VARCHAR(200);
ALTER TABLE self_service ADD COLUMN pending_supplier_email VARCHAR(254);
ALTER TABLE self_service ADD COLUMN has_pending_changes BOOLEAN DEFAULT FALSE NOT NULL;
