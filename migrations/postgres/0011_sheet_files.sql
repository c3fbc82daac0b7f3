-- Same DDL as migrations/sqlite/0011_sheet_files.sql, with BYTEA for file contents.
-- Files attached to practice sheets (documents, photos), stored in the database so that every
-- application instance serves them; shown with the sheet to whoever may read it.

CREATE TABLE sheet_files (
    id           TEXT PRIMARY KEY,
    sheet_id     TEXT NOT NULL REFERENCES sheets(id) ON DELETE CASCADE,
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL,
    data         BYTEA NOT NULL,
    author_id    TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX sheet_files_sheet ON sheet_files (sheet_id, created_at);
