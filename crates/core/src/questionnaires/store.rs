//! All SQL of questionnaires, their versions, responses, answers, codes and invitations.

use sqlx::AnyConnection;

use super::Definition;

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

/// `(submitted, drafts)` counts.
pub async fn response_counts(conn: &mut AnyConnection, id: &str) -> R<(i64, i64)> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT status, COUNT(*) FROM responses WHERE questionnaire_id = $1 GROUP BY status",
    )
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

pub async fn touch_response(conn: &mut AnyConnection, id: &str, now: i64) -> R<()> {
    sqlx::query("UPDATE responses SET updated_at = $2 WHERE id = $1")
        .bind(id)
        .bind(now)
        .execute(conn)
        .await
        .map(|_| ())
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

/// One stored value: `(question, part, value)`.
pub type AnswerRow = (String, String, String);

pub async fn answers(conn: &mut AnyConnection, response: &str) -> R<Vec<AnswerRow>> {
    sqlx::query_as("SELECT question, part, value FROM answers WHERE response_id = $1")
        .bind(response)
        .fetch_all(conn)
        .await
}

/// Replaces the stored values of `questions` in one response: one `DELETE` and one
/// multi-row `INSERT` (per 100 rows), so that a page of answers costs two statements.
pub async fn replace_answers(
    conn: &mut AnyConnection,
    response: &str,
    questionnaire: &str,
    questions: &[String],
    rows: &[AnswerRow],
    submitted: bool,
) -> R<()> {
    for chunk in questions.chunks(100) {
        let list: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
        let sql = format!(
            "DELETE FROM answers WHERE response_id = $1 AND question IN ({})",
            list.join(", ")
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(response);
        for name in chunk {
            q = q.bind(name);
        }
        q.execute(&mut *conn).await?;
    }
    for chunk in rows.chunks(100) {
        // $1 response, $2 questionnaire, $3 submitted, then three per row.
        let values: Vec<String> = (0..chunk.len())
            .map(|i| {
                format!(
                    "($1, $2, $3, ${}, ${}, ${})",
                    4 + 3 * i,
                    5 + 3 * i,
                    6 + 3 * i
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO answers (response_id, questionnaire_id, submitted, question, part, value) VALUES {}",
            values.join(", ")
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(response)
            .bind(questionnaire)
            .bind(i64::from(submitted));
        for (question, part, value) in chunk {
            q = q.bind(question).bind(part).bind(value);
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Counts of each value of each question part among submitted responses ("other" texts
/// counted under the empty value): `(question, part, value, count)`; `filter` restricts to responses having
/// `(question, value)`.
pub async fn value_counts(
    conn: &mut AnyConnection,
    q: &str,
    filter: Option<(&str, &str)>,
) -> R<Vec<(String, String, String, i64)>> {
    let (fq, fv) = filter.unwrap_or(("", ""));
    sqlx::query_as(
        "SELECT a.question, a.part, CASE WHEN a.part = 'other' THEN '' ELSE a.value END, COUNT(*) FROM answers a
         WHERE a.questionnaire_id = $1 AND a.submitted = 1
           AND ($2 = '' OR a.response_id IN (SELECT f.response_id FROM answers f WHERE f.questionnaire_id = $1
                AND f.submitted = 1 AND f.question = $2 AND f.part = '' AND f.value = $3))
         GROUP BY a.question, a.part, CASE WHEN a.part = 'other' THEN '' ELSE a.value END",
    )
    .bind(q)
    .bind(fq)
    .bind(fv)
    .fetch_all(conn)
    .await
}

/// How many submitted responses answered each question: `(question, responses)`.
pub async fn answered_counts(
    conn: &mut AnyConnection,
    q: &str,
    filter: Option<(&str, &str)>,
) -> R<Vec<(String, i64)>> {
    let (fq, fv) = filter.unwrap_or(("", ""));
    sqlx::query_as(
        "SELECT a.question, COUNT(DISTINCT a.response_id) FROM answers a
         WHERE a.questionnaire_id = $1 AND a.submitted = 1
           AND ($2 = '' OR a.response_id IN (SELECT f.response_id FROM answers f WHERE f.questionnaire_id = $1
                AND f.submitted = 1 AND f.question = $2 AND f.part = '' AND f.value = $3))
         GROUP BY a.question",
    )
    .bind(q)
    .bind(fq)
    .bind(fv)
    .fetch_all(conn)
    .await
}

/// Submitted responses, optionally only those having `(question, value)`.
pub async fn submitted_count(
    conn: &mut AnyConnection,
    q: &str,
    filter: Option<(&str, &str)>,
) -> R<i64> {
    let (fq, fv) = filter.unwrap_or(("", ""));
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM responses r WHERE r.questionnaire_id = $1 AND r.status = 'submitted'
           AND ($2 = '' OR r.id IN (SELECT f.response_id FROM answers f WHERE f.questionnaire_id = $1
                AND f.submitted = 1 AND f.question = $2 AND f.part = '' AND f.value = $3))",
    )
    .bind(q)
    .bind(fq)
    .bind(fv)
    .fetch_one(conn)
    .await
}

/// Cross-tabulation of two closed questions: `(row value, column value, responses)`.
pub async fn crosstab(
    conn: &mut AnyConnection,
    q: &str,
    rows: &str,
    cols: &str,
) -> R<Vec<(String, String, i64)>> {
    sqlx::query_as(
        "SELECT a.value, b.value, COUNT(DISTINCT a.response_id) FROM answers a
         JOIN answers b ON b.response_id = a.response_id AND b.question = $3 AND b.part = ''
         WHERE a.questionnaire_id = $1 AND a.submitted = 1 AND a.question = $2 AND a.part = ''
         GROUP BY a.value, b.value",
    )
    .bind(q)
    .bind(rows)
    .bind(cols)
    .fetch_all(conn)
    .await
}

/// The numeric values of one question among submitted responses.
pub async fn numbers(conn: &mut AnyConnection, q: &str, question: &str) -> R<Vec<String>> {
    sqlx::query_scalar(
        "SELECT value FROM answers WHERE questionnaire_id = $1 AND submitted = 1 AND question = $2 AND part = ''",
    )
    .bind(q)
    .bind(question)
    .fetch_all(conn)
    .await
}

/// Free-text answers of one question (or its "other" texts when `part` is `other`), newest
/// first: `(response id, text)`. Searching (accent-folded) is done by the caller.
pub async fn texts(
    conn: &mut AnyConnection,
    q: &str,
    question: &str,
    part: &str,
) -> R<Vec<(String, String)>> {
    sqlx::query_as(
        "SELECT a.response_id, a.value FROM answers a
         WHERE a.questionnaire_id = $1 AND a.submitted = 1 AND a.question = $2 AND a.part = $3
         ORDER BY a.response_id DESC",
    )
    .bind(q)
    .bind(question)
    .bind(part)
    .fetch_all(conn)
    .await
}

/// Submitted response ids, newest first.
pub async fn submitted_ids(
    conn: &mut AnyConnection,
    q: &str,
    limit: i64,
    offset: i64,
) -> R<Vec<(String, i64, String)>> {
    sqlx::query_as(
        "SELECT id, COALESCE(submitted_at, 0), pseudonym FROM responses WHERE questionnaire_id = $1 AND status = 'submitted'
         ORDER BY submitted_at DESC, id DESC LIMIT $2 OFFSET $3",
    )
    .bind(q)
    .bind(limit)
    .bind(offset)
    .fetch_all(conn)
    .await
}

/// A page of submitted responses for exports, in id order after `after`:
/// `(id, version, submitted at, pseudonym, e-mail of an identified respondent)`.
pub async fn export_responses(
    conn: &mut AnyConnection,
    q: &str,
    after: &str,
    limit: i64,
) -> R<Vec<(String, i64, i64, String, String)>> {
    sqlx::query_as(
        "SELECT r.id, r.version, COALESCE(r.submitted_at, 0), r.pseudonym, COALESCE(u.email, '')
         FROM responses r LEFT JOIN users u ON u.id = r.user_id
         WHERE r.questionnaire_id = $1 AND r.status = 'submitted' AND r.id > $2
         ORDER BY r.id LIMIT $3",
    )
    .bind(q)
    .bind(after)
    .bind(limit)
    .fetch_all(conn)
    .await
}

fn id_list(from: usize, n: usize) -> String {
    (0..n)
        .map(|i| format!("${}", from + i))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Separators of [`answers_packed`]: between the fields of a value, and between values. Text
/// answers never contain them (`answers::parse_section` removes control characters).
pub const FIELD_SEP: char = '\u{1f}';
pub const VALUE_SEP: char = '\u{1e}';

/// The values of the page of submitted responses after `after` (the same page as
/// [`export_responses`]), one row per response with its values packed as
/// `question␟part␟value` joined by `␞`: a page of an export is then a few hundred rows instead
/// of tens of thousands (each row crossing from SQLite's thread costs more than the packing).
/// The page's ids come from a subquery, so that both databases probe the `answers_response`
/// index without binding hundreds of parameters.
pub async fn answers_packed(
    conn: &mut AnyConnection,
    backend: crate::Backend,
    q: &str,
    after: &str,
    limit: i64,
) -> R<Vec<(String, String)>> {
    let packed = match backend {
        crate::Backend::Sqlite => {
            "group_concat(a.question || char(31) || a.part || char(31) || a.value, char(30))"
        }
        crate::Backend::Postgres => {
            "string_agg(a.question || chr(31) || a.part || chr(31) || a.value, chr(30))"
        }
    };
    let sql = format!(
        "SELECT a.response_id, {packed} FROM answers a
         WHERE a.response_id IN (SELECT r.id FROM responses r WHERE r.questionnaire_id = $1 AND r.status = 'submitted'
                                 AND r.id > $2 ORDER BY r.id LIMIT $3)
         GROUP BY a.response_id"
    );
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(q)
        .bind(after)
        .bind(limit)
        .fetch_all(conn)
        .await
}

/// Codes applied to the responses `ids`: `(response id, question, code label)`.
pub async fn codes_of(
    conn: &mut AnyConnection,
    ids: &[String],
) -> R<Vec<(String, String, String)>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let sql = format!(
        "SELECT ac.response_id, ac.question, c.label FROM answer_codes ac JOIN questionnaire_codes c ON c.id = ac.code_id
         WHERE ac.response_id IN ({}) ORDER BY c.label",
        id_list(1, ids.len())
    );
    let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql));
    for id in ids {
        q = q.bind(id);
    }
    q.fetch_all(conn).await
}

// ---- codebook -------------------------------------------------------------------------------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CodeRow {
    pub id: String,
    pub label: String,
    pub description: String,
}

pub async fn codes(conn: &mut AnyConnection, q: &str) -> R<Vec<CodeRow>> {
    sqlx::query_as(
        "SELECT id, label, description FROM questionnaire_codes WHERE questionnaire_id = $1 ORDER BY label",
    )
    .bind(q)
    .fetch_all(conn)
    .await
}

pub async fn insert_code(
    conn: &mut AnyConnection,
    id: &str,
    q: &str,
    label: &str,
    description: &str,
    now: i64,
) -> R<()> {
    sqlx::query(
        "INSERT INTO questionnaire_codes (id, questionnaire_id, label, description, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(q)
    .bind(label)
    .bind(description)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Responses carrying each code: `(code id, responses)`.
pub async fn code_counts(conn: &mut AnyConnection, q: &str) -> R<Vec<(String, i64)>> {
    sqlx::query_as(
        "SELECT c.id, COUNT(DISTINCT ac.response_id) FROM questionnaire_codes c
         LEFT JOIN answer_codes ac ON ac.code_id = c.id
         WHERE c.questionnaire_id = $1 GROUP BY c.id",
    )
    .bind(q)
    .fetch_all(conn)
    .await
}

/// Codes applied to the answers of one question: `(response id, code id)`.
pub async fn applied_codes(
    conn: &mut AnyConnection,
    q: &str,
    question: &str,
) -> R<Vec<(String, String)>> {
    sqlx::query_as(
        "SELECT ac.response_id, ac.code_id FROM answer_codes ac JOIN questionnaire_codes c ON c.id = ac.code_id
         WHERE c.questionnaire_id = $1 AND ac.question = $2",
    )
    .bind(q)
    .bind(question)
    .fetch_all(conn)
    .await
}

/// Every code applied in the questionnaire: `(response id, question, code label)`.
pub async fn all_applied_codes(
    conn: &mut AnyConnection,
    q: &str,
) -> R<Vec<(String, String, String)>> {
    sqlx::query_as(
        "SELECT ac.response_id, ac.question, c.label FROM answer_codes ac JOIN questionnaire_codes c ON c.id = ac.code_id
         WHERE c.questionnaire_id = $1 ORDER BY c.label",
    )
    .bind(q)
    .fetch_all(conn)
    .await
}

pub async fn set_answer_codes(
    conn: &mut AnyConnection,
    response: &str,
    question: &str,
    codes: &[String],
) -> R<()> {
    sqlx::query("DELETE FROM answer_codes WHERE response_id = $1 AND question = $2")
        .bind(response)
        .bind(question)
        .execute(&mut *conn)
        .await?;
    for c in codes {
        sqlx::query(
            "INSERT INTO answer_codes (response_id, question, code_id) VALUES ($1, $2, $3)",
        )
        .bind(response)
        .bind(question)
        .bind(c)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
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

// ---- tallies --------------------------------------------------------------------------------

/// Adds `delta` (1 on submission, -1 when a submitted answer is replaced) to the tallies of
/// `values` (`(question, part, value)`, already filtered to what is tallied) and of the
/// questions in `answered`.
pub async fn tally(
    conn: &mut AnyConnection,
    q: &str,
    values: &[AnswerRow],
    answered: &[String],
    delta: i64,
) -> R<()> {
    for (question, part, value) in values {
        sqlx::query(
            "INSERT INTO answer_tallies (questionnaire_id, question, part, value, n) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (questionnaire_id, question, part, value) DO UPDATE SET n = answer_tallies.n + excluded.n",
        )
        .bind(q)
        .bind(question)
        .bind(part)
        .bind(value)
        .bind(delta)
        .execute(&mut *conn)
        .await?;
    }
    for question in answered {
        sqlx::query(
            "INSERT INTO question_tallies (questionnaire_id, question, n) VALUES ($1, $2, $3)
             ON CONFLICT (questionnaire_id, question) DO UPDATE SET n = question_tallies.n + excluded.n",
        )
        .bind(q)
        .bind(question)
        .bind(delta)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The tallies of every value: `(question, part, value, count)`.
pub async fn value_tallies(
    conn: &mut AnyConnection,
    q: &str,
) -> R<Vec<(String, String, String, i64)>> {
    sqlx::query_as(
        "SELECT question, part, value, n FROM answer_tallies WHERE questionnaire_id = $1 AND n > 0",
    )
    .bind(q)
    .fetch_all(conn)
    .await
}

/// The tallies of questions answered: `(question, responses)`.
pub async fn question_tallies(conn: &mut AnyConnection, q: &str) -> R<Vec<(String, i64)>> {
    sqlx::query_as("SELECT question, n FROM question_tallies WHERE questionnaire_id = $1 AND n > 0")
        .bind(q)
        .fetch_all(conn)
        .await
}
