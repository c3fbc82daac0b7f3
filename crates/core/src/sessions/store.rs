//! All SQL of sessions.

use sqlx::AnyConnection;

/// `(data, expires_at)` of a live session.
pub async fn load(
    conn: &mut AnyConnection,
    id: &str,
    now: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT data FROM sessions WHERE id = $1 AND expires_at > $2")
        .bind(id)
        .bind(now)
        .fetch_optional(conn)
        .await
}

pub async fn save(
    conn: &mut AnyConnection,
    id: &str,
    user_id: Option<&str>,
    data: &str,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sessions (id, user_id, data, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, data = excluded.data, expires_at = excluded.expires_at",
    )
    .bind(id)
    .bind(user_id)
    .bind(data)
    .bind(expires_at)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Inserts only if the id is free; `false` on a collision (tower-sessions then picks another id).
pub async fn create(
    conn: &mut AnyConnection,
    id: &str,
    user_id: Option<&str>,
    data: &str,
    expires_at: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO sessions (id, user_id, data, expires_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(user_id)
    .bind(data)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn delete(conn: &mut AnyConnection, id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Ends every session of a person but one (the one changing their password).
pub async fn delete_for_user_except(
    conn: &mut AnyConnection,
    user_id: &str,
    keep: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id <> $2")
        .bind(user_id)
        .bind(keep)
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn delete_for_user(conn: &mut AnyConnection, user_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(conn)
        .await
        .map(|_| ())
}
