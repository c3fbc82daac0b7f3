//! All SQL of syntheses and their revisions.

use sqlx::{AnyConnection, AssertSqlSafe};

type R<T> = Result<T, sqlx::Error>;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SynthesisRow {
    pub id: String,
    pub status: String,
    pub title: String,
    pub revision: i64,
    pub published_revision: Option<i64>,
    pub created_by: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub published_at: Option<i64>,
}

const COLUMNS: &str = "SELECT id, status, title, revision, published_revision, created_by, created_at, updated_at, published_at FROM syntheses";

pub async fn insert(conn: &mut AnyConnection, s: &SynthesisRow, is_demo: bool) -> R<()> {
    sqlx::query(
        "INSERT INTO syntheses (id, status, title, revision, published_revision, created_by, created_at, updated_at, published_at, is_demo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&s.id)
    .bind(&s.status)
    .bind(&s.title)
    .bind(s.revision)
    .bind(s.published_revision)
    .bind(&s.created_by)
    .bind(s.created_at)
    .bind(s.updated_at)
    .bind(s.published_at)
    .bind(i64::from(is_demo))
    .execute(conn)
    .await
    .map(|_| ())
}

/// Writes the state of a synthesis if its latest revision is still `expected`.
pub async fn update(conn: &mut AnyConnection, s: &SynthesisRow, expected: i64) -> R<bool> {
    let done = sqlx::query(
        "UPDATE syntheses SET status = $2, title = $3, revision = $4, published_revision = $5, updated_at = $6, published_at = $7
         WHERE id = $1 AND revision = $8",
    )
    .bind(&s.id)
    .bind(&s.status)
    .bind(&s.title)
    .bind(s.revision)
    .bind(s.published_revision)
    .bind(s.updated_at)
    .bind(s.published_at)
    .bind(expected)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn find(conn: &mut AnyConnection, id: &str) -> R<Option<SynthesisRow>> {
    sqlx::query_as(AssertSqlSafe(format!("{COLUMNS} WHERE id = $1")))
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// Published syntheses, newest first; with `all`, drafts too.
pub async fn list(conn: &mut AnyConnection, all: bool) -> R<Vec<SynthesisRow>> {
    let filter = if all {
        ""
    } else {
        "WHERE published_revision IS NOT NULL"
    };
    sqlx::query_as(AssertSqlSafe(format!(
        "{COLUMNS} {filter} ORDER BY updated_at DESC, id"
    )))
    .fetch_all(conn)
    .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RevisionRow {
    pub number: i64,
    pub content: String,
    pub author_name: String,
    pub note: String,
    pub created_at: i64,
    /// Once published: the sheets it gathers, fixed (`[[sheet id, sheet revision], …]`).
    pub published_sheets: Option<String>,
    /// When it was (last) published.
    pub published_at: Option<i64>,
}

/// Fixes the sheets of revision `number` as it is published.
pub async fn fix_revision(
    conn: &mut AnyConnection,
    id: &str,
    number: i64,
    sheets: &str,
    now: i64,
) -> R<()> {
    sqlx::query(
        "UPDATE synthesis_revisions SET published_sheets = $3, published_at = $4 WHERE synthesis_id = $1 AND number = $2",
    )
    .bind(id)
    .bind(number)
    .bind(sheets)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_revision(
    conn: &mut AnyConnection,
    id: &str,
    number: i64,
    content: &str,
    author_id: &str,
    author_name: &str,
    note: &str,
    now: i64,
) -> R<()> {
    sqlx::query(
        "INSERT INTO synthesis_revisions (synthesis_id, number, content, author_id, author_name, note, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(number)
    .bind(content)
    .bind(author_id)
    .bind(author_name)
    .bind(note)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn revision(conn: &mut AnyConnection, id: &str, number: i64) -> R<Option<RevisionRow>> {
    sqlx::query_as(
        "SELECT number, content, author_name, note, created_at, published_sheets, published_at
         FROM synthesis_revisions WHERE synthesis_id = $1 AND number = $2",
    )
    .bind(id)
    .bind(number)
    .fetch_optional(conn)
    .await
}

/// Revisions newest first, without their content.
pub async fn revisions(conn: &mut AnyConnection, id: &str) -> R<Vec<RevisionRow>> {
    sqlx::query_as(
        "SELECT number, '' AS content, author_name, note, created_at, NULL AS published_sheets, published_at
         FROM synthesis_revisions WHERE synthesis_id = $1 ORDER BY number DESC",
    )
    .bind(id)
    .fetch_all(conn)
    .await
}

pub async fn delete_demo(conn: &mut AnyConnection) -> R<()> {
    sqlx::query("DELETE FROM syntheses WHERE is_demo = 1")
        .execute(conn)
        .await
        .map(|_| ())
}
