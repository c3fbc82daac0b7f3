-- Syntheses (documents de synthèse): a selection of published sheets (a saved catalogue filter
-- or a hand-picked list), the common threads computed from them, and editorial sections written
-- by a coordinator; every save a revision, as for sheets.

CREATE TABLE syntheses (
    id                 TEXT PRIMARY KEY,
    status             TEXT NOT NULL,
    title              TEXT NOT NULL,
    revision           BIGINT NOT NULL,
    published_revision BIGINT,
    created_by         TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    published_at       BIGINT,
    is_demo            BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX syntheses_status ON syntheses (status, updated_at);

CREATE TABLE synthesis_revisions (
    synthesis_id TEXT NOT NULL REFERENCES syntheses(id) ON DELETE CASCADE,
    number       BIGINT NOT NULL,
    content      TEXT NOT NULL,
    author_id    TEXT REFERENCES users(id) ON DELETE SET NULL,
    author_name  TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (synthesis_id, number)
);
