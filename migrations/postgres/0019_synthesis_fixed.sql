-- Published means fixed (issue 21). Publishing a revision of a synthesis fixes the sheets it
-- gathers, each at the revision readers see (a JSON array of [sheet id, sheet revision]);
-- a new sheet matching its filter is proposed to its editors and reaches readers only with a
-- new revision they publish. Revisions published once stay readable.
ALTER TABLE synthesis_revisions ADD COLUMN published_sheets TEXT;
ALTER TABLE synthesis_revisions ADD COLUMN published_at BIGINT;
