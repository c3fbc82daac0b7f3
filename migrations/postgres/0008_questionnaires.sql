-- Same DDL as migrations/sqlite/0008_questionnaires.sql.
-- Questionnaires: definitions frozen per version (one JSON document each), responses with their
-- answers one row per value, the codebook applied to free-text answers, and invitations.

CREATE TABLE questionnaires (
    id          TEXT PRIMARY KEY,
    owner_id    TEXT REFERENCES users(id) ON DELETE SET NULL,
    title       TEXT NOT NULL,
    version     BIGINT NOT NULL,
    status      TEXT NOT NULL,
    opens_at    BIGINT,
    closes_at   BIGINT,
    audience    TEXT NOT NULL,
    mode        TEXT NOT NULL,
    allow_edit  BIGINT NOT NULL DEFAULT 0,
    is_demo     BIGINT NOT NULL DEFAULT 0,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX questionnaires_owner ON questionnaires (owner_id, updated_at);

-- A version is frozen once a response refers to it; editing then writes the next one.
CREATE TABLE questionnaire_versions (
    questionnaire_id TEXT NOT NULL REFERENCES questionnaires(id) ON DELETE CASCADE,
    version          BIGINT NOT NULL,
    definition       TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    PRIMARY KEY (questionnaire_id, version)
);

CREATE TABLE responses (
    id               TEXT PRIMARY KEY,
    questionnaire_id TEXT NOT NULL REFERENCES questionnaires(id) ON DELETE CASCADE,
    version          BIGINT NOT NULL,
    status           TEXT NOT NULL,
    -- Kept only in identified mode (and, until submission, for drafts of signed-in people).
    user_id          TEXT REFERENCES users(id) ON DELETE SET NULL,
    pseudonym        TEXT NOT NULL DEFAULT '',
    -- SHA-256 of the private resume link's token; cleared on submission in anonymous mode.
    resume_hash      TEXT UNIQUE,
    invitation_id    TEXT,
    language         TEXT NOT NULL,
    page             BIGINT NOT NULL DEFAULT 0,
    started_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    submitted_at     BIGINT,
    is_demo          BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX responses_questionnaire ON responses (questionnaire_id, status, submitted_at);
-- Exports walk the submitted responses in id order, a page at a time.
CREATE INDEX responses_export ON responses (questionnaire_id, status, id);
CREATE INDEX responses_user ON responses (user_id);

-- One row per value: a multiple choice has one row per option chosen; `part` is '' for the
-- value itself, 'other' for an "other, please specify" text, the row code of a matrix, the
-- option code of a ranking (whose value is the rank).
CREATE TABLE answers (
    response_id      TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    questionnaire_id TEXT NOT NULL,
    submitted        BIGINT NOT NULL DEFAULT 0,
    question         TEXT NOT NULL,
    part             TEXT NOT NULL DEFAULT '',
    value            TEXT NOT NULL
);
CREATE INDEX answers_response ON answers (response_id);
CREATE INDEX answers_counts ON answers (questionnaire_id, submitted, question, part, value);

-- Tokens of anonymous responses already submitted, kept apart from the answers so that a second
-- submission is recognised without linking anyone to what they answered.
CREATE TABLE spent_tokens (
    token_hash       TEXT PRIMARY KEY,
    questionnaire_id TEXT NOT NULL REFERENCES questionnaires(id) ON DELETE CASCADE,
    spent_at         BIGINT NOT NULL
);

-- Who took part (signed-in or invited audiences) without saying which response is theirs.
CREATE TABLE questionnaire_participants (
    questionnaire_id TEXT NOT NULL REFERENCES questionnaires(id) ON DELETE CASCADE,
    user_id          TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    submitted_at     BIGINT NOT NULL,
    PRIMARY KEY (questionnaire_id, user_id)
);

CREATE TABLE questionnaire_invitations (
    id               TEXT PRIMARY KEY,
    questionnaire_id TEXT NOT NULL REFERENCES questionnaires(id) ON DELETE CASCADE,
    email            TEXT NOT NULL,
    token_hash       TEXT NOT NULL UNIQUE,
    sent_at          BIGINT NOT NULL,
    reminded_at      BIGINT,
    answered_at      BIGINT,
    UNIQUE (questionnaire_id, email)
);

-- The codebook of a questionnaire, and codes applied to free-text answers.
CREATE TABLE questionnaire_codes (
    id               TEXT PRIMARY KEY,
    questionnaire_id TEXT NOT NULL REFERENCES questionnaires(id) ON DELETE CASCADE,
    label            TEXT NOT NULL,
    description      TEXT NOT NULL DEFAULT '',
    created_at       BIGINT NOT NULL,
    UNIQUE (questionnaire_id, label)
);

CREATE TABLE answer_codes (
    response_id TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    question    TEXT NOT NULL,
    code_id     TEXT NOT NULL REFERENCES questionnaire_codes(id) ON DELETE CASCADE,
    PRIMARY KEY (response_id, question, code_id)
);
CREATE INDEX answer_codes_code ON answer_codes (code_id);

-- Counts kept as responses are submitted (and adjusted when a submitted response is edited), so
-- that the results page reads a few hundred rows rather than every answer: per value of each
-- closed or numeric question part, and per question answered. Free texts are not tallied.
CREATE TABLE answer_tallies (
    questionnaire_id TEXT NOT NULL REFERENCES questionnaires(id) ON DELETE CASCADE,
    question         TEXT NOT NULL,
    part             TEXT NOT NULL,
    value            TEXT NOT NULL,
    n                BIGINT NOT NULL,
    PRIMARY KEY (questionnaire_id, question, part, value)
);

CREATE TABLE question_tallies (
    questionnaire_id TEXT NOT NULL REFERENCES questionnaires(id) ON DELETE CASCADE,
    question         TEXT NOT NULL,
    n                BIGINT NOT NULL,
    PRIMARY KEY (questionnaire_id, question)
);
