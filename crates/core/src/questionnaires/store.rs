//! All SQL of questionnaires, their versions, responses and invitations (answers, counts,
//! tallies and codes: `answer_store.rs`, re-exported here).

use sqlx::AnyConnection;

use super::Definition;

pub use super::answer_store::*;

type R<T> = Result<T, sqlx::Error>;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QuestionnaireRow {
    pub id: String,
    pub owner_id: Option<String>,
    pub title: String,
    pub version: i64,
    pub status: String,
    pub opens_at: Option<i64>,
    pub closes_at: Option<i64>,
    pub audience: String,
    pub mode: String,
    pub allow_edit: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str = "SELECT id, owner_id, title, version, status, opens_at, closes_at, audience, mode, allow_edit, created_at, updated_at FROM questionnaires";

pub async fn insert(conn: &mut AnyConnection, q: &QuestionnaireRow, is_demo: bool) -> R<()> {
    sqlx::query(
        "INSERT INTO questionnaires (id, owner_id, title, version, status, opens_at, closes_at, audience, mode, allow_edit, is_demo, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(&q.id)
    .bind(&q.owner_id)
    .bind(&q.title)
    .bind(q.version)
    .bind(&q.status)
    .bind(q.opens_at)
    .bind(q.closes_at)
    .bind(&q.audience)
    .bind(&q.mode)
    .bind(q.allow_edit)
    .bind(i64::from(is_demo))
    .bind(q.created_at)
    .bind(q.updated_at)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Writes the publication settings, title and version of a questionnaire.
pub async fn update(conn: &mut AnyConnection, q: &QuestionnaireRow) -> R<()> {
    sqlx::query(
        "UPDATE questionnaires SET title = $2, version = $3, status = $4, opens_at = $5, closes_at = $6, audience = $7,
                mode = $8, allow_edit = $9, updated_at = $10 WHERE id = $1",
    )
    .bind(&q.id)
    .bind(&q.title)
    .bind(q.version)
    .bind(&q.status)
    .bind(q.opens_at)
    .bind(q.closes_at)
    .bind(&q.audience)
    .bind(&q.mode)
    .bind(q.allow_edit)
    .bind(q.updated_at)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn find(conn: &mut AnyConnection, id: &str) -> R<Option<QuestionnaireRow>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{COLUMNS} WHERE id = $1")))
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// Questionnaires `owner` manages (all of them when `owner` is `None`), newest first.
pub async fn list(conn: &mut AnyConnection, owner: Option<&str>) -> R<Vec<QuestionnaireRow>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{COLUMNS} WHERE ($1 = '' OR owner_id = $1) ORDER BY updated_at DESC, id DESC LIMIT 500"
    )))
    .bind(owner.unwrap_or(""))
    .fetch_all(conn)
    .await
}

/// Open questionnaires anyone may see listed (audience "anyone with the link" is not listed).
pub async fn list_open_signed_in(conn: &mut AnyConnection, now: i64) -> R<Vec<QuestionnaireRow>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{COLUMNS} WHERE status = 'open' AND audience = 'signed-in' AND (opens_at IS NULL OR opens_at <= $1)
           AND (closes_at IS NULL OR closes_at > $1) ORDER BY updated_at DESC LIMIT 100"
    )))
    .bind(now)
    .fetch_all(conn)
    .await
}

pub async fn definition(conn: &mut AnyConnection, id: &str, version: i64) -> R<Option<String>> {
    sqlx::query_scalar(
        "SELECT definition FROM questionnaire_versions WHERE questionnaire_id = $1 AND version = $2",
    )
    .bind(id)
    .bind(version)
    .fetch_optional(conn)
    .await
}

/// Every version's definition, oldest first.
pub async fn all_definitions(conn: &mut AnyConnection, id: &str) -> R<Vec<(i64, String)>> {
    sqlx::query_as(
        "SELECT version, definition FROM questionnaire_versions WHERE questionnaire_id = $1 ORDER BY version",
    )
    .bind(id)
    .fetch_all(conn)
    .await
}

