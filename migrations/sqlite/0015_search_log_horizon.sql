-- The log of index changes (sheet_index_log) is pruned by the hourly cleanup: `log_from` is the
-- generation after which every change is still logged. An instance holding facet values of an
-- older generation reads them again whole instead of applying the log (see
-- sheets/facet_memory.rs).
ALTER TABLE search_state ADD COLUMN log_from BIGINT NOT NULL DEFAULT 0;
