-- Rate limits counted before the work they protect (login, password reset): one row per key
-- (`login-email:<address>`, `login-ip:<client>`, `reset-email:<address>`, `reset-ip:<client>`)
-- holding the attempts of its current window. One upsert counts an attempt and returns the new
-- count, so concurrent attempts are counted one after the other on both databases (the row
-- lock of ON CONFLICT DO UPDATE on PostgreSQL, the single writer on SQLite) and the first one
-- past the limit is refused whatever the concurrency. The hourly cleanup deletes windows that
-- started more than a day ago.
CREATE TABLE throttles (
    key TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    hits BIGINT NOT NULL
);
CREATE INDEX throttles_window ON throttles (window_start);