pub async fn insert_version(
    conn: &mut AnyConnection,
    id: &str,
    version: i64,
    def: &Definition,
    now: i64,
) -> R<()> {
    sqlx::query(
        "INSERT INTO questionnaire_versions (questionnaire_id, version, definition, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(id)
    .bind(version)
    .bind(serde_json::to_string(def).unwrap_or_default())
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn replace_version(
    conn: &mut AnyConnection,
    id: &str,
    version: i64,
    def: &Definition,
) -> R<()> {
    sqlx::query(
        "UPDATE questionnaire_versions SET definition = $3 WHERE questionnaire_id = $1 AND version = $2",
    )
    .bind(id)
    .bind(version)
    .bind(serde_json::to_string(def).unwrap_or_default())
    .execute(conn)
    .await
    .map(|_| ())
}

/// Responses (drafts included) that answer `version`: once there is one, the version is frozen.
pub async fn responses_on_version(conn: &mut AnyConnection, id: &str, version: i64) -> R<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM responses WHERE questionnaire_id = $1 AND version = $2",
    )
    .bind(id)
    .bind(version)
    .fetch_one(conn)
    .await
}

/// A response an analyst counts (of alias `r`): submitted, or a draft holding at least one
/// answer (LimeSurvey's partial response). A draft opened and left empty is no response. A
/// macro, so that queries stay literals (`concat!`).
macro_rules! counted {
    () => {
        "(r.status = 'submitted' OR EXISTS (SELECT 1 FROM answers x WHERE x.response_id = r.id))"
    };
}
pub(super) use counted;

/// `(submitted, partial)` counts (see `counted!`).
pub async fn response_counts(conn: &mut AnyConnection, id: &str) -> R<(i64, i64)> {
    let rows: Vec<(String, i64)> = sqlx::query_as(concat!(
        "SELECT r.status, COUNT(*) FROM responses r WHERE r.questionnaire_id = $1 AND ",
        counted!(),
        " GROUP BY r.status"
    ))
    .bind(id)
    .fetch_all(conn)
    .await?;
    let get = |s: &str| {
        rows.iter()
            .find(|(k, _)| k == s)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    };
    Ok((get("submitted"), get("draft")))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ResponseRow {
    pub id: String,
    pub questionnaire_id: String,
    pub version: i64,
    pub status: String,
    pub user_id: Option<String>,
    pub pseudonym: String,
    pub invitation_id: Option<String>,
    pub language: String,
    pub page: i64,
    pub started_at: i64,
    pub updated_at: i64,
    pub submitted_at: Option<i64>,
}

const RESPONSE_COLUMNS: &str = "SELECT id, questionnaire_id, version, status, user_id, pseudonym, invitation_id, language, page, started_at, updated_at, submitted_at FROM responses";

pub async fn insert_response(
    conn: &mut AnyConnection,
    r: &ResponseRow,
    resume_hash: Option<&str>,
    is_demo: bool,
) -> R<()> {
    sqlx::query(
        "INSERT INTO responses (id, questionnaire_id, version, status, user_id, pseudonym, resume_hash, invitation_id, language, page, started_at, updated_at, submitted_at, is_demo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(&r.id)
    .bind(&r.questionnaire_id)
    .bind(r.version)
    .bind(&r.status)
    .bind(&r.user_id)
    .bind(&r.pseudonym)
    .bind(resume_hash)
    .bind(&r.invitation_id)
    .bind(&r.language)
    .bind(r.page)
    .bind(r.started_at)
    .bind(r.updated_at)
    .bind(r.submitted_at)
    .bind(i64::from(is_demo))
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn response_by_resume(conn: &mut AnyConnection, hash: &str) -> R<Option<ResponseRow>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{RESPONSE_COLUMNS} WHERE resume_hash = $1"
    )))
    .bind(hash)
    .fetch_optional(conn)
    .await
}

pub async fn response(conn: &mut AnyConnection, id: &str) -> R<Option<ResponseRow>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{RESPONSE_COLUMNS} WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// The draft or submitted response of a signed-in person (identified mode, or a draft).
pub async fn response_of_user(
    conn: &mut AnyConnection,
    questionnaire: &str,
    user: &str,
) -> R<Option<ResponseRow>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{RESPONSE_COLUMNS} WHERE questionnaire_id = $1 AND user_id = $2 ORDER BY started_at DESC LIMIT 1"
    )))
    .bind(questionnaire)
    .bind(user)
    .fetch_optional(conn)
    .await
}

pub async fn set_resume_hash(conn: &mut AnyConnection, id: &str, hash: &str) -> R<()> {
    sqlx::query("UPDATE responses SET resume_hash = $2 WHERE id = $1")
        .bind(id)
        .bind(hash)
        .execute(conn)
        .await
        .map(|_| ())
}

