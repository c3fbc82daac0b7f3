//! Accounts: registration, e-mail confirmation, login with rate limiting, password reset,
//! profile, deletion, first-administrator setup and platform roles.

mod model;
pub mod password;
pub mod policy;
pub mod store;

pub use model::*;

use crate::audit::{self, Entry, action};
use crate::ids::{hash_token, new_id, new_token};
use crate::mail::{self, Message};
use crate::organisations;
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Locale, Result};

/// The registration form, parsed.
#[derive(Debug, Clone, Default)]
pub struct RegistrationInput {
    pub email: String,
    pub password: String,
    pub display_name: String,
}

impl RegistrationInput {
    fn parse(&self) -> Result<(String, String)> {
        let mut errors = FieldErrors::default();
        let email = validate::email(&mut errors, "email", &self.email);
        validate::new_password(&mut errors, "password", &self.password);
        let name = validate::text(&mut errors, "display_name", &self.display_name, false, 120);
        errors.into_result()?;
        Ok((email, name))
    }
}

/// Creates an unconfirmed account and e-mails a confirmation link. If the address is already
/// registered, the owner gets a "you already have an account" e-mail instead and the caller
/// sees the same outcome, so the form does not reveal who is registered.
pub async fn register(
    core: &Core,
    input: &RegistrationInput,
    locale: Locale,
    actor: &crate::accounts::Actor,
) -> Result<()> {
    let (email, name) = input.parse()?;
    let hash = password::hash(input.password.clone(), core.config.weak_password_hashing).await?;
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    if let Some(existing) = store::by_email(&mut tx, &email).await? {
        let existing = User::from(existing);
        let link = core.link("/password/forgot");
        mail::enqueue(
            &mut tx,
            now,
            &email,
            existing.locale,
            &Message::AlreadyRegistered { link },
        )
        .await?;
        tx.commit().await?;
        return Ok(());
    }
    let id = new_id();
    store::insert(
        &mut tx,
        store::NewUserRow {
            id: &id,
            email: &email,
            password_hash: &hash,
            display_name: &name,
            locale: locale.code(),
            role: Role::Member.code(),
            confirmed_at: None,
            is_demo: false,
            now,
        },
    )
    .await
    .map_err(|e| crate::error::on_unique(e, "email", "field-email-taken"))?;
    send_confirmation(core, &mut tx, &id, &email, &name, locale, now).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::REGISTERED)
            .target("user", &id)
            .subject(&email),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

async fn send_confirmation(
    core: &Core,
    conn: &mut sqlx::AnyConnection,
    user_id: &str,
    email: &str,
    name: &str,
    locale: Locale,
    now: i64,
) -> Result<()> {
    store::void_tokens(conn, user_id, TokenPurpose::ConfirmEmail, now).await?;
    let token = new_token()?;
    store::insert_token(
        conn,
        &hash_token(&token),
        Some(user_id),
        TokenPurpose::ConfirmEmail,
        now,
    )
    .await?;
    let link = core.link(&format!("/account/confirm/{token}"));
    let name = if name.is_empty() {
        email.to_owned()
    } else {
        name.to_owned()
    };
    mail::enqueue(
        conn,
        now,
        email,
        locale,
        &Message::ConfirmEmail { name, link },
    )
    .await?;
    Ok(())
}

