-- Every change of the catalogue's index, by the generation that made it: an index row id
-- published (added = 1) or withdrawn (added = 0). An instance holding the facet values of an
-- older generation applies the changes since then instead of reading every value again
-- (see sheets/facet_memory.rs). Row ids are never reused, so a row id is added once and
-- withdrawn at most once.
CREATE TABLE sheet_index_log (
    generation BIGINT NOT NULL,
    rid        BIGINT NOT NULL,
    added      BIGINT NOT NULL,
    PRIMARY KEY (generation, rid)
);
