-- Same DDL as migrations/sqlite/0018_signatories.sql.
-- Named signatories (issue 19). An organisation's administrators name who may sign agreements
-- for it (organisation_signatories); each agreement names, per party, the one person who signs
-- this one (agreement_signatories). Signatories without an account sign through a single-use
-- link e-mailed to them (signing_links: only the hash of the token is kept; the link is tied to
-- one version and records when, from where and with which browser it was used). Approvals now
-- record the signatory's function and address, the method (account or link), IP and user agent.
-- agreements.signed_version is the version in force: an amendment (a later version) is signed
-- while the immersion goes on under it. agreement_notices is the history of the e-mails that
-- told the parties of each step.

CREATE TABLE organisation_signatories (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    function        TEXT NOT NULL,
    email           TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    UNIQUE (organisation_id, email)
);

CREATE TABLE agreement_signatories (
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    party        TEXT NOT NULL,
    name         TEXT NOT NULL,
    function     TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL,
    asked_at     BIGINT,
    reminded_at  BIGINT,
    named_at     BIGINT NOT NULL,
    PRIMARY KEY (agreement_id, party)
);

CREATE TABLE signing_links (
    token_hash   TEXT PRIMARY KEY,
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    party        TEXT NOT NULL,
    version      BIGINT NOT NULL,
    email        TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    used_at      BIGINT,
    revoked_at   BIGINT,
    used_ip      TEXT NOT NULL DEFAULT '',
    used_agent   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX signing_links_agreement ON signing_links (agreement_id, party);

ALTER TABLE agreement_approvals ADD COLUMN signer_function TEXT NOT NULL DEFAULT '';
ALTER TABLE agreement_approvals ADD COLUMN method TEXT NOT NULL DEFAULT 'account';
ALTER TABLE agreement_approvals ADD COLUMN ip TEXT NOT NULL DEFAULT '';
ALTER TABLE agreement_approvals ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
ALTER TABLE agreement_approvals ADD COLUMN signer_email TEXT NOT NULL DEFAULT '';

-- Approvals an organisation gave under the old rule (any member, or the participant for their
-- own employer) on agreements still awaiting signatures no longer count: each organisation
-- signs again through its named signatory. Signed agreements keep their history.
DELETE FROM agreement_approvals
 WHERE party IN ('host', 'home')
   AND EXISTS (SELECT 1 FROM agreements a WHERE a.id = agreement_approvals.agreement_id
               AND a.status = 'in-review' AND a.version = agreement_approvals.version);

ALTER TABLE agreements ADD COLUMN signed_version BIGINT;
UPDATE agreements SET signed_version = version
 WHERE status IN ('approved', 'active', 'completed', 'terminated');

CREATE TABLE agreement_notices (
    id           TEXT PRIMARY KEY,
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    party        TEXT NOT NULL,
    recipient    TEXT NOT NULL,
    actor        TEXT NOT NULL DEFAULT '',
    version      BIGINT NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX agreement_notices_agreement ON agreement_notices (agreement_id, created_at);

-- The access log of one immersion (its host's and home employer's administrators read it).
CREATE INDEX audit_log_target ON audit_log (target_kind, target_id, at);

-- When the host was last reminded of an application nobody has answered yet.
ALTER TABLE applications ADD COLUMN reply_reminded_at BIGINT;

-- How many people an offer hosts: accepting that many applications marks it filled.
ALTER TABLE offers ADD COLUMN places BIGINT NOT NULL DEFAULT 1;
