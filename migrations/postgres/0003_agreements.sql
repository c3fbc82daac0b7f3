-- Same DDL as migrations/sqlite/0003_agreements.sql.
-- Immersion agreements (conventions d'immersion): drafted from an accepted application,
-- co-edited by the parties, approved by each of them per version, then active and closed.
-- `terms` is the JSON of the current version's terms (see core::immersions::agreements::Terms);
-- each submitted version is frozen in agreement_versions with its objectives and tasks.

CREATE TABLE agreements (
    id                   TEXT PRIMARY KEY,
    application_id       TEXT NOT NULL UNIQUE REFERENCES applications(id) ON DELETE CASCADE,
    offer_id             TEXT NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    programme_id         TEXT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    participant_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    host_organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    home_organisation_id TEXT REFERENCES organisations(id) ON DELETE SET NULL,
    home_label           TEXT NOT NULL DEFAULT '',
    coordinator_id       TEXT REFERENCES users(id) ON DELETE SET NULL,
    status               TEXT NOT NULL,
    version              BIGINT NOT NULL,
    terms                TEXT NOT NULL,
    end_reason           TEXT NOT NULL DEFAULT '',
    access_ended_at      BIGINT,
    is_demo              BIGINT NOT NULL DEFAULT 0,
    created_at           BIGINT NOT NULL,
    updated_at           BIGINT NOT NULL
);
CREATE INDEX agreements_participant ON agreements (participant_id);
CREATE INDEX agreements_host ON agreements (host_organisation_id);
CREATE INDEX agreements_status ON agreements (status);

CREATE TABLE agreement_versions (
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    version      BIGINT NOT NULL,
    snapshot     TEXT NOT NULL,
    created_by   TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (agreement_id, version)
);

CREATE TABLE agreement_approvals (
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    version      BIGINT NOT NULL,
    party        TEXT NOT NULL,
    user_id      TEXT REFERENCES users(id) ON DELETE SET NULL,
    user_name    TEXT NOT NULL,
    approved_at  BIGINT NOT NULL,
    PRIMARY KEY (agreement_id, version, party)
);

CREATE TABLE agreement_items (
    id           TEXT PRIMARY KEY,
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    text         TEXT NOT NULL,
    created_by   TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_name TEXT NOT NULL,
    removed_by   TEXT REFERENCES users(id) ON DELETE SET NULL,
    removed_name TEXT NOT NULL DEFAULT '',
    created_at   BIGINT NOT NULL,
    removed_at   BIGINT
);
CREATE INDEX agreement_items_agreement ON agreement_items (agreement_id, kind, created_at);
