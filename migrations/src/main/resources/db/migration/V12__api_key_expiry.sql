-- A rotated key keeps working until expires_at (its grace period), then answers 401 like a revoked one.
-- NULL: it does not expire. revoked_at stays what it was: the instant a key was revoked, at once.
ALTER TABLE access.api_key ADD COLUMN expires_at TIMESTAMPTZ;
