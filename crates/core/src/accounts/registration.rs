//! Registration, e-mail confirmation, directly created accounts and first-administrator setup.

use super::{Actor, Role, TokenPurpose, User, password, store};
use crate::audit::{self, Entry, action};
use crate::ids::{hash_token, new_id, new_token};
use crate::mail::{self, Message};
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
    let now = core.clock.unix();
    super::login::limit_mails(core, "register", &email, actor, now).await?;
    let hash = password::hash(input.password.clone(), core.config.weak_password_hashing).await?;
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
pub async fn resend_confirmation(
    core: &Core,
    email: &str,
    actor: &crate::accounts::Actor,
) -> Result<()> {
    let mut errors = FieldErrors::default();
    let email = validate::email(&mut errors, "email", email);
    errors.into_result()?;
    let now = core.clock.unix();
    super::login::limit_mails(core, "resend", &email, actor, now).await?;
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
    let mut tx = core.db.begin().await?;
    let id = insert_confirmed(
        &mut tx, &email, &hash, &name, role, locale, is_demo, now, actor,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Inserts a confirmed account on `conn`, auditing the creation of administrators.
#[allow(clippy::too_many_arguments)]
async fn insert_confirmed(
    conn: &mut sqlx::AnyConnection,
    email: &str,
    hash: &str,
    name: &str,
    role: Role,
    locale: Locale,
    is_demo: bool,
    now: i64,
    actor: &Actor,
) -> Result<String> {
    let id = new_id();
    store::insert(
        conn,
        store::NewUserRow {
            id: &id,
            email,
            password_hash: hash,
            display_name: name,
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
            conn,
            now,
            actor,
            Entry::new(action::ADMIN_CREATED)
                .target("user", &id)
                .subject(email),
        )
        .await?;
    }
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
    let id = insert_confirmed(
        &mut tx,
        &email,
        &hash,
        &name,
        Role::Administrator,
        locale,
        false,
        now,
        actor,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}
