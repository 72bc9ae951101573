-- When the self-service an approved request made or changed was published; a request is published once.
ALTER TABLE connection_request ADD COLUMN published_at TIMESTAMP WITH TIME ZONE;
