-- When the parties were asked to sign each frozen version of an agreement (issue 19): an edit
-- while signatures are collected asks them after a quiet time, once; a withdrawn amendment's
-- number used again by the next one starts unasked. Versions frozen before were asked at once.
ALTER TABLE agreement_versions ADD COLUMN asked_at BIGINT;
UPDATE agreement_versions SET asked_at = created_at;
