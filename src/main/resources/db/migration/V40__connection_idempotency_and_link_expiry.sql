-- An Idempotency-Key answers only a repeat of the body it was first sent with (its SHA-256, hex), and a status link
-- stops working a set time after its request was closed: rejected, or its self-service published.
ALTER TABLE connection_request ADD COLUMN idempotency_body_hash VARCHAR(64);
ALTER TABLE connection_request ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
UPDATE connection_request SET closed_at = published_at WHERE published_at IS NOT NULL;
UPDATE connection_request SET closed_at = updated_at WHERE status = 'REJECTED';
