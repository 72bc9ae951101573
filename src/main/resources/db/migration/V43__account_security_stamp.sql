-- A counter raised whenever an account's existing sessions must end (disabled, password changed or reset). A session
-- remembers the value it logged in with and ends at its next request once the two differ.
ALTER TABLE account ADD COLUMN security_stamp BIGINT NOT NULL DEFAULT 0;
