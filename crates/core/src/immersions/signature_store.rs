//! All SQL of signatories: who may sign for an organisation, who signs each agreement, the
//! single-use signing links and the history of notices sent to the parties.

use sqlx::AnyConnection;

type R<T> = Result<T, sqlx::Error>;

/// A person an organisation's administrators named as entitled to sign agreements for it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrgSignatory {
    pub id: String,
    pub organisation_id: String,
    pub name: String,
    pub function: String,
    pub email: String,
    pub created_at: i64,
}

/// The person who signs one agreement for one party.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Signatory {
    pub party: String,
    pub name: String,
    pub function: String,
    pub email: String,
    /// When the signature of the current version was last asked (by e-mail).
    pub asked_at: Option<i64>,
    pub reminded_at: Option<i64>,
    pub named_at: i64,
}

/// A signing link as stored (the token itself is never stored).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SigningLink {
    pub agreement_id: String,
    pub party: String,
    pub version: i64,
    pub email: String,
    pub expires_at: i64,
    pub used_at: Option<i64>,
    /// Replaced by a newer link, or its signatory by another person.
    pub revoked_at: Option<i64>,
}

/// One e-mail that told a party of a step of the agreement.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Notice {
    pub kind: String,
    pub party: String,
    pub recipient: String,
    /// Who took the step (empty for the system's own steps).
    pub actor: String,
    pub version: i64,
    pub created_at: i64,
}

pub async fn org_signatories(conn: &mut AnyConnection, org_id: &str) -> R<Vec<OrgSignatory>> {
    sqlx::query_as(
        "SELECT id, organisation_id, name, function, email, created_at FROM organisation_signatories
         WHERE organisation_id = $1 ORDER BY name, email",
    )
    .bind(org_id)
    .fetch_all(conn)
    .await
}

