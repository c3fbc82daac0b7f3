-- Practice sheets: sheets of a type (declared in crates/core/src/sheets/types.toml), every
-- save a revision, co-authors, reviewers' comments per field, and the public search index
-- (published revisions only).

CREATE TABLE sheets (
    id                 TEXT PRIMARY KEY,
    kind               TEXT NOT NULL,
    status             TEXT NOT NULL,
    title              TEXT NOT NULL,
    revision           BIGINT NOT NULL,
    published_revision BIGINT,
    created_by         TEXT REFERENCES users(id) ON DELETE SET NULL,
    source_kind        TEXT NOT NULL DEFAULT '',
    source_id          TEXT NOT NULL DEFAULT '',
    source_label       TEXT NOT NULL DEFAULT '',
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    published_at       BIGINT,
    is_demo            BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX sheets_status ON sheets (status, updated_at);
CREATE INDEX sheets_source ON sheets (source_kind, source_id);

CREATE TABLE sheet_authors (
    sheet_id TEXT NOT NULL REFERENCES sheets(id) ON DELETE CASCADE,
    user_id  TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    added_at BIGINT NOT NULL,
    PRIMARY KEY (sheet_id, user_id)
);
CREATE INDEX sheet_authors_user ON sheet_authors (user_id);

CREATE TABLE sheet_revisions (
    sheet_id    TEXT NOT NULL REFERENCES sheets(id) ON DELETE CASCADE,
    number      BIGINT NOT NULL,
    content     TEXT NOT NULL,
    author_id   TEXT REFERENCES users(id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (sheet_id, number)
);

CREATE TABLE sheet_comments (
    id          TEXT PRIMARY KEY,
    sheet_id    TEXT NOT NULL REFERENCES sheets(id) ON DELETE CASCADE,
    revision    BIGINT NOT NULL,
    field       TEXT NOT NULL,
    body        TEXT NOT NULL,
    author_id   TEXT REFERENCES users(id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    resolved_at BIGINT
);
CREATE INDEX sheet_comments_sheet ON sheet_comments (sheet_id, created_at);

-- People coordinators named to review sheets (coordinators and administrators always may).
CREATE TABLE sheet_reviewers (
    user_id  TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    added_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    added_at BIGINT NOT NULL
);

-- The public catalogue: one row per published sheet. `rid` is the full-text row.
CREATE TABLE sheet_index (
    rid          BIGSERIAL PRIMARY KEY,
    sheet_id     TEXT NOT NULL UNIQUE REFERENCES sheets(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    summary      TEXT NOT NULL,
    body         TEXT NOT NULL,
    published_at BIGINT NOT NULL
);
CREATE INDEX sheet_index_published ON sheet_index (published_at);

CREATE TABLE sheet_facets (
    sheet_id TEXT NOT NULL REFERENCES sheets(id) ON DELETE CASCADE,
    facet    TEXT NOT NULL,
    value    TEXT NOT NULL,
    PRIMARY KEY (sheet_id, facet, value)
);
CREATE INDEX sheet_facets_value ON sheet_facets (facet, value, sheet_id);

-- Stemmed terms (see sheets/search.rs) in the `simple` configuration: title weighted A, body D.
ALTER TABLE sheet_index ADD COLUMN terms tsvector NOT NULL DEFAULT ''::tsvector;
CREATE INDEX sheet_index_terms ON sheet_index USING GIN (terms);
