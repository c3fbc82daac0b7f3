//! Login with rate limiting, logout, and password reset by e-mail.

use super::{Actor, TokenPurpose, User, password, store};
use crate::audit::{self, Entry, action};
use crate::ids::{hash_token, new_token};
use crate::mail::{self, Message};
use crate::throttle::{self, Limit};
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Result};

/// The rate-limit keys of a login attempt: per address and per client.
fn login_keys(email: &str, ip: &str) -> (String, String) {
    (
        format!("login-email:{email}"),
        format!("login-ip:{}", throttle::client(ip)),
    )
}

/// Checks an e-mail and password. Each attempt is counted before the password is checked
/// (see [`throttle`]), per address and per client; past the configured number within the
/// window, even a correct password is refused until the window moves on or the owner of the
/// address follows the unlock link e-mailed at the first refusal. A login that succeeds gives
/// its attempt back, so only failures add up. Failures are audited.
pub async fn authenticate(core: &Core, email: &str, pass: &str, actor: &Actor) -> Result<User> {
    let mut errors = FieldErrors::default();
    let email = validate::email(&mut errors, "email", email);
    if pass.is_empty() {
        errors.add("password", "field-required");
    }
    errors.into_result()?;
    let now = core.clock.unix();
    let limits = &core.config.login;
    let by_email_limit = Limit {
        max: limits.max_failures_per_email,
        window_secs: limits.window_secs,
    };
    let by_ip_limit = Limit {
        max: limits.max_failures_per_ip,
        window_secs: limits.window_secs,
    };
    let (email_key, ip_key) = login_keys(&email, &actor.ip);
    let mut conn = core.db.pool.acquire().await?;
    // The client first: one past its limit touches no address's counter, so it cannot lock
    // accounts or have unlock links sent on and on.
    let by_ip = if actor.ip.is_empty() {
        None
    } else {
        Some(throttle::hit(&mut conn, &ip_key, by_ip_limit, now).await?)
    };
    if let Some(by_ip) = by_ip.filter(|c| c.over(by_ip_limit)) {
        return Err(by_ip.refusal(by_ip_limit, now));
    }
    let by_email = throttle::hit(&mut conn, &email_key, by_email_limit, now).await?;
    if by_email.over(by_email_limit) {
        if by_email.first_over(by_email_limit) {
            drop(conn);
            send_unlock_link(core, &email, actor, now).await?;
        }
        return Err(by_email.refusal(by_email_limit, now));
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
            throttle::refund(&mut tx, &email_key).await?;
            if by_ip.is_some() {
                throttle::refund(&mut tx, &ip_key).await?;
            }
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

/// At the first refused login of a window, e-mails the owner of the address (if it is an
/// account) a single-use link that ends the lock at once: anyone can lock an account by typing
/// wrong passwords, only its owner can lift the lock early. Audited either way.
async fn send_unlock_link(core: &Core, email: &str, actor: &Actor, now: i64) -> Result<()> {
    let mut tx = core.db.begin().await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::LOGIN_LOCKED).subject(email),
    )
    .await?;
    if let Some(row) = store::by_email(&mut tx, email).await? {
        let user = User::from(row);
        send_link(
            core,
            &mut tx,
            &user,
            (TokenPurpose::Unlock, "/login/unlock"),
            now,
            |name, link| Message::UnlockAccount { name, link },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Replaces `user`'s unused links of `purpose` by a new one (`{path}/{token}`) and e-mails
/// it, in the message `message` makes of the person's name and the link.
async fn send_link(
    core: &Core,
    tx: &mut sqlx::AnyConnection,
    user: &User,
    (purpose, path): (TokenPurpose, &str),
    now: i64,
    message: impl FnOnce(String, String) -> Message,
) -> Result<()> {
    store::void_tokens(tx, &user.id, purpose, now).await?;
    let token = new_token()?;
    store::insert_token(tx, &hash_token(&token), Some(&user.id), purpose, now).await?;
    let link = core.link(&format!("{path}/{token}"));
    mail::enqueue(
        tx,
        now,
        &user.email,
        user.locale,
        &message(user.name().to_owned(), link),
    )
    .await?;
    Ok(())
}

/// Whether a link sent by e-mail for `purpose` can still be used (to show the right page).
async fn link_is_valid(core: &Core, token: &str, purpose: TokenPurpose) -> Result<bool> {
    let mut conn = core.db.pool.acquire().await?;
    Ok(store::token_is_valid(&mut conn, &hash_token(token), purpose, core.clock.unix()).await?)
}

pub async fn unlock_token_is_valid(core: &Core, token: &str) -> Result<bool> {
    link_is_valid(core, token, TokenPurpose::Unlock).await
}

/// Ends the login lock of the address the unlock link was sent to; returns that address.
pub async fn unlock(core: &Core, token: &str, actor: &Actor) -> Result<String> {
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    let Some(Some(user_id)) =
        store::consume_token(&mut tx, &hash_token(token), TokenPurpose::Unlock, now).await?
    else {
        return Err(Error::Conflict("token-invalid"));
    };
    let Some(row) = store::by_id(&mut tx, &user_id).await? else {
        return Err(Error::Conflict("token-invalid"));
    };
    let user = User::from(row);
    let (email_key, _) = login_keys(&user.email, "");
    throttle::clear(&mut tx, &email_key).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::LOGIN_UNLOCKED)
            .target("user", &user.id)
            .subject(&user.email),
    )
    .await?;
    tx.commit().await?;
    Ok(user.email)
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
/// Requests are counted per address and per client like logins, so that nobody can flood an
/// inbox: past the limit the request is refused (the same way whether or not the address is
/// an account's).
pub async fn request_password_reset(core: &Core, email: &str, actor: &Actor) -> Result<()> {
    let mut errors = FieldErrors::default();
    let email = validate::email(&mut errors, "email", email);
    errors.into_result()?;
    let now = core.clock.unix();
    limit_mails(core, "reset", &email, actor, now).await?;
    let mut tx = core.db.begin().await?;
    if let Some(row) = store::by_email(&mut tx, &email).await? {
        let user = User::from(row);
        send_link(
            core,
            &mut tx,
            &user,
            (TokenPurpose::ResetPassword, "/password/reset"),
            now,
            |name, link| Message::ResetPassword { name, link },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Counts a request of an anonymous form that e-mails `email` (`kind`: `reset`, `register`,
/// `resend`), per client and per address (`login.max_resets_per_ip`, `…_per_email`), so that
/// nobody can flood an inbox or keep the hashing slots busy through it: past a limit the
/// request is refused, the same way whether or not the address is an account's. The client is
/// counted first: one past its limit touches no address's counter.
pub(crate) async fn limit_mails(
    core: &Core,
    kind: &str,
    email: &str,
    actor: &Actor,
    now: i64,
) -> Result<()> {
    let limits = &core.config.login;
    let per = |max| Limit {
        max,
        window_secs: limits.window_secs,
    };
    let mut checks = Vec::new();
    if !actor.ip.is_empty() {
        let key = format!("{kind}-ip:{}", throttle::client(&actor.ip));
        checks.push((key, per(limits.max_resets_per_ip)));
    }
    checks.push((
        format!("{kind}-email:{email}"),
        per(limits.max_resets_per_email),
    ));
    let mut conn = core.db.pool.acquire().await?;
    for (key, limit) in checks {
        let count = throttle::hit(&mut conn, &key, limit, now).await?;
        if count.over(limit) {
            return Err(count.refusal(limit, now));
        }
    }
    Ok(())
}

pub async fn reset_token_is_valid(core: &Core, token: &str) -> Result<bool> {
    link_is_valid(core, token, TokenPurpose::ResetPassword).await
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
    // A dead link costs no hashing (anyone may post to any token).
    if !reset_token_is_valid(core, token).await? {
        return Err(Error::Conflict("token-invalid"));
    }
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
    // The link proved the address: its login lock (if any) ends with the new password.
    if let Some(row) = store::by_id(&mut tx, &user_id).await? {
        throttle::clear(&mut tx, &login_keys(&row.email, "").0).await?;
    }
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
