-- Same DDL as migrations/sqlite/0005_reports.sql.
-- Closing reports from both sides of an immersion, reminders, and the follow-ups sent 6 and
-- 12 months after it ended ("what has lasted?").

CREATE TABLE closing_reports (
    agreement_id       TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    side               TEXT NOT NULL,
    author_id          TEXT REFERENCES users(id) ON DELETE SET NULL,
    author_name        TEXT NOT NULL,
    objectives         TEXT NOT NULL,
    expectations_met   BIGINT NOT NULL,
    satisfaction       BIGINT NOT NULL,
    learned            TEXT NOT NULL DEFAULT '',
    host_gained        TEXT NOT NULL DEFAULT '',
    practice_changes   TEXT NOT NULL DEFAULT '',
    difficulty_roles   TEXT NOT NULL DEFAULT '',
    difficulty_data    TEXT NOT NULL DEFAULT '',
    difficulty_employment TEXT NOT NULL DEFAULT '',
    difficulty_other   TEXT NOT NULL DEFAULT '',
    recommendations    TEXT NOT NULL DEFAULT '',
    submitted_at       BIGINT NOT NULL,
    PRIMARY KEY (agreement_id, side)
);

CREATE TABLE follow_ups (
    id               TEXT PRIMARY KEY,
    agreement_id     TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    months           BIGINT NOT NULL,
    recipient_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    side             TEXT NOT NULL,
    sent_at          BIGINT NOT NULL,
    answered_at      BIGINT,
    lasting          TEXT NOT NULL DEFAULT '',
    still_in_contact BIGINT,
    changes          TEXT NOT NULL DEFAULT '',
    UNIQUE (agreement_id, months, side)
);
CREATE INDEX follow_ups_recipient ON follow_ups (recipient_id);

ALTER TABLE agreements ADD COLUMN ended_at BIGINT;
ALTER TABLE agreements ADD COLUMN report_reminded_at BIGINT;
