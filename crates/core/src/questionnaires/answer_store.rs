//! All SQL of answers: writing a page of them, counting and crossing them, tallies, the
//! codebook, and the pages of an export.

use sqlx::AnyConnection;

type R<T> = Result<T, sqlx::Error>;

/// One stored value: `(question, part, value)`.
pub type AnswerRow = (String, String, String);

/// Which answers a count reads: those whose `submitted` flag lies in `lo..=hi` (1..=1 for
/// complete responses, 0..=0 for partial ones, 0..=1 for both), and only of the responses
/// having the filter's `(question, value)` when there is one.
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    pub filter: Option<(&'a str, &'a str)>,
    pub lo: i64,
    pub hi: i64,
}

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
    scope: Scope<'_>,
) -> R<Vec<(String, String, String, i64)>> {
    let (fq, fv) = scope.filter.unwrap_or(("", ""));
    sqlx::query_as(
        "SELECT a.question, a.part, CASE WHEN a.part = 'other' THEN '' ELSE a.value END, COUNT(*) FROM answers a
         WHERE a.questionnaire_id = $1 AND a.submitted BETWEEN $4 AND $5
           AND ($2 = '' OR a.response_id IN (SELECT f.response_id FROM answers f WHERE f.questionnaire_id = $1
                AND f.submitted BETWEEN $4 AND $5 AND f.question = $2 AND f.part = '' AND f.value = $3))
         GROUP BY a.question, a.part, CASE WHEN a.part = 'other' THEN '' ELSE a.value END",
    )
    .bind(q)
    .bind(fq)
    .bind(fv)
    .bind(scope.lo)
    .bind(scope.hi)
    .fetch_all(conn)
    .await
}

/// How many submitted responses answered each question: `(question, responses)`.
pub async fn answered_counts(
    conn: &mut AnyConnection,
    q: &str,
    scope: Scope<'_>,
) -> R<Vec<(String, i64)>> {
    let (fq, fv) = scope.filter.unwrap_or(("", ""));
    sqlx::query_as(
        "SELECT a.question, COUNT(DISTINCT a.response_id) FROM answers a
         WHERE a.questionnaire_id = $1 AND a.submitted BETWEEN $4 AND $5
           AND ($2 = '' OR a.response_id IN (SELECT f.response_id FROM answers f WHERE f.questionnaire_id = $1
                AND f.submitted BETWEEN $4 AND $5 AND f.question = $2 AND f.part = '' AND f.value = $3))
         GROUP BY a.question",
    )
    .bind(q)
    .bind(fq)
    .bind(fv)
    .bind(scope.lo)
    .bind(scope.hi)
    .fetch_all(conn)
    .await
}

/// Responses in `scope`, optionally only those having `(question, value)`.
pub async fn submitted_count(conn: &mut AnyConnection, q: &str, scope: Scope<'_>) -> R<i64> {
    let (fq, fv) = scope.filter.unwrap_or(("", ""));
    sqlx::query_scalar(concat!(
        "SELECT COUNT(*) FROM responses r WHERE r.questionnaire_id = $1 AND ",
        super::store::counted!(),
        " AND (CASE WHEN r.status = 'submitted' THEN 1 ELSE 0 END) BETWEEN $4 AND $5
           AND ($2 = '' OR r.id IN (SELECT f.response_id FROM answers f WHERE f.questionnaire_id = $1
                AND f.submitted BETWEEN $4 AND $5 AND f.question = $2 AND f.part = '' AND f.value = $3))"
    ))
    .bind(q)
    .bind(fq)
    .bind(fv)
    .bind(scope.lo)
    .bind(scope.hi)
    .fetch_one(conn)
    .await
}

/// Cross-tabulation of two closed questions among the responses in `scope` (and having the
/// filter's value when there is one): `(row value, column value, responses)`.
pub async fn crosstab(
    conn: &mut AnyConnection,
    q: &str,
    rows: &str,
    cols: &str,
    scope: Scope<'_>,
) -> R<Vec<(String, String, i64)>> {
    let (fq, fv) = scope.filter.unwrap_or(("", ""));
    sqlx::query_as(
        "SELECT a.value, b.value, COUNT(DISTINCT a.response_id) FROM answers a
         JOIN answers b ON b.response_id = a.response_id AND b.question = $3 AND b.part = ''
         WHERE a.questionnaire_id = $1 AND a.submitted BETWEEN $6 AND $7 AND a.question = $2 AND a.part = ''
           AND ($4 = '' OR a.response_id IN (SELECT f.response_id FROM answers f WHERE f.questionnaire_id = $1
                AND f.submitted BETWEEN $6 AND $7 AND f.question = $4 AND f.part = '' AND f.value = $5))
         GROUP BY a.value, b.value",
    )
    .bind(q)
    .bind(rows)
    .bind(cols)
    .bind(fq)
    .bind(fv)
    .bind(scope.lo)
    .bind(scope.hi)
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

/// One response's head in an export.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ExportHead {
    pub id: String,
    pub version: i64,
    pub status: String,
    pub started_at: i64,
    pub updated_at: i64,
    pub submitted_at: i64,
    pub pseudonym: String,
    /// The e-mail address of an identified respondent.
    pub email: String,
}

/// A page of responses with `status` (`""`: every one) for exports, in id order after `after`.
pub async fn export_responses(
    conn: &mut AnyConnection,
    q: &str,
    status: &str,
    after: &str,
    limit: i64,
) -> R<Vec<ExportHead>> {
    sqlx::query_as(concat!(
        "SELECT r.id, r.version, r.status, r.started_at, r.updated_at, COALESCE(r.submitted_at, 0) AS submitted_at,
                r.pseudonym, COALESCE(u.email, '') AS email
         FROM responses r LEFT JOIN users u ON u.id = r.user_id
         WHERE r.questionnaire_id = $1 AND ($4 = '' OR r.status = $4) AND r.id > $2 AND ",
        super::store::counted!(),
        " ORDER BY r.id LIMIT $3"
    ))
    .bind(q)
    .bind(after)
    .bind(limit)
    .bind(status)
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

/// The values of the page of responses after `after` (the same page as
/// [`export_responses`]), one row per response with its values packed as
/// `question␟part␟value` joined by `␞`: a page of an export is then a few hundred rows instead
/// of tens of thousands (each row crossing from SQLite's thread costs more than the packing).
/// The page's ids come from a subquery, so that both databases probe the `answers_response`
/// index without binding hundreds of parameters.
pub async fn answers_packed(
    conn: &mut AnyConnection,
    backend: crate::Backend,
    q: &str,
    status: &str,
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
         WHERE a.response_id IN (SELECT r.id FROM responses r WHERE r.questionnaire_id = $1 AND ($4 = '' OR r.status = $4)
                                 AND r.id > $2 ORDER BY r.id LIMIT $3)
         GROUP BY a.response_id"
    );
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(q)
        .bind(after)
        .bind(limit)
        .bind(status)
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