pub async fn insert_org_signatory(conn: &mut AnyConnection, s: &OrgSignatory) -> R<()> {
    sqlx::query(
        "INSERT INTO organisation_signatories (id, organisation_id, name, function, email, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&s.id)
    .bind(&s.organisation_id)
    .bind(&s.name)
    .bind(&s.function)
    .bind(&s.email)
    .bind(s.created_at)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn delete_org_signatory(conn: &mut AnyConnection, org_id: &str, id: &str) -> R<bool> {
    let done =
        sqlx::query("DELETE FROM organisation_signatories WHERE id = $1 AND organisation_id = $2")
            .bind(id)
            .bind(org_id)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn signatories(conn: &mut AnyConnection, agreement_id: &str) -> R<Vec<Signatory>> {
    sqlx::query_as(
        "SELECT party, name, function, email, asked_at, reminded_at, named_at FROM agreement_signatories
         WHERE agreement_id = $1 ORDER BY party",
    )
    .bind(agreement_id)
    .fetch_all(conn)
    .await
}

/// Names (or replaces) the signatory of `party`; a new person has not been asked yet.
pub async fn set_signatory(
    conn: &mut AnyConnection,
    agreement_id: &str,
    party: &str,
    name: &str,
    function: &str,
    email: &str,
    now: i64,
) -> R<()> {
    sqlx::query(
        "INSERT INTO agreement_signatories (agreement_id, party, name, function, email, named_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (agreement_id, party) DO UPDATE SET name = $3, function = $4, email = $5,
            named_at = $6, asked_at = NULL, reminded_at = NULL",
    )
    .bind(agreement_id)
    .bind(party)
    .bind(name)
    .bind(function)
    .bind(email)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Records that the signatory of `party` was asked (`reminder`: reminded) at `now`.
pub async fn mark_asked(
    conn: &mut AnyConnection,
    agreement_id: &str,
    party: &str,
    reminder: bool,
    now: i64,
) -> R<()> {
    let sql = if reminder {
        "UPDATE agreement_signatories SET reminded_at = $3 WHERE agreement_id = $1 AND party = $2"
    } else {
        "UPDATE agreement_signatories SET asked_at = $3, reminded_at = NULL WHERE agreement_id = $1 AND party = $2"
    };
    sqlx::query(sql)
        .bind(agreement_id)
        .bind(party)
        .bind(now)
        .execute(conn)
        .await
        .map(|_| ())
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_link(
    conn: &mut AnyConnection,
    token_hash: &str,
    agreement_id: &str,
    party: &str,
    version: i64,
    email: &str,
    now: i64,
    expires_at: i64,
) -> R<()> {
    sqlx::query(
        "INSERT INTO signing_links (token_hash, agreement_id, party, version, email, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(token_hash)
    .bind(agreement_id)
    .bind(party)
    .bind(version)
    .bind(email)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn link(conn: &mut AnyConnection, token_hash: &str) -> R<Option<SigningLink>> {
    sqlx::query_as(
        "SELECT agreement_id, party, version, email, expires_at, used_at, revoked_at FROM signing_links WHERE token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(conn)
    .await
}

/// Uses the link once; `false` when it was used meanwhile (two tabs, a replay).
pub async fn use_link(
    conn: &mut AnyConnection,
    token_hash: &str,
    ip: &str,
    agent: &str,
    now: i64,
) -> R<bool> {
    let done = sqlx::query(
        "UPDATE signing_links SET used_at = $2, used_ip = $3, used_agent = $4
         WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL",
    )
    .bind(token_hash)
    .bind(now)
    .bind(ip)
    .bind(agent)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Makes every unused link of `party` unusable (its signatory changed).
pub async fn revoke_links(
    conn: &mut AnyConnection,
    agreement_id: &str,
    party: &str,
    now: i64,
) -> R<()> {
    sqlx::query(
        "UPDATE signing_links SET revoked_at = $3 WHERE agreement_id = $1 AND party = $2 AND used_at IS NULL AND revoked_at IS NULL",
    )
    .bind(agreement_id)
    .bind(party)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Makes every unused link of the agreement unusable (its amendment was withdrawn).
pub async fn revoke_all_links(conn: &mut AnyConnection, agreement_id: &str, now: i64) -> R<()> {
    sqlx::query(
        "UPDATE signing_links SET revoked_at = $2 WHERE agreement_id = $1 AND used_at IS NULL AND revoked_at IS NULL",
    )
    .bind(agreement_id)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// `(agreement id, party)` of the signatories asked at least `before` ago who have not signed
/// the agreement's current version, on agreements awaiting signatures (a first version or an
/// amendment).
pub async fn unsigned_since(conn: &mut AnyConnection, before: i64) -> R<Vec<(String, String)>> {
    sqlx::query_as(
        "SELECT s.agreement_id, s.party FROM agreement_signatories s JOIN agreements a ON a.id = s.agreement_id
         WHERE s.asked_at IS NOT NULL AND COALESCE(s.reminded_at, s.asked_at) <= $1
           AND (a.status = 'in-review'
                OR (a.status IN ('approved', 'active') AND a.version > COALESCE(a.signed_version, 0)))
           AND NOT EXISTS (SELECT 1 FROM agreement_approvals p WHERE p.agreement_id = a.id
                           AND p.version = a.version AND p.party = s.party)
           AND EXISTS (SELECT 1 FROM signing_links l WHERE l.agreement_id = a.id
                       AND l.party = s.party AND l.version = a.version AND l.revoked_at IS NULL)
         ORDER BY s.agreement_id, s.party",
    )
    .bind(before)
    .fetch_all(conn)
    .await
}

/// Agreements awaiting signatures whose current version was frozen at least `before` ago.
pub async fn awaiting_since(conn: &mut AnyConnection, before: i64) -> R<Vec<String>> {
    sqlx::query_scalar(
        "SELECT a.id FROM agreements a
           JOIN agreement_versions v ON v.agreement_id = a.id AND v.version = a.version
         WHERE v.created_at <= $1
           AND (a.status = 'in-review'
                OR (a.status IN ('approved', 'active') AND a.version > COALESCE(a.signed_version, 0)))
         ORDER BY a.id",
    )
    .bind(before)
    .fetch_all(conn)
    .await
}

pub async fn set_signed_version(
    conn: &mut AnyConnection,
    id: &str,
    version: i64,
    now: i64,
) -> R<()> {
    sqlx::query("UPDATE agreements SET signed_version = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(version)
        .bind(now)
        .execute(conn)
        .await
        .map(|_| ())
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_notice(
    conn: &mut AnyConnection,
    id: &str,
    agreement_id: &str,
    kind: &str,
    party: &str,
    recipient: &str,
    actor: &str,
    version: i64,
    now: i64,
) -> R<()> {
    sqlx::query(
        "INSERT INTO agreement_notices (id, agreement_id, kind, party, recipient, actor, version, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id)
    .bind(agreement_id)
    .bind(kind)
    .bind(party)
    .bind(recipient)
    .bind(actor)
    .bind(version)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn notices(conn: &mut AnyConnection, agreement_id: &str) -> R<Vec<Notice>> {
    sqlx::query_as(
        "SELECT kind, party, recipient, actor, version, created_at FROM agreement_notices
         WHERE agreement_id = $1 ORDER BY created_at DESC, id DESC",
    )
    .bind(agreement_id)
    .fetch_all(conn)
    .await
}

/// How many reminders `party` got for `version` as it stands (a withdrawn amendment's do not
/// count), and when the last one was sent.
pub async fn reminders(
    conn: &mut AnyConnection,
    agreement_id: &str,
    party: &str,
    version: i64,
) -> R<(i64, Option<i64>)> {
    sqlx::query_as(
        "SELECT COUNT(*), MAX(n.created_at) FROM agreement_notices n
           JOIN agreement_versions v ON v.agreement_id = n.agreement_id AND v.version = n.version
         WHERE n.agreement_id = $1 AND n.party = $2 AND n.version = $3
           AND n.kind = 'signature-reminder' AND n.created_at >= v.created_at",
    )
    .bind(agreement_id)
    .bind(party)
    .bind(version)
    .fetch_one(conn)
    .await
}

/// Un-names, on agreements still awaiting `party`'s signature, the signatory `email` an
/// organisation no longer lists; returns the agreements concerned.
pub async fn unname(
    conn: &mut AnyConnection,
    org_id: &str,
    email: &str,
) -> R<Vec<(String, String)>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT s.agreement_id, s.party FROM agreement_signatories s JOIN agreements a ON a.id = s.agreement_id
         WHERE s.email = $2 AND a.status IN ('draft', 'in-review', 'approved', 'active')
           AND ((s.party = 'host' AND a.host_organisation_id = $1) OR (s.party = 'home' AND a.home_organisation_id = $1))
           AND NOT EXISTS (SELECT 1 FROM agreement_approvals p WHERE p.agreement_id = a.id
                           AND p.version = a.version AND p.party = s.party)",
    )
    .bind(org_id)
    .bind(email)
    .fetch_all(&mut *conn)
    .await?;
    for (id, party) in &rows {
        sqlx::query("DELETE FROM agreement_signatories WHERE agreement_id = $1 AND party = $2")
            .bind(id)
            .bind(party)
            .execute(&mut *conn)
            .await?;
    }
    Ok(rows)
}

/// Whether the parties were asked to sign `version` as it stands (a withdrawn amendment's
/// number used again by the next one starts unasked: its version row is new).
pub async fn asked_for_version(
    conn: &mut AnyConnection,
    agreement_id: &str,
    version: i64,
) -> R<bool> {
    let asked: Option<Option<i64>> = sqlx::query_scalar(
        "SELECT asked_at FROM agreement_versions WHERE agreement_id = $1 AND version = $2",
    )
    .bind(agreement_id)
    .bind(version)
    .fetch_optional(conn)
    .await?;
    Ok(asked.flatten().is_some())
}

/// Records that the parties were asked to sign `version`.
pub async fn mark_version_asked(
    conn: &mut AnyConnection,
    agreement_id: &str,
    version: i64,
    now: i64,
) -> R<()> {
    sqlx::query(
        "UPDATE agreement_versions SET asked_at = $3 WHERE agreement_id = $1 AND version = $2",
    )
    .bind(agreement_id)
    .bind(version)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Whether a notice of `kind` was already sent for the agreement (once-only notices).
pub async fn notice_sent(conn: &mut AnyConnection, agreement_id: &str, kind: &str) -> R<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM agreement_notices WHERE agreement_id = $1 AND kind = $2",
    )
    .bind(agreement_id)
    .bind(kind)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

/// Records one signature with how it was given.
pub struct NewApproval<'a> {
    pub agreement_id: &'a str,
    pub version: i64,
    pub party: &'a str,
    pub user_id: Option<&'a str>,
    pub name: &'a str,
    pub function: &'a str,
    pub method: &'a str,
    pub email: &'a str,
    pub ip: &'a str,
    pub agent: &'a str,
    pub now: i64,
}

pub async fn insert_approval(conn: &mut AnyConnection, a: &NewApproval<'_>) -> R<()> {
    sqlx::query(
        "INSERT INTO agreement_approvals (agreement_id, version, party, user_id, user_name, approved_at,
            signer_function, method, ip, user_agent, signer_email)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(a.agreement_id)
    .bind(a.version)
    .bind(a.party)
    .bind(a.user_id)
    .bind(a.name)
    .bind(a.now)
    .bind(a.function)
    .bind(a.method)
    .bind(a.ip)
    .bind(a.agent)
    .bind(a.email)
    .execute(conn)
    .await
    .map(|_| ())
}

/// The locale of the account holding `email`, if any.
/// `(locale, time zone)` of the account holding `email`, if any.
pub async fn locale_of_email(conn: &mut AnyConnection, email: &str) -> R<Option<(String, String)>> {
    sqlx::query_as("SELECT locale, time_zone FROM users WHERE LOWER(email) = LOWER($1)")
        .bind(email)
        .fetch_optional(conn)
        .await
}
