//! Accounts: registration, e-mail confirmation, login with rate limiting, password reset,
//! profile, deletion, first-administrator setup and platform roles.

mod login;
mod model;
pub mod password;
pub mod policy;
mod registration;
pub mod store;

pub use login::*;
pub use model::*;
pub use registration::*;

use crate::audit::{self, Entry, action};
use crate::organisations;
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Locale, Result};

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
    /// An IANA time zone name, or empty for the platform's.
    pub time_zone: String,
}

/// Changes the password of a signed-in person who knows the current one, and ends their other
/// sessions (`keep_session` is the one in use).
pub async fn change_password(
    core: &Core,
    user: &User,
    current: &str,
    new_password: &str,
    keep_session: &str,
    actor: &Actor,
) -> Result<()> {
    let mut errors = FieldErrors::default();
    if current.is_empty() {
        errors.add("current_password", "field-required");
    }
    validate::new_password(&mut errors, "new_password", new_password);
    errors.into_result()?;
    let mut conn = core.db.pool.acquire().await?;
    let row = store::by_id(&mut conn, &user.id)
        .await?
        .ok_or(Error::NotFound)?;
    drop(conn);
    if !password::verify(current.to_owned(), row.password_hash).await? {
        return Err(Error::field("current_password", "field-password-wrong"));
    }
    let hash = password::hash(new_password.to_owned(), core.config.weak_password_hashing).await?;
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    store::set_password(&mut tx, &user.id, &hash).await?;
    crate::sessions::store::delete_for_user_except(&mut tx, &user.id, keep_session).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::PASSWORD_CHANGED).target("user", &user.id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
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
    let time_zone = input.time_zone.trim();
    if !time_zone.is_empty() && !crate::clock::is_time_zone(time_zone) {
        errors.add("time_zone", "field-choice-invalid");
    }
    errors.into_result()?;
    let languages = input.languages.join(",");
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    store::update_profile(
        &mut tx,
        &user.id,
        &name,
        &org,
        &languages,
        locale.code(),
        time_zone,
    )
    .await?;
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

pub async fn list(core: &Core, query: &str, limit: i64, offset: i64) -> Result<Vec<User>> {
    let mut conn = core.db.pool.acquire().await?;
    Ok(store::list(&mut conn, query, limit, offset)
        .await?
        .into_iter()
        .map(User::from)
        .collect())
}
