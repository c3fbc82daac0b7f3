-- Same DDL as migrations/sqlite/0004_logbook.sql.
-- The participant's logbook (journal de bord) of an immersion, and cross-immersion pairs.

CREATE TABLE logbook_entries (
    id           TEXT PRIMARY KEY,
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    author_id    TEXT REFERENCES users(id) ON DELETE SET NULL,
    entry_date   TEXT NOT NULL,
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    tags         TEXT NOT NULL DEFAULT '',
    prompt       TEXT NOT NULL DEFAULT '',
    visibility   TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX logbook_entries_agreement ON logbook_entries (agreement_id, entry_date);

-- Two agreements whose immersions mirror each other (A hosts B's participant, B hosts A's).
CREATE TABLE agreement_pairs (
    id          TEXT PRIMARY KEY,
    first_id    TEXT NOT NULL UNIQUE REFERENCES agreements(id) ON DELETE CASCADE,
    second_id   TEXT NOT NULL UNIQUE REFERENCES agreements(id) ON DELETE CASCADE,
    created_by  TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at  BIGINT NOT NULL
);
