-- The catalogue's search index learns facets (see sheets/index.rs).
--
-- Row ids of the index are never reused from now on (AUTOINCREMENT), so that a row id names one
-- indexed revision for good: application instances keep facet values by row id in memory.
CREATE TABLE sheet_index_next (
    rid          INTEGER PRIMARY KEY AUTOINCREMENT,
    sheet_id     TEXT NOT NULL UNIQUE REFERENCES sheets(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    summary      TEXT NOT NULL,
    body         TEXT NOT NULL,
    published_at BIGINT NOT NULL
);
INSERT INTO sheet_index_next (rid, sheet_id, kind, title, summary, body, published_at)
    SELECT rid, sheet_id, kind, title, summary, body, published_at FROM sheet_index;
DROP TABLE sheet_index;
ALTER TABLE sheet_index_next RENAME TO sheet_index;
CREATE INDEX sheet_index_published ON sheet_index (published_at);

-- Stemmed terms of title and body, and one token per facet value, so that the full-text engine
-- filters by facet while it matches words; rowid = sheet_index.rid. Filled by the application
-- (`search_state.format` below 1 asks it to rebuild the index from sheet_index and sheet_facets).
DROP TABLE sheet_fts;
CREATE VIRTUAL TABLE sheet_search USING fts5(
    title, body, facets, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);

-- One row: `generation` changes with every change of the index (instances compare it with the
-- facet values they hold), `format` is the layout the index was built with.
CREATE TABLE search_state (
    id         BIGINT PRIMARY KEY CHECK (id = 1),
    generation BIGINT NOT NULL,
    format     BIGINT NOT NULL
);
INSERT INTO search_state (id, generation, format) VALUES (1, 0, 0);
