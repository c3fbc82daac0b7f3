-- Sheets gain a language (a facet: French or English). Sheets published before were written in
-- French, the language a sheet has unless its authors choose another: their index rows get that
-- facet value, the full-text half is rebuilt at start to hold its token (format 0), and every
-- instance reads its facet values again (the generation moves past the logged changes).
INSERT INTO sheet_facets (sheet_id, facet, value)
    SELECT sheet_id, 'language', 'fr' FROM sheet_index WHERE true
    ON CONFLICT DO NOTHING;
UPDATE search_state SET format = 0, generation = generation + 1, log_from = generation + 1
    WHERE id = 1;
