-- Capitalisation: what an immersion leaves behind. Files attached to logbook entries and
-- outputs, outputs (documents, tools, publications), contacts kept with their consent,
-- follow-up actions with due dates, and the opt-in alumni directory.

CREATE TABLE immersion_outputs (
    id           TEXT PRIMARY KEY,
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    url          TEXT NOT NULL DEFAULT '',
    visibility   TEXT NOT NULL,
    author_id    TEXT REFERENCES users(id) ON DELETE SET NULL,
    author_name  TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX immersion_outputs_agreement ON immersion_outputs (agreement_id, created_at);
CREATE INDEX immersion_outputs_public ON immersion_outputs (visibility, created_at);

-- Files are stored in the database so that every application instance serves them.
CREATE TABLE attachments (
    id               TEXT PRIMARY KEY,
    agreement_id     TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    logbook_entry_id TEXT REFERENCES logbook_entries(id) ON DELETE CASCADE,
    output_id        TEXT REFERENCES immersion_outputs(id) ON DELETE CASCADE,
    filename         TEXT NOT NULL,
    content_type     TEXT NOT NULL,
    size             BIGINT NOT NULL,
    data             BLOB NOT NULL,
    author_id        TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at       BIGINT NOT NULL
);
CREATE INDEX attachments_agreement ON attachments (agreement_id);

CREATE TABLE immersion_contacts (
    id           TEXT PRIMARY KEY,
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    role         TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    met_how      TEXT NOT NULL DEFAULT '',
    consent_note TEXT NOT NULL,
    consent_at   BIGINT NOT NULL,
    author_id    TEXT REFERENCES users(id) ON DELETE SET NULL,
    author_name  TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX immersion_contacts_agreement ON immersion_contacts (agreement_id);

CREATE TABLE follow_up_actions (
    id           TEXT PRIMARY KEY,
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    description  TEXT NOT NULL,
    owner_name   TEXT NOT NULL,
    due_date     TEXT NOT NULL,
    done_at      BIGINT,
    done_by      TEXT NOT NULL DEFAULT '',
    reminded_at  BIGINT,
    author_id    TEXT REFERENCES users(id) ON DELETE SET NULL,
    author_name  TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX follow_up_actions_agreement ON follow_up_actions (agreement_id, due_date);
CREATE INDEX follow_up_actions_due ON follow_up_actions (done_at, due_date);

-- Former participants who agreed to be asked about their immersion.
CREATE TABLE alumni (
    user_id      TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    bio          TEXT NOT NULL DEFAULT '',
    topics       TEXT NOT NULL DEFAULT '',
    joined_at    BIGINT NOT NULL
);

-- Questions sent through the directory (the asker's address is given to the alumnus only).
CREATE TABLE alumni_questions (
    id           TEXT PRIMARY KEY,
    alumnus_id   TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    asker_id     TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX alumni_questions_asker ON alumni_questions (asker_id, created_at);
