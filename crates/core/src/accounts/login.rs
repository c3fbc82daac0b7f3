//! Login with rate limiting, logout, and password reset by e-mail.

use super::{Actor, TokenPurpose, User, password, store};
use crate::audit::{self, Entry, action};
use crate::ids::{hash_token, new_token};
use crate::mail::{self, Message};
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Result};

/// Checks an e-mail and password. Failures are audited and double as rate-limit counters:
/// past the configured number of failures per address (or per client) within the window,
/// even a correct password is refused until the window moves on.
pub async fn authenticate(core: &Core, email: &str, pass: &str, actor: &Actor) -> Result<User> {
    let mut errors = FieldErrors::default();
    let email = validate::email(&mut errors, "email", email);
    if pass.is_empty() {
        errors.add("password", "field-required");
    }
    errors.into_result()?;
    let now = core.clock.unix();
    let limits = &core.config.login;
    let since = now - limits.window_secs;
    let mut conn = core.db.pool.acquire().await?;
    let by_email =
        audit::store::count_recent(&mut conn, action::LOGIN_FAILED, Some(&email), None, since)
            .await?;
    let by_ip = audit::store::count_recent(
        &mut conn,
        action::LOGIN_FAILED,
        None,
        Some(&actor.ip),
        since,
    )
    .await?;
    if by_email >= limits.max_failures_per_email
        || (!actor.ip.is_empty() && by_ip >= limits.max_failures_per_ip)
    {
        let oldest = audit::store::oldest_recent(&mut conn, action::LOGIN_FAILED, &email, since)
            .await?
            .unwrap_or(now);
        return Err(Error::RateLimited {
            retry_after: (oldest + limits.window_secs - now).max(60),
        });
    }
    let row = store::by_email(&mut conn, &email).await?;
    drop(conn);
    let ok = match &row {
        Some(r) => password::verify(pass.to_owned(), r.password_hash.clone()).await?,
        None => password::verify_dummy(pass.to_owned()).await?,
    };
    let mut tx = core.db.begin().await?;
    match row {
        Some(row) if ok => {
            let user = User::from(row);
            if !user.email_confirmed {
                tx.commit().await?;
                return Err(Error::Conflict("email-unconfirmed"));
            }
            audit::record(
                &mut tx,
                now,
                &Actor::user(&user, actor.ip.clone()),
                Entry::new(action::LOGIN)
                    .target("user", &user.id)
                    .subject(&user.email),
            )
            .await?;
            tx.commit().await?;
            Ok(user)
        }
        _ => {
            audit::record(
                &mut tx,
                now,
                actor,
                Entry::new(action::LOGIN_FAILED).subject(&email),
            )
            .await?;
            tx.commit().await?;
            Err(Error::field("password", "login-failed"))
        }
    }
}

pub async fn record_logout(core: &Core, user: &User, actor: &Actor) -> Result<()> {
    let mut conn = core.db.pool.acquire().await?;
    audit::record(
        &mut conn,
        core.clock.unix(),
        actor,
        Entry::new(action::LOGOUT).target("user", &user.id),
    )
    .await?;
    Ok(())
}

/// E-mails a reset link if the address belongs to an account; says nothing either way.
pub async fn request_password_reset(core: &Core, email: &str) -> Result<()> {
    let mut errors = FieldErrors::default();
    let email = validate::email(&mut errors, "email", email);
    errors.into_result()?;
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    if let Some(row) = store::by_email(&mut tx, &email).await? {
        let user = User::from(row);
        store::void_tokens(&mut tx, &user.id, TokenPurpose::ResetPassword, now).await?;
        let token = new_token()?;
        store::insert_token(
            &mut tx,
            &hash_token(&token),
            Some(&user.id),
            TokenPurpose::ResetPassword,
            now,
        )
        .await?;
        let link = core.link(&format!("/password/reset/{token}"));
        mail::enqueue(
            &mut tx,
            now,
            &user.email,
            user.locale,
            &Message::ResetPassword {
                name: user.name().to_owned(),
                link,
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn reset_token_is_valid(core: &Core, token: &str) -> Result<bool> {
    let mut conn = core.db.pool.acquire().await?;
    Ok(store::token_is_valid(
        &mut conn,
        &hash_token(token),
        TokenPurpose::ResetPassword,
        core.clock.unix(),
    )
    .await?)
}

/// Sets a new password from a reset link, confirms the address (the link proved it) and ends
/// every session of the account.
pub async fn reset_password(
    core: &Core,
    token: &str,
    new_password: &str,
    actor: &Actor,
) -> Result<()> {
    let mut errors = FieldErrors::default();
    validate::new_password(&mut errors, "password", new_password);
    errors.into_result()?;
    let hash = password::hash(new_password.to_owned(), core.config.weak_password_hashing).await?;
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    let Some(Some(user_id)) = store::consume_token(
        &mut tx,
        &hash_token(token),
        TokenPurpose::ResetPassword,
        now,
    )
    .await?
    else {
        return Err(Error::Conflict("token-invalid"));
    };
    store::set_password(&mut tx, &user_id, &hash).await?;
    store::set_confirmed(&mut tx, &user_id, now).await?;
    crate::sessions::store::delete_for_user(&mut tx, &user_id).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::PASSWORD_RESET).target("user", &user_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
