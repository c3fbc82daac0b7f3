//! SQL of sheets: sheets, revisions, authors, comments, reviewers (the public index is in
//! `index.rs`).

use sqlx::{AnyConnection, AssertSqlSafe};

use crate::db::slots;

type R<T> = Result<T, sqlx::Error>;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SheetRow {
    pub id: String,
    pub kind: String,
    pub status: String,
    pub title: String,
    pub revision: i64,
    pub published_revision: Option<i64>,
    pub created_by: Option<String>,
    pub source_kind: String,
    pub source_id: String,
    pub source_label: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub published_at: Option<i64>,
}

const COLUMNS: &str = "SELECT id, kind, status, title, revision, published_revision, created_by, source_kind, source_id, source_label, created_at, updated_at, published_at FROM sheets";

pub async fn insert(conn: &mut AnyConnection, s: &SheetRow, is_demo: bool) -> R<()> {
    sqlx::query(
        "INSERT INTO sheets (id, kind, status, title, revision, published_revision, created_by, source_kind, source_id, source_label, created_at, updated_at, published_at, is_demo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(&s.id)
    .bind(&s.kind)
    .bind(&s.status)
    .bind(&s.title)
    .bind(s.revision)
    .bind(s.published_revision)
    .bind(&s.created_by)
    .bind(&s.source_kind)
    .bind(&s.source_id)
    .bind(&s.source_label)
    .bind(s.created_at)
    .bind(s.updated_at)
    .bind(s.published_at)
    .bind(i64::from(is_demo))
    .execute(conn)
    .await
    .map(|_| ())
}

/// Writes the state of a sheet, only if its latest revision is still `expected_revision`:
/// `false` means someone else saved first.
pub async fn update(conn: &mut AnyConnection, s: &SheetRow, expected_revision: i64) -> R<bool> {
    let done = sqlx::query(
        "UPDATE sheets SET status = $2, title = $3, revision = $4, published_revision = $5, updated_at = $6, published_at = $7
         WHERE id = $1 AND revision = $8",
    )
    .bind(&s.id)
    .bind(&s.status)
    .bind(&s.title)
    .bind(s.revision)
    .bind(s.published_revision)
    .bind(s.updated_at)
    .bind(s.published_at)
    .bind(expected_revision)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn find(conn: &mut AnyConnection, id: &str) -> R<Option<SheetRow>> {
    sqlx::query_as(AssertSqlSafe(format!("{COLUMNS} WHERE id = $1")))
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// Sheets `user` writes, newest change first.
pub async fn by_author(conn: &mut AnyConnection, user: &str) -> R<Vec<SheetRow>> {
    sqlx::query_as(AssertSqlSafe(format!(
        "{COLUMNS} WHERE id IN (SELECT sheet_id FROM sheet_authors WHERE user_id = $1) ORDER BY updated_at DESC, id"
    )))
    .bind(user)
    .fetch_all(conn)
    .await
}

/// Sheets in a status (the review queue), oldest change first.
pub async fn by_status(conn: &mut AnyConnection, status: &str, limit: i64) -> R<Vec<SheetRow>> {
    sqlx::query_as(AssertSqlSafe(format!(
        "{COLUMNS} WHERE status = $1 ORDER BY updated_at, id LIMIT $2"
    )))
    .bind(status)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// The published revision of each of `ids` (not archived): `(id, revision, content)`.
pub async fn published_revisions(
    conn: &mut AnyConnection,
    ids: &[String],
) -> R<Vec<(String, i64, String)>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let mut q = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT s.id, r.number, r.content FROM sheets s
         JOIN sheet_revisions r ON r.sheet_id = s.id AND r.number = s.published_revision
         WHERE s.status <> 'archived' AND s.id IN ({})",
        slots(ids.len())
    )));
    for id in ids {
        q = q.bind(id.clone());
    }
    q.fetch_all(conn).await
}

