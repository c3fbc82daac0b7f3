-- The full-text terms move out of `sheet_index` into a narrow table of their own. A search
-- collects every matching row id: from `sheet_index`, whose rows carry the sheet's text, that
-- meant visiting most of its pages (about 180 ms for a common word at 100,000 sheets); rows of
-- a row id and a tsvector are dense (about 12 ms).
CREATE TABLE sheet_terms (
    rid   BIGINT PRIMARY KEY REFERENCES sheet_index(rid) ON DELETE CASCADE,
    terms tsvector NOT NULL
);
INSERT INTO sheet_terms (rid, terms) SELECT rid, terms FROM sheet_index;
CREATE INDEX sheet_terms_terms ON sheet_terms USING GIN (terms);
DROP INDEX sheet_index_terms;
ALTER TABLE sheet_index DROP COLUMN terms;
