//! All SQL of the outbox (`emails`).

use sqlx::AnyConnection;

use super::Rendered;

pub const STATUS_QUEUED: &str = "queued";
pub const STATUS_SENT: &str = "sent";
/// Kept in the outbox because no SMTP relay is configured.
pub const STATUS_OUTBOX: &str = "outbox";
pub const STATUS_FAILED: &str = "failed";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EmailRow {
    pub id: String,
    pub to_address: String,
    pub locale: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub status: String,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub sent_at: Option<i64>,
}

pub async fn insert(
    conn: &mut AnyConnection,
    id: &str,
    to: &str,
    locale: &str,
    r: &Rendered,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO emails (id, to_address, locale, subject, body_text, body_html, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id)
    .bind(to)
    .bind(locale)
    .bind(&r.subject)
    .bind(&r.text)
    .bind(&r.html)
    .bind(STATUS_QUEUED)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn by_id(conn: &mut AnyConnection, id: &str) -> Result<Option<EmailRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, to_address, locale, subject, body_text, body_html, status, last_error, created_at, sent_at
         FROM emails WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Newest first, optionally only those addressed to `to`.
pub async fn list(
    conn: &mut AnyConnection,
    to: &str,
    limit: i64,
    offset: i64,
) -> Result<Vec<EmailRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, to_address, locale, subject, body_text, body_html, status, last_error, created_at, sent_at
         FROM emails WHERE ($1 = '' OR to_address = $1)
         ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3",
    )
    .bind(to)
    .bind(limit)
    .bind(offset)
    .fetch_all(conn)
    .await
}

pub async fn set_status(
    conn: &mut AnyConnection,
    id: &str,
    status: &str,
    error: Option<&str>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE emails SET status = $2, last_error = $3, sent_at = $4 WHERE id = $1")
        .bind(id)
        .bind(status)
        .bind(error)
        .bind((status == STATUS_SENT).then_some(now))
        .execute(conn)
        .await
        .map(|_| ())
}
