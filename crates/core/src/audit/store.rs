//! All SQL of the audit log.

use sqlx::AnyConnection;

use super::Entry;
use crate::accounts::Actor;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    pub id: String,
    pub at: i64,
    pub actor_id: Option<String>,
    pub actor_email: String,
    pub action: String,
    pub target_kind: String,
    pub target_id: String,
    pub subject: String,
    pub ip: String,
    pub details: String,
}

/// Filters of the administrators' audit page; empty strings and `None` mean "any".
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub action: String,
    /// Substring of the actor's e-mail or of the subject.
    pub who: String,
    pub ip: String,
    pub from: Option<i64>,
    pub until: Option<i64>,
}

pub async fn insert(
    conn: &mut AnyConnection,
    id: &str,
    now: i64,
    actor: &Actor,
    e: &Entry<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (id, at, actor_id, actor_email, action, target_kind, target_id, subject, ip, details)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(id)
    .bind(now)
    .bind(actor.user_id.as_deref())
    .bind(&actor.email)
    .bind(e.action)
    .bind(e.target_kind)
    .bind(e.target_id)
    .bind(e.subject)
    .bind(&actor.ip)
    .bind(e.details)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn list(
    conn: &mut AnyConnection,
    f: &AuditFilter,
    limit: i64,
    offset: i64,
) -> Result<Vec<AuditRow>, sqlx::Error> {
    let who = format!("%{}%", f.who.to_lowercase());
    sqlx::query_as(
        "SELECT id, at, actor_id, actor_email, action, target_kind, target_id, subject, ip, details
         FROM audit_log
         WHERE ($1 = '' OR action = $1)
           AND ($2 = '%%' OR LOWER(actor_email) LIKE $2 OR LOWER(subject) LIKE $2)
           AND ($3 = '' OR ip = $3)
           AND at >= $4 AND at < $5
         ORDER BY at DESC, id DESC LIMIT $6 OFFSET $7",
    )
    .bind(&f.action)
    .bind(who)
    .bind(&f.ip)
    .bind(f.from.unwrap_or(i64::MIN))
    .bind(f.until.unwrap_or(i64::MAX))
    .bind(limit)
    .bind(offset)
    .fetch_all(conn)
    .await
}

/// The newest `limit` entries about one target (an agreement's access log).
pub async fn for_target(
    conn: &mut AnyConnection,
    kind: &str,
    id: &str,
    limit: i64,
) -> Result<Vec<AuditRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, at, actor_id, actor_email, action, target_kind, target_id, subject, ip, details
         FROM audit_log WHERE target_kind = $1 AND target_id = $2
         ORDER BY at DESC, id DESC LIMIT $3",
    )
    .bind(kind)
    .bind(id)
    .bind(limit)
    .fetch_all(conn)
    .await
}
