-- The time zone a person reads dates in (issue 19): an IANA name, empty for the platform's
-- (`time_zone` in the configuration).
ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';