/// The contents of given revisions `(sheet id, revision)`, whatever the sheets became since,
/// unless archived (taken down): `(id, content)`.
pub async fn revision_contents(
    conn: &mut AnyConnection,
    pairs: &[(String, i64)],
) -> R<Vec<(String, String)>> {
    if pairs.is_empty() {
        return Ok(vec![]);
    }
    let test: Vec<String> = (0..pairs.len())
        .map(|i| {
            format!(
                "(r.sheet_id = ${} AND r.number = ${})",
                2 * i + 1,
                2 * i + 2
            )
        })
        .collect();
    let mut q = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT r.sheet_id, r.content FROM sheet_revisions r JOIN sheets s ON s.id = r.sheet_id
         WHERE s.status <> 'archived' AND ({})",
        test.join(" OR ")
    )));
    for (id, n) in pairs {
        q = q.bind(id.clone()).bind(*n);
    }
    q.fetch_all(conn).await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RevisionRow {
    pub sheet_id: String,
    pub number: i64,
    pub content: String,
    pub author_id: Option<String>,
    pub author_name: String,
    pub note: String,
    pub created_at: i64,
}

pub async fn insert_revision(conn: &mut AnyConnection, r: &RevisionRow) -> R<()> {
    sqlx::query(
        "INSERT INTO sheet_revisions (sheet_id, number, content, author_id, author_name, note, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&r.sheet_id)
    .bind(r.number)
    .bind(&r.content)
    .bind(&r.author_id)
    .bind(&r.author_name)
    .bind(&r.note)
    .bind(r.created_at)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn revision(
    conn: &mut AnyConnection,
    sheet: &str,
    number: i64,
) -> R<Option<RevisionRow>> {
    sqlx::query_as(
        "SELECT sheet_id, number, content, author_id, author_name, note, created_at FROM sheet_revisions WHERE sheet_id = $1 AND number = $2",
    )
    .bind(sheet)
    .bind(number)
    .fetch_optional(conn)
    .await
}

/// The revisions of a sheet from `from` on, with their content, oldest first (merging a save
/// made from revision `from`).
pub async fn revisions_from(
    conn: &mut AnyConnection,
    sheet: &str,
    from: i64,
) -> R<Vec<RevisionRow>> {
    sqlx::query_as(
        "SELECT sheet_id, number, content, author_id, author_name, note, created_at FROM sheet_revisions
         WHERE sheet_id = $1 AND number >= $2 ORDER BY number",
    )
    .bind(sheet)
    .bind(from)
    .fetch_all(conn)
    .await
}

/// Every revision of a sheet, newest first, without their content.
pub async fn revisions(conn: &mut AnyConnection, sheet: &str) -> R<Vec<RevisionRow>> {
    sqlx::query_as(
        "SELECT sheet_id, number, '' AS content, author_id, author_name, note, created_at FROM sheet_revisions WHERE sheet_id = $1 ORDER BY number DESC",
    )
    .bind(sheet)
    .fetch_all(conn)
    .await
}

pub async fn add_author(conn: &mut AnyConnection, sheet: &str, user: &str, now: i64) -> R<()> {
    sqlx::query(
        "INSERT INTO sheet_authors (sheet_id, user_id, added_at) VALUES ($1, $2, $3) ON CONFLICT (sheet_id, user_id) DO NOTHING",
    )
    .bind(sheet)
    .bind(user)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// `(user id, display name, e-mail, locale)` of a sheet's authors, first author first.
pub async fn authors(
    conn: &mut AnyConnection,
    sheet: &str,
) -> R<Vec<(String, String, String, String)>> {
    sqlx::query_as(
        "SELECT u.id, u.display_name, u.email, u.locale FROM sheet_authors a JOIN users u ON u.id = a.user_id
         WHERE a.sheet_id = $1 ORDER BY a.added_at, u.id",
    )
    .bind(sheet)
    .fetch_all(conn)
    .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CommentRow {
    pub id: String,
    pub sheet_id: String,
    pub revision: i64,
    pub field: String,
    pub body: String,
    pub author_id: Option<String>,
    pub author_name: String,
    pub created_at: i64,
    pub resolved_at: Option<i64>,
}

pub async fn insert_comment(conn: &mut AnyConnection, c: &CommentRow) -> R<()> {
    sqlx::query(
        "INSERT INTO sheet_comments (id, sheet_id, revision, field, body, author_id, author_name, created_at, resolved_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&c.id)
    .bind(&c.sheet_id)
    .bind(c.revision)
    .bind(&c.field)
    .bind(&c.body)
    .bind(&c.author_id)
    .bind(&c.author_name)
    .bind(c.created_at)
    .bind(c.resolved_at)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn comments(conn: &mut AnyConnection, sheet: &str) -> R<Vec<CommentRow>> {
    sqlx::query_as(
        "SELECT id, sheet_id, revision, field, body, author_id, author_name, created_at, resolved_at
         FROM sheet_comments WHERE sheet_id = $1 ORDER BY created_at, id",
    )
    .bind(sheet)
    .fetch_all(conn)
    .await
}

/// Marks open comments resolved: a new revision was submitted in answer to them.
pub async fn resolve_comments(conn: &mut AnyConnection, sheet: &str, now: i64) -> R<()> {
    sqlx::query(
        "UPDATE sheet_comments SET resolved_at = $2 WHERE sheet_id = $1 AND resolved_at IS NULL",
    )
    .bind(sheet)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn is_reviewer(conn: &mut AnyConnection, user: &str) -> R<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sheet_reviewers WHERE user_id = $1")
        .bind(user)
        .fetch_one(conn)
        .await?;
    Ok(n > 0)
}

pub async fn add_reviewer(conn: &mut AnyConnection, user: &str, by: &str, now: i64) -> R<()> {
    sqlx::query(
        "INSERT INTO sheet_reviewers (user_id, added_by, added_at) VALUES ($1, $2, $3) ON CONFLICT (user_id) DO NOTHING",
    )
    .bind(user)
    .bind(by)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn remove_reviewer(conn: &mut AnyConnection, user: &str) -> R<()> {
    sqlx::query("DELETE FROM sheet_reviewers WHERE user_id = $1")
        .bind(user)
        .execute(conn)
        .await
        .map(|_| ())
}

/// `(user id, display name, e-mail)` of named reviewers.
pub async fn reviewers(conn: &mut AnyConnection) -> R<Vec<(String, String, String)>> {
    sqlx::query_as(
        "SELECT u.id, u.display_name, u.email FROM sheet_reviewers r JOIN users u ON u.id = r.user_id ORDER BY u.display_name, u.id",
    )
    .fetch_all(conn)
    .await
}

/// `(user id, address, language)` of who reviews submitted sheets: the named reviewers, or the
/// coordinators when nobody is named.
pub async fn review_mailboxes(conn: &mut AnyConnection) -> R<Vec<(String, String, String)>> {
    sqlx::query_as(
        "SELECT u.id, u.email, u.locale FROM users u
         WHERE u.id IN (SELECT user_id FROM sheet_reviewers)
            OR (NOT EXISTS (SELECT 1 FROM sheet_reviewers) AND u.role = 'coordinator')
         ORDER BY u.email",
    )
    .fetch_all(conn)
    .await
}

/// Titles of the given sheets, in the order given (unknown ids left out).
pub async fn titles(conn: &mut AnyConnection, ids: &[String]) -> R<Vec<String>> {
    let mut found: Vec<(String, String)> = vec![];
    for chunk in ids.chunks(200) {
        let mut query = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT id, title FROM sheets WHERE id IN ({})",
            slots(chunk.len())
        )));
        for id in chunk {
            query = query.bind(id.clone());
        }
        found.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(ids
        .iter()
        .filter_map(|id| found.iter().find(|(i, _)| i == id).map(|(_, t)| t.clone()))
        .collect())
}
