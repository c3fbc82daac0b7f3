-- Same DDL as migrations/sqlite/0002_immersions.sql.
-- Immersion programmes: programmes and their partner organisations, offers (déclarations
-- d'intérêt), applications with their message threads, saved searches of the catalogue.
-- Dates of a calendar day (periods, deadlines) are TEXT 'YYYY-MM-DD'; instants are BIGINT unix
-- seconds; lists of codes (languages, themes) are comma-separated TEXT written by the application.

CREATE TABLE programmes (
    id                TEXT PRIMARY KEY,
    slug              TEXT NOT NULL UNIQUE,
    name              TEXT NOT NULL,
    description       TEXT NOT NULL DEFAULT '',
    kind              TEXT NOT NULL,
    languages         TEXT NOT NULL DEFAULT '',
    max_duration_days BIGINT NOT NULL,
    min_time_share    BIGINT NOT NULL,
    max_time_share    BIGINT NOT NULL,
    rules             TEXT NOT NULL DEFAULT '',
    coordinator_id    TEXT REFERENCES users(id) ON DELETE SET NULL,
    is_demo           BIGINT NOT NULL DEFAULT 0,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL
);

CREATE TABLE programme_partners (
    programme_id    TEXT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    PRIMARY KEY (programme_id, organisation_id)
);
CREATE INDEX programme_partners_org ON programme_partners (organisation_id);

CREATE TABLE offers (
    id                 TEXT PRIMARY KEY,
    programme_id       TEXT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    organisation_id    TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    created_by         TEXT REFERENCES users(id) ON DELETE SET NULL,
    title              TEXT NOT NULL,
    direction          TEXT NOT NULL,
    themes             TEXT NOT NULL DEFAULT '',
    context            TEXT NOT NULL DEFAULT '',
    host_offers        TEXT NOT NULL DEFAULT '',
    host_expects       TEXT NOT NULL DEFAULT '',
    objectives         TEXT NOT NULL DEFAULT '',
    tasks              TEXT NOT NULL DEFAULT '',
    duration_days      BIGINT NOT NULL,
    time_share         BIGINT,
    day_pattern        TEXT NOT NULL DEFAULT '',
    period_start       TEXT NOT NULL DEFAULT '',
    period_end         TEXT NOT NULL DEFAULT '',
    apply_until        TEXT NOT NULL DEFAULT '',
    country            TEXT NOT NULL,
    city               TEXT NOT NULL DEFAULT '',
    languages          TEXT NOT NULL DEFAULT '',
    profile            TEXT NOT NULL DEFAULT '',
    data_sensitivity   TEXT NOT NULL,
    data_why           TEXT NOT NULL DEFAULT '',
    employment_notes   TEXT NOT NULL DEFAULT '',
    funding_notes      TEXT NOT NULL DEFAULT '',
    contact_name       TEXT NOT NULL DEFAULT '',
    contact_email      TEXT NOT NULL DEFAULT '',
    visibility         TEXT NOT NULL,
    status             TEXT NOT NULL,
    published_at       BIGINT,
    status_changed_at  BIGINT NOT NULL,
    nudged_at          BIGINT,
    -- Lower-cased, accent-folded text of the searchable fields (see core::text::fold).
    search_text        TEXT NOT NULL DEFAULT '',
    is_demo            BIGINT NOT NULL DEFAULT 0,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL
);
CREATE INDEX offers_catalogue ON offers (status, published_at);
CREATE INDEX offers_programme ON offers (programme_id, status);
CREATE INDEX offers_organisation ON offers (organisation_id);

CREATE TABLE applications (
    id                   TEXT PRIMARY KEY,
    offer_id             TEXT NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    applicant_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    home_organisation_id TEXT REFERENCES organisations(id) ON DELETE SET NULL,
    home_label           TEXT NOT NULL DEFAULT '',
    role_title           TEXT NOT NULL DEFAULT '',
    motivation           TEXT NOT NULL,
    availability         TEXT NOT NULL DEFAULT '',
    languages            TEXT NOT NULL DEFAULT '',
    status               TEXT NOT NULL,
    decision_reason      TEXT NOT NULL DEFAULT '',
    first_reply_at       BIGINT,
    is_demo              BIGINT NOT NULL DEFAULT 0,
    created_at           BIGINT NOT NULL,
    updated_at           BIGINT NOT NULL
);
CREATE INDEX applications_offer ON applications (offer_id, status);
CREATE INDEX applications_applicant ON applications (applicant_id);

CREATE TABLE application_messages (
    id             TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    author_id      TEXT REFERENCES users(id) ON DELETE SET NULL,
    body           TEXT NOT NULL,
    created_at     BIGINT NOT NULL
);
CREATE INDEX application_messages_thread ON application_messages (application_id, created_at);

CREATE TABLE saved_searches (
    id             TEXT PRIMARY KEY,
    user_id        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    label          TEXT NOT NULL,
    query          TEXT NOT NULL,
    frequency      TEXT NOT NULL,
    last_sent_at   BIGINT NOT NULL,
    created_at     BIGINT NOT NULL
);
CREATE INDEX saved_searches_user ON saved_searches (user_id);
