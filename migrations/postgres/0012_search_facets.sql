-- The catalogue's search index learns facets (see sheets/index.rs). `sheet_index.terms` gets one
-- lexeme per facet value (weight C) beside the stemmed title (A) and body (D), so that the
-- full-text engine filters by facet while it matches words. Row ids come from a sequence and are
-- never reused: application instances keep facet values by row id in memory.

-- One row: `generation` changes with every change of the index (instances compare it with the
-- facet values they hold), `format` is the layout the index was built with (below 1: the
-- application rebuilds `terms` from sheet_index and sheet_facets).
CREATE TABLE search_state (
    id         BIGINT PRIMARY KEY CHECK (id = 1),
    generation BIGINT NOT NULL,
    format     BIGINT NOT NULL
);
INSERT INTO search_state (id, generation, format) VALUES (1, 0, 0);
