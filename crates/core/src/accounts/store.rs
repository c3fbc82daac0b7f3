//! All SQL of accounts and their single-use tokens.

use sqlx::AnyConnection;

use super::{TokenPurpose, UserRow};

/// `SELECT <every user column> FROM users <rest>` as a static string (no formatting per query:
/// `by_id` runs on every signed-in request).
macro_rules! select_users {
    ($rest:literal) => {
        concat!(
            "SELECT id, email, password_hash, display_name, organisation_label, languages, locale, role, email_confirmed_at, is_demo, created_at, time_zone FROM users ",
            $rest
        )
    };
}

pub struct NewUserRow<'a> {
    pub id: &'a str,
    pub email: &'a str,
    pub password_hash: &'a str,
    pub display_name: &'a str,
    pub locale: &'a str,
    pub role: &'a str,
    pub confirmed_at: Option<i64>,
    pub is_demo: bool,
    pub now: i64,
}

pub async fn insert(conn: &mut AnyConnection, u: NewUserRow<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO users (id, email, password_hash, display_name, locale, role, email_confirmed_at, is_demo, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(u.id)
    .bind(u.email)
    .bind(u.password_hash)
    .bind(u.display_name)
    .bind(u.locale)
    .bind(u.role)
    .bind(u.confirmed_at)
    .bind(i64::from(u.is_demo))
    .bind(u.now)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn by_id(conn: &mut AnyConnection, id: &str) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query_as(select_users!("WHERE id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await
}

pub async fn by_email(
    conn: &mut AnyConnection,
    email: &str,
) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query_as(select_users!("WHERE email = $1"))
        .bind(email)
        .fetch_optional(conn)
        .await
}

/// Users for the administration list, newest first, filtered by a substring of e-mail or name.
pub async fn list(
    conn: &mut AnyConnection,
    query: &str,
    limit: i64,
    offset: i64,
) -> Result<Vec<UserRow>, sqlx::Error> {
    let pattern = format!("%{}%", query.to_lowercase());
    sqlx::query_as(select_users!(
        "WHERE $1 = '%%' OR email LIKE $1 OR LOWER(display_name) LIKE $1
         ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3"
    ))
    .bind(pattern)
    .bind(limit)
    .bind(offset)
    .fetch_all(conn)
    .await
}

pub async fn count_with_role(conn: &mut AnyConnection, role: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE role = $1")
        .bind(role)
        .fetch_one(conn)
        .await
}

pub async fn count_all(conn: &mut AnyConnection) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(conn)
        .await
}

/// Administrators that are not demo accounts (the setup link exists until there is one).
pub async fn count_real_admins(conn: &mut AnyConnection) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE role = 'administrator' AND is_demo = 0")
        .fetch_one(conn)
        .await
}

pub async fn set_confirmed(
    conn: &mut AnyConnection,
    id: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET email_confirmed_at = COALESCE(email_confirmed_at, $2) WHERE id = $1",
    )
    .bind(id)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn set_password(
    conn: &mut AnyConnection,
    id: &str,
    hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET password_hash = $2 WHERE id = $1")
        .bind(id)
        .bind(hash)
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn set_role(conn: &mut AnyConnection, id: &str, role: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET role = $2 WHERE id = $1")
        .bind(id)
        .bind(role)
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn set_locale(
    conn: &mut AnyConnection,
    id: &str,
    locale: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET locale = $2 WHERE id = $1")
        .bind(id)
        .bind(locale)
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn update_profile(
    conn: &mut AnyConnection,
    id: &str,
    display_name: &str,
    organisation_label: &str,
    languages: &str,
    locale: &str,
    time_zone: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET display_name = $2, organisation_label = $3, languages = $4, locale = $5, time_zone = $6 WHERE id = $1",
    )
    .bind(id)
    .bind(display_name)
    .bind(organisation_label)
    .bind(languages)
    .bind(locale)
    .bind(time_zone)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn delete(conn: &mut AnyConnection, id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM users WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn insert_token(
    conn: &mut AnyConnection,
    token_hash: &str,
    user_id: Option<&str>,
    purpose: TokenPurpose,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO user_tokens (token_hash, user_id, purpose, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(purpose.code())
    .bind(now + purpose.ttl())
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Marks a valid token used and returns its user id (`Some(None)` for user-less setup tokens).
/// Single statement, so two concurrent uses cannot both succeed.
pub async fn consume_token(
    conn: &mut AnyConnection,
    token_hash: &str,
    purpose: TokenPurpose,
    now: i64,
) -> Result<Option<Option<String>>, sqlx::Error> {
    let row: Option<(Option<String>,)> = sqlx::query_as(
        "UPDATE user_tokens SET used_at = $3
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
         RETURNING user_id",
    )
    .bind(token_hash)
    .bind(purpose.code())
    .bind(now)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(id,)| id))
}

/// Whether a token is currently usable, without using it (to show the right form).
pub async fn token_is_valid(
    conn: &mut AnyConnection,
    token_hash: &str,
    purpose: TokenPurpose,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM user_tokens WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
    )
    .bind(token_hash)
    .bind(purpose.code())
    .bind(now)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

/// Voids a user's unused tokens of one purpose (a new reset link replaces older ones).
pub async fn void_tokens(
    conn: &mut AnyConnection,
    user_id: &str,
    purpose: TokenPurpose,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE user_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL")
        .bind(user_id)
        .bind(purpose.code())
        .bind(now)
        .execute(conn)
        .await
        .map(|_| ())
}