/// An invitation of questionnaire `q` by its token's hash: `(id, answered_at)`.
pub async fn invitation_by_token(
    conn: &mut AnyConnection,
    q: &str,
    hash: &str,
) -> R<Option<(String, Option<i64>)>> {
    sqlx::query_as(
        "SELECT id, answered_at FROM questionnaire_invitations WHERE questionnaire_id = $1 AND token_hash = $2",
    )
    .bind(q)
    .bind(hash)
    .fetch_optional(conn)
    .await
}

pub async fn invitation_answered(conn: &mut AnyConnection, id: &str, now: i64) -> R<()> {
    sqlx::query("UPDATE questionnaire_invitations SET answered_at = $2 WHERE id = $1")
        .bind(id)
        .bind(now)
        .execute(conn)
        .await
        .map(|_| ())
}

/// The draft started from an invitation.
pub async fn draft_of_invitation(conn: &mut AnyConnection, invitation: &str) -> R<Option<String>> {
    sqlx::query_scalar("SELECT id FROM responses WHERE invitation_id = $1 AND status = 'draft'")
        .bind(invitation)
        .fetch_optional(conn)
        .await
}

pub async fn set_response_page(conn: &mut AnyConnection, id: &str, page: i64, now: i64) -> R<()> {
    sqlx::query("UPDATE responses SET page = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(page)
        .bind(now)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Marks a draft submitted; `keep_links` false clears everything that could lead back to the
/// respondent (account, resume token, invitation). Conditional on the draft status, so that two
/// submissions at once record one response.
pub async fn submit_response(
    conn: &mut AnyConnection,
    id: &str,
    submitted_at: i64,
    keep_links: bool,
) -> R<bool> {
    let sql = if keep_links {
        "UPDATE responses SET status = 'submitted', submitted_at = $2, updated_at = $2 WHERE id = $1 AND status = 'draft'"
    } else {
        "UPDATE responses SET status = 'submitted', submitted_at = $2, updated_at = $2, user_id = NULL,
                resume_hash = NULL, invitation_id = NULL, started_at = $2 WHERE id = $1 AND status = 'draft'"
    };
    let done = sqlx::query(sql)
        .bind(id)
        .bind(submitted_at)
        .execute(&mut *conn)
        .await?
        .rows_affected()
        == 1;
    if done {
        sqlx::query("UPDATE answers SET submitted = 1 WHERE response_id = $1")
            .bind(id)
            .execute(conn)
            .await?;
    }
    Ok(done)
}

pub async fn spend_token(conn: &mut AnyConnection, hash: &str, q: &str, now: i64) -> R<()> {
    sqlx::query(
        "INSERT INTO spent_tokens (token_hash, questionnaire_id, spent_at) VALUES ($1, $2, $3) ON CONFLICT (token_hash) DO NOTHING",
    )
    .bind(hash)
    .bind(q)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// The questionnaire a spent token belonged to.
pub async fn spent_token(conn: &mut AnyConnection, hash: &str) -> R<Option<String>> {
    sqlx::query_scalar("SELECT questionnaire_id FROM spent_tokens WHERE token_hash = $1")
        .bind(hash)
        .fetch_optional(conn)
        .await
}

pub async fn record_participant(conn: &mut AnyConnection, q: &str, user: &str, now: i64) -> R<()> {
    sqlx::query(
        "INSERT INTO questionnaire_participants (questionnaire_id, user_id, submitted_at) VALUES ($1, $2, $3)
         ON CONFLICT (questionnaire_id, user_id) DO NOTHING",
    )
    .bind(q)
    .bind(user)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn has_participated(conn: &mut AnyConnection, q: &str, user: &str) -> R<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM questionnaire_participants WHERE questionnaire_id = $1 AND user_id = $2",
    )
    .bind(q)
    .bind(user)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

// ---- invitations ----------------------------------------------------------------------------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InvitationRow {
    pub id: String,
    pub email: String,
    pub sent_at: i64,
    pub reminded_at: Option<i64>,
    pub answered_at: Option<i64>,
}

pub async fn invitations(conn: &mut AnyConnection, q: &str) -> R<Vec<InvitationRow>> {
    sqlx::query_as(
        "SELECT id, email, sent_at, reminded_at, answered_at FROM questionnaire_invitations
         WHERE questionnaire_id = $1 ORDER BY email",
    )
    .bind(q)
    .fetch_all(conn)
    .await
}

pub async fn insert_invitation(
    conn: &mut AnyConnection,
    id: &str,
    q: &str,
    email: &str,
    hash: &str,
    now: i64,
) -> R<bool> {
    let done = sqlx::query(
        "INSERT INTO questionnaire_invitations (id, questionnaire_id, email, token_hash, sent_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (questionnaire_id, email) DO NOTHING",
    )
    .bind(id)
    .bind(q)
    .bind(email)
    .bind(hash)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A new token for a reminder (only hashes are kept, so the old link cannot be re-sent).
pub async fn renew_invitation(conn: &mut AnyConnection, id: &str, hash: &str, now: i64) -> R<()> {
    sqlx::query(
        "UPDATE questionnaire_invitations SET token_hash = $2, reminded_at = $3 WHERE id = $1",
    )
    .bind(id)
    .bind(hash)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

// ---- response management --------------------------------------------------------------------

/// One response as the coordinator's list shows it (complete or partial).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ResponseItem {
    pub id: String,
    pub status: String,
    pub version: i64,
    /// Index of the last section saved.
    pub page: i64,
    pub started_at: i64,
    pub updated_at: i64,
    pub submitted_at: i64,
    pub pseudonym: String,
}

/// Responses of `q` with `status` (`""` for every one), last active first.
pub async fn response_items(
    conn: &mut AnyConnection,
    q: &str,
    status: &str,
    limit: i64,
    offset: i64,
) -> R<Vec<ResponseItem>> {
    sqlx::query_as(concat!(
        "SELECT r.id, r.status, r.version, r.page, r.started_at, r.updated_at,
                COALESCE(r.submitted_at, 0) AS submitted_at, r.pseudonym
         FROM responses r WHERE r.questionnaire_id = $1 AND ($2 = '' OR r.status = $2) AND ",
        counted!(),
        " ORDER BY r.updated_at DESC, r.id DESC LIMIT $3 OFFSET $4"
    ))
    .bind(q)
    .bind(status)
    .bind(limit)
    .bind(offset)
    .fetch_all(conn)
    .await
}

/// Deletes a response still in `status`, with its answers and the codes applied to them;
/// false when it was not (deleted or submitted meanwhile: two deletes count once).
pub async fn delete_response(conn: &mut AnyConnection, id: &str, status: &str) -> R<bool> {
    let done = sqlx::query("DELETE FROM responses WHERE id = $1 AND status = $2")
        .bind(id)
        .bind(status)
        .execute(&mut *conn)
        .await?
        .rows_affected()
        == 1;
    if done {
        for sql in [
            "DELETE FROM answer_codes WHERE response_id = $1",
            "DELETE FROM answers WHERE response_id = $1",
        ] {
            sqlx::query(sql).bind(id).execute(&mut *conn).await?;
        }
    }
    Ok(done)
}

/// An invitation whose response was given back or deleted may answer again.
pub async fn invitation_reopened(conn: &mut AnyConnection, id: &str) -> R<()> {
    sqlx::query("UPDATE questionnaire_invitations SET answered_at = NULL WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Makes a submitted response a draft again (its answers leave the results until submitted
/// again). Conditional on the status, so that two reopenings at once count once.
pub async fn reopen_response(conn: &mut AnyConnection, id: &str, now: i64) -> R<bool> {
    let done = sqlx::query(
        "UPDATE responses SET status = 'draft', submitted_at = NULL, updated_at = $2 WHERE id = $1 AND status = 'submitted'",
    )
    .bind(id)
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1;
    if done {
        sqlx::query("UPDATE answers SET submitted = 0 WHERE response_id = $1")
            .bind(id)
            .execute(conn)
            .await?;
    }
    Ok(done)
}

/// Forgets that `user` took part (their response was deleted: they may answer again).
pub async fn forget_participant(conn: &mut AnyConnection, q: &str, user: &str) -> R<()> {
    sqlx::query(
        "DELETE FROM questionnaire_participants WHERE questionnaire_id = $1 AND user_id = $2",
    )
    .bind(q)
    .bind(user)
    .execute(conn)
    .await
    .map(|_| ())
}
