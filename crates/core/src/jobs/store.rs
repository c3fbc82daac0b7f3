//! All SQL of the job queue.

use sqlx::AnyConnection;

use crate::Backend;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct JobRow {
    pub id: String,
    pub kind: String,
    pub payload: String,
    pub attempts: i64,
    pub max_attempts: i64,
}

pub async fn insert(
    conn: &mut AnyConnection,
    id: &str,
    kind: &str,
    payload: &str,
    run_at: i64,
    max_attempts: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO jobs (id, kind, payload, run_at, max_attempts, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(kind)
    .bind(payload)
    .bind(run_at)
    .bind(max_attempts)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Takes the oldest due job and leases it for `lease` seconds, in one statement.
pub async fn claim(
    conn: &mut AnyConnection,
    backend: Backend,
    now: i64,
    lease: i64,
) -> Result<Option<JobRow>, sqlx::Error> {
    // SQLite serialises writers, so the single UPDATE is already atomic; PostgreSQL needs the
    // row lock, and SKIP LOCKED lets concurrent workers take different jobs.
    let sql = match backend {
        Backend::Sqlite => {
            "UPDATE jobs SET locked_until = $1, attempts = attempts + 1
             WHERE id = (SELECT id FROM jobs
                         WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= $2
                           AND (locked_until IS NULL OR locked_until < $2)
                         ORDER BY run_at, id LIMIT 1)
             RETURNING id, kind, payload, attempts, max_attempts"
        }
        Backend::Postgres => {
            "UPDATE jobs SET locked_until = $1, attempts = attempts + 1
             WHERE id = (SELECT id FROM jobs
                         WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= $2
                           AND (locked_until IS NULL OR locked_until < $2)
                         ORDER BY run_at, id LIMIT 1
                         FOR UPDATE SKIP LOCKED)
             RETURNING id, kind, payload, attempts, max_attempts"
        }
    };
    sqlx::query_as(sql)
        .bind(now + lease)
        .bind(now)
        .fetch_optional(conn)
        .await
}

pub async fn complete(conn: &mut AnyConnection, id: &str, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE jobs SET done_at = $2, locked_until = NULL, last_error = NULL WHERE id = $1",
    )
    .bind(id)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn retry(
    conn: &mut AnyConnection,
    id: &str,
    error: &str,
    run_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE jobs SET run_at = $2, locked_until = NULL, last_error = $3 WHERE id = $1")
        .bind(id)
        .bind(run_at)
        .bind(error)
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn fail(
    conn: &mut AnyConnection,
    id: &str,
    error: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE jobs SET failed_at = $2, locked_until = NULL, last_error = $3 WHERE id = $1",
    )
    .bind(id)
    .bind(now)
    .bind(error)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Counts of pending, done and failed jobs, for the administration page.
pub async fn counts(conn: &mut AnyConnection) -> Result<(i64, i64, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT
           COALESCE(SUM(CASE WHEN done_at IS NULL AND failed_at IS NULL THEN 1 ELSE 0 END), 0),
           COALESCE(SUM(CASE WHEN done_at IS NOT NULL THEN 1 ELSE 0 END), 0),
           COALESCE(SUM(CASE WHEN failed_at IS NOT NULL THEN 1 ELSE 0 END), 0)
         FROM jobs",
    )
    .fetch_one(conn)
    .await
}

/// Enqueues the hourly `cleanup` and `sweep` jobs unless one of each is already pending
/// (several instances may ask at once; at worst two run, which is harmless).
pub async fn schedule_periodic(conn: &mut AnyConnection, now: i64) -> Result<(), sqlx::Error> {
    for kind in ["cleanup", "sweep"] {
        sqlx::query(
            "INSERT INTO jobs (id, kind, payload, run_at, max_attempts, created_at)
             SELECT $1, $3, '{\"kind\":\"' || $3 || '\"}', $2, 3, $2
             WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE kind = $3 AND done_at IS NULL AND failed_at IS NULL)",
        )
        .bind(crate::ids::new_id())
        .bind(now)
        .bind(kind)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Deletes expired sessions, old tokens, finished jobs older than 30 days and rate-limit
/// windows that ended a day ago or more.
pub async fn cleanup(conn: &mut AnyConnection, now: i64) -> Result<(), sqlx::Error> {
    crate::throttle::delete_ended(conn, now - 86400).await?;
    sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
        .bind(now)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM user_tokens WHERE expires_at < $1")
        .bind(now - 30 * 86400)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM jobs WHERE done_at IS NOT NULL AND done_at < $1")
        .bind(now - 30 * 86400)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
