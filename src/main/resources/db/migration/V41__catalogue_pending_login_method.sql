-- Approved changes may change a self-service's login method (an EXISTING connection request); it takes effect with
-- the next publishing, as the other pending changes do.
ALTER TABLE self_service ADD COLUMN pending_login_method VARCHAR(20);
ALTER TABLE self_service ADD CONSTRAINT self_service_pending_login_method_check CHECK (
    pending_login_method IS NULL OR pending_login_method IN ('MITID_NEMLOGIN', 'MITID_ERHVERV', 'MITID_BROKER', 'NONE'));
