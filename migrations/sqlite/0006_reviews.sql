-- The mid-term review of an immersion, held with both parties, and the coordinator's coaching
-- notes (visible to coordinators only).

CREATE TABLE midterm_reviews (
    agreement_id            TEXT PRIMARY KEY REFERENCES agreements(id) ON DELETE CASCADE,
    held_on                 TEXT NOT NULL,
    progress                TEXT NOT NULL,
    adjustments             TEXT NOT NULL DEFAULT '',
    next_steps              TEXT NOT NULL DEFAULT '',
    written_by              TEXT REFERENCES users(id) ON DELETE SET NULL,
    written_name            TEXT NOT NULL,
    updated_at              BIGINT NOT NULL,
    participant_confirmed   TEXT NOT NULL DEFAULT '',
    participant_confirmed_at BIGINT,
    host_confirmed          TEXT NOT NULL DEFAULT '',
    host_confirmed_at       BIGINT
);

CREATE TABLE coaching_notes (
    id           TEXT PRIMARY KEY,
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    author_id    TEXT REFERENCES users(id) ON DELETE SET NULL,
    author_name  TEXT NOT NULL,
    body         TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX coaching_notes_agreement ON coaching_notes (agreement_id, created_at);