/// Sends a fresh confirmation link to an unconfirmed account; silent for unknown addresses.
pub async fn resend_confirmation(core: &Core, email: &str) -> Result<()> {
    let mut errors = FieldErrors::default();
    let email = validate::email(&mut errors, "email", email);
    errors.into_result()?;
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    if let Some(row) = store::by_email(&mut tx, &email).await? {
        let user = User::from(row);
        if !user.email_confirmed {
            send_confirmation(
                core,
                &mut tx,
                &user.id,
                &user.email,
                &user.display_name,
                user.locale,
                now,
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Confirms the address behind a link. A used or expired link is a conflict with its own message.
pub async fn confirm_email(core: &Core, token: &str, actor: &Actor) -> Result<User> {
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    let Some(Some(user_id)) =
        store::consume_token(&mut tx, &hash_token(token), TokenPurpose::ConfirmEmail, now).await?
    else {
        return Err(Error::Conflict("token-invalid"));
    };
    store::set_confirmed(&mut tx, &user_id, now).await?;
    let user = store::by_id(&mut tx, &user_id)
        .await?
        .ok_or(Error::NotFound)?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::CONFIRMED)
            .target("user", &user_id)
            .subject(&user.email),
    )
    .await?;
    tx.commit().await?;
    Ok(user.into())
}

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
    let stored = row
        .as_ref()
        .map_or(password::DUMMY_HASH.to_owned(), |r| r.password_hash.clone());
    let ok = password::verify(pass.to_owned(), stored).await? && row.is_some();
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

pub async fn find(core: &Core, id: &str) -> Result<Option<User>> {
    let mut conn = core.db.pool.acquire().await?;
    Ok(store::by_id(&mut conn, id).await?.map(User::from))
}

pub async fn find_by_email(core: &Core, email: &str) -> Result<Option<User>> {
    let mut conn = core.db.pool.acquire().await?;
    Ok(store::by_email(&mut conn, &email.trim().to_lowercase())
        .await?
        .map(User::from))
}

/// The profile form.
#[derive(Debug, Clone, Default)]
pub struct ProfileInput {
    pub display_name: String,
    pub organisation_label: String,
    pub languages: Vec<String>,
    pub locale: String,
}

pub async fn update_profile(
    core: &Core,
    user: &User,
    input: &ProfileInput,
    actor: &Actor,
) -> Result<()> {
    let mut errors = FieldErrors::default();
    let name = validate::text(&mut errors, "display_name", &input.display_name, true, 120);
    let org = validate::text(
        &mut errors,
        "organisation_label",
        &input.organisation_label,
        false,
        200,
    );
    let locale = validate::choice(
        &mut errors,
        "locale",
        &input.locale,
        Locale::parse,
        Locale::Fr,
    );
    if input
        .languages
        .iter()
        .any(|l| !SPOKEN_LANGUAGES.contains(&l.as_str()))
    {
        errors.add("languages", "field-choice-invalid");
    }
    errors.into_result()?;
    let languages = input.languages.join(",");
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    store::update_profile(&mut tx, &user.id, &name, &org, &languages, locale.code()).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::PROFILE_UPDATED).target("user", &user.id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Remembers the language chosen with the switch in the header.
pub async fn set_locale(core: &Core, user: &User, locale: Locale) -> Result<()> {
    let mut conn = core.db.pool.acquire().await?;
    store::set_locale(&mut conn, &user.id, locale.code()).await?;
    Ok(())
}

/// Deletes an account after checking its password. Refused while the person is the last
/// administrator of an organisation or of the platform, so nothing is left without one.
pub async fn delete_account(core: &Core, user: &User, pass: &str, actor: &Actor) -> Result<()> {
    let mut conn = core.db.pool.acquire().await?;
    let row = store::by_id(&mut conn, &user.id)
        .await?
        .ok_or(Error::NotFound)?;
    drop(conn);
    if pass.is_empty() {
        return Err(Error::field("password", "field-required"));
    }
    if !password::verify(pass.to_owned(), row.password_hash).await? {
        return Err(Error::field("password", "field-password-wrong"));
    }
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    if user.role == Role::Administrator
        && store::count_with_role(&mut tx, Role::Administrator.code()).await? <= 1
    {
        return Err(Error::Conflict("last-platform-admin"));
    }
    if organisations::store::count_sole_admin_orgs(&mut tx, &user.id).await? > 0 {
        return Err(Error::Conflict("last-org-admin"));
    }
    crate::sessions::store::delete_for_user(&mut tx, &user.id).await?;
    store::delete(&mut tx, &user.id).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::ACCOUNT_DELETED)
            .target("user", &user.id)
            .subject(&user.email),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Changes a platform role (administrators, or the CLI when `actor_user` is `None`).
pub async fn set_role(
    core: &Core,
    actor_user: Option<&User>,
    target_id: &str,
    role: Role,
    actor: &Actor,
) -> Result<()> {
    if let Some(admin) = actor_user
        && !policy::may_set_role(admin, target_id)
    {
        return Err(Error::Forbidden);
    }
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    let target = store::by_id(&mut tx, target_id)
        .await?
        .ok_or(Error::NotFound)?;
    if target.role == Role::Administrator.code()
        && role != Role::Administrator
        && store::count_with_role(&mut tx, Role::Administrator.code()).await? <= 1
    {
        return Err(Error::Conflict("last-platform-admin"));
    }
    store::set_role(&mut tx, target_id, role.code()).await?;
    let details = format!("{} -> {}", target.role, role.code());
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::ROLE_CHANGED)
            .target("user", target_id)
            .subject(&target.email)
            .details(&details),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An account created directly, already confirmed.
#[derive(Debug, Clone, Copy)]
pub struct NewAccount<'a> {
    pub email: &'a str,
    pub password: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub locale: Locale,
    pub is_demo: bool,
}

/// Creates a confirmed account directly (CLI `admin create-user`, first-run setup, demo).
pub async fn create_confirmed(
    core: &Core,
    account: &NewAccount<'_>,
    actor: &Actor,
) -> Result<String> {
    let NewAccount {
        email,
        password: pass,
        name,
        role,
        locale,
        is_demo,
    } = *account;
    let mut errors = FieldErrors::default();
    let email = validate::email(&mut errors, "email", email);
    validate::new_password(&mut errors, "password", pass);
    let name = validate::text(&mut errors, "display_name", name, false, 120);
    errors.into_result()?;
    let hash = password::hash(pass.to_owned(), core.config.weak_password_hashing).await?;
    let now = core.clock.unix();
    let id = new_id();
    let mut tx = core.db.begin().await?;
    store::insert(
        &mut tx,
        store::NewUserRow {
            id: &id,
            email: &email,
            password_hash: &hash,
            display_name: &name,
            locale: locale.code(),
            role: role.code(),
            confirmed_at: Some(now),
            is_demo,
            now,
        },
    )
    .await
    .map_err(|e| crate::error::on_unique(e, "email", "field-email-taken"))?;
    if role == Role::Administrator {
        audit::record(
            &mut tx,
            now,
            actor,
            Entry::new(action::ADMIN_CREATED)
                .target("user", &id)
                .subject(&email),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// When no administrator exists yet, a one-time link to create the first one (printed at start).
pub async fn setup_link(core: &Core) -> Result<Option<String>> {
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    if store::count_real_admins(&mut tx).await? > 0 {
        return Ok(None);
    }
    let token = new_token()?;
    store::insert_token(&mut tx, &hash_token(&token), None, TokenPurpose::Setup, now).await?;
    tx.commit().await?;
    Ok(Some(core.link(&format!("/setup/{token}"))))
}

pub async fn setup_token_is_valid(core: &Core, token: &str) -> Result<bool> {
    let mut conn = core.db.pool.acquire().await?;
    let valid = store::token_is_valid(
        &mut conn,
        &hash_token(token),
        TokenPurpose::Setup,
        core.clock.unix(),
    )
    .await?;
    Ok(valid && store::count_real_admins(&mut conn).await? == 0)
}

/// Creates the first administrator from a setup link; the link then stops working.
pub async fn complete_setup(
    core: &Core,
    token: &str,
    input: &RegistrationInput,
    locale: Locale,
    actor: &Actor,
) -> Result<String> {
    let (email, name) = input.parse()?;
    let hash = password::hash(input.password.clone(), core.config.weak_password_hashing).await?;
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    if store::count_real_admins(&mut tx).await? > 0
        || store::consume_token(&mut tx, &hash_token(token), TokenPurpose::Setup, now)
            .await?
            .is_none()
    {
        return Err(Error::Conflict("token-invalid"));
    }
    let id = new_id();
    store::insert(
        &mut tx,
        store::NewUserRow {
            id: &id,
            email: &email,
            password_hash: &hash,
            display_name: &name,
            locale: locale.code(),
            role: Role::Administrator.code(),
            confirmed_at: Some(now),
            is_demo: false,
            now,
        },
    )
    .await
    .map_err(|e| crate::error::on_unique(e, "email", "field-email-taken"))?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::ADMIN_CREATED)
            .target("user", &id)
            .subject(&email),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn list(core: &Core, query: &str, limit: i64, offset: i64) -> Result<Vec<User>> {
    let mut conn = core.db.pool.acquire().await?;
    Ok(store::list(&mut conn, query, limit, offset)
        .await?
        .into_iter()
        .map(User::from)
        .collect())
}
