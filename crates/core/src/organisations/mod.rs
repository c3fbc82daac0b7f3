//! Organisations: creation, details, members with roles, invitations by e-mail.

pub mod cache;
mod model;
pub mod policy;
pub mod store;

pub use model::*;

use crate::accounts::{Actor, User};
use crate::audit::{self, Entry, action};
use crate::ids::{hash_token, new_id, new_token, slugify};
use crate::mail::{self, Message};
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Locale, Result};

/// The organisation form, as typed.
#[derive(Debug, Clone, Default)]
pub struct OrgInput {
    pub name: String,
    pub kind: String,
    pub country: String,
    pub city: String,
    pub website: String,
    pub description: String,
}

/// The organisation form, validated.
#[derive(Debug, Clone)]
pub struct ValidOrg {
    pub name: String,
    pub kind: OrgKind,
    pub country: String,
    pub city: String,
    pub website: String,
    pub description: String,
}

impl OrgInput {
    pub fn parse(&self) -> Result<ValidOrg> {
        let mut errors = FieldErrors::default();
        let name = validate::text(&mut errors, "name", &self.name, true, 200);
        if errors.get("name").is_none() && slugify(&name).is_empty() {
            errors.add("name", "org-name-needs-letters");
        }
        let kind = validate::choice(
            &mut errors,
            "kind",
            &self.kind,
            OrgKind::parse,
            OrgKind::Association,
        );
        let country = validate::choice(
            &mut errors,
            "country",
            &self.country,
            |c| COUNTRIES.iter().find(|x| **x == c).copied(),
            "FR",
        );
        let city = validate::text(&mut errors, "city", &self.city, false, 120);
        let website = validate::website(&mut errors, "website", &self.website);
        let description =
            validate::text(&mut errors, "description", &self.description, false, 4000);
        errors.into_result()?;
        Ok(ValidOrg {
            name,
            kind,
            country: country.to_owned(),
            city,
            website,
            description,
        })
    }
}

/// An organisation as one viewer sees it.
#[derive(Debug, Clone)]
pub struct OrgView {
    pub org: Organisation,
    pub my_role: Option<OrgRole>,
    pub member_count: i64,
}

impl OrgView {
    pub fn may_manage(&self, user: Option<&User>) -> bool {
        policy::may_manage(user, self.my_role)
    }
    pub fn may_see_members(&self, user: Option<&User>) -> bool {
        policy::may_see_members(user, self.my_role)
    }
}

/// Creates an organisation; its creator becomes its first admin. The slug is derived from the
/// name and made unique with a number.
pub async fn create(core: &Core, user: &User, input: &OrgInput, actor: &Actor) -> Result<String> {
    if !policy::may_create(Some(user)) {
        return Err(Error::Forbidden);
    }
    let v = input.parse()?;
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    let base = slugify(&v.name);
    let mut slug = base.clone();
    let mut n = 2;
    while store::slug_taken(&mut tx, &slug).await? {
        slug = format!("{base}-{n}");
        n += 1;
    }
    let id = new_id();
    store::insert(
        &mut tx,
        store::NewOrgRow {
            id: &id,
            slug: &slug,
            name: &v.name,
            kind: v.kind.code(),
            country: &v.country,
            city: &v.city,
            website: &v.website,
            description: &v.description,
            is_demo: false,
            created_by: Some(&user.id),
            now,
        },
    )
    .await
    .map_err(|e| crate::error::on_unique(e, "name", "org-name-taken"))?;
    store::upsert_membership(&mut tx, &id, &user.id, OrgRole::Admin.code(), now).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::ORG_CREATED)
            .target("organisation", &id)
            .subject(&v.name),
    )
    .await?;
    tx.commit().await?;
    Ok(slug)
}

/// An organisation as `user` sees it. Anonymous views may come from the per-instance cache
/// (see [`cache`]); signed-in views always come from the database.
pub async fn view(core: &Core, slug: &str, user: Option<&User>) -> Result<OrgView> {
    let now = core.clock.unix();
    if user.is_none()
        && let Some(cached) = core.caches.public_orgs.get(slug, now)
    {
        return Ok((*cached).clone());
    }
    let mut conn = core.db.pool.acquire().await?;
    let viewer = user.map_or("", |u| u.id.as_str());
    let row = store::view_by_slug(&mut conn, slug, viewer)
        .await?
        .ok_or(Error::NotFound)?;
    let (org, member_count) = (row.org, row.member_count);
    let my_role = row.my_role.as_deref().and_then(OrgRole::parse);
    let view = OrgView {
        org,
        my_role,
        member_count,
    };
    if user.is_none() {
        core.caches.public_orgs.put(view.clone(), now);
    }
    Ok(view)
}

async fn managed(core: &Core, slug: &str, user: &User) -> Result<OrgView> {
    let view = view(core, slug, Some(user)).await?;
    if !view.may_manage(Some(user)) {
        return Err(Error::Forbidden);
    }
    Ok(view)
}

pub async fn update(
    core: &Core,
    user: &User,
    slug: &str,
    input: &OrgInput,
    actor: &Actor,
) -> Result<()> {
    let view = managed(core, slug, user).await?;
    let v = input.parse()?;
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    store::update(
        &mut tx,
        &view.org.id,
        &v.name,
        v.kind.code(),
        &v.country,
        &v.city,
        &v.website,
        &v.description,
    )
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::ORG_UPDATED)
            .target("organisation", &view.org.id)
            .subject(&v.name),
    )
    .await?;
    tx.commit().await?;
    core.caches.public_orgs.forget(&view.org.slug);
    Ok(())
}

pub async fn list(
    core: &Core,
    query: &str,
    kind: &str,
    country: &str,
    limit: i64,
    offset: i64,
) -> Result<Vec<Organisation>> {
    let mut conn = core.db.pool.acquire().await?;
    Ok(store::list(&mut conn, query, kind, country, limit, offset).await?)
}

pub async fn members(core: &Core, view: &OrgView, user: &User) -> Result<Vec<Member>> {
    if !view.may_see_members(Some(user)) {
        return Err(Error::Forbidden);
    }
    let mut conn = core.db.pool.acquire().await?;
    Ok(store::members(&mut conn, &view.org.id).await?)
}

pub async fn pending_invitations(
    core: &Core,
    view: &OrgView,
    user: &User,
) -> Result<Vec<Invitation>> {
    if !view.may_manage(Some(user)) {
        return Err(Error::Forbidden);
    }
    let mut conn = core.db.pool.acquire().await?;
    Ok(store::pending_invitations(&mut conn, &view.org.id, core.clock.unix()).await?)
}

pub async fn memberships_of(core: &Core, user: &User) -> Result<Vec<MembershipSummary>> {
    let mut conn = core.db.pool.acquire().await?;
    Ok(store::memberships_of(&mut conn, &user.id).await?)
}

/// Invites someone by e-mail. The message goes out in the invitee's language when they already
/// have an account, else in the inviter's.
pub async fn invite(
    core: &Core,
    user: &User,
    slug: &str,
    email: &str,
    role: &str,
    actor: &Actor,
) -> Result<()> {
    let view = managed(core, slug, user).await?;
    let mut errors = FieldErrors::default();
    let email = validate::email(&mut errors, "email", email);
    let role = validate::choice(&mut errors, "role", role, OrgRole::parse, OrgRole::Member);
    errors.into_result()?;
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    let invitee = crate::accounts::store::by_email(&mut tx, &email).await?;
    if let Some(invitee) = &invitee
        && store::membership_role(&mut tx, &view.org.id, &invitee.id)
            .await?
            .is_some()
    {
        return Err(Error::field("email", "invite-already-member"));
    }
    if store::has_pending_invitation(&mut tx, &view.org.id, &email, now).await? {
        return Err(Error::field("email", "invite-already-pending"));
    }
    let token = new_token()?;
    let id = new_id();
    store::insert_invitation(
        &mut tx,
        &id,
        &view.org.id,
        &email,
        role.code(),
        &hash_token(&token),
        &user.id,
        now,
        now + INVITATION_TTL,
    )
    .await?;
    let locale = invitee
        .map(|u| Locale::parse(&u.locale).unwrap_or_default())
        .unwrap_or(user.locale);
    let message = Message::Invitation {
        inviter: user.name().to_owned(),
        organisation: view.org.name.clone(),
        link: core.link(&format!("/invitations/{token}")),
    };
    mail::enqueue(&mut tx, now, &email, locale, &message).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::MEMBER_INVITED)
            .target("organisation", &view.org.id)
            .subject(&email)
            .details(role.code()),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What an invitation link shows before it is accepted.
#[derive(Debug, Clone)]
pub struct InvitationView {
    pub invitation: Invitation,
    pub org: Organisation,
    pub usable: bool,
}

pub async fn invitation(core: &Core, token: &str) -> Result<InvitationView> {
    let mut conn = core.db.pool.acquire().await?;
    let invitation = store::invitation_by_token(&mut conn, &hash_token(token))
        .await?
        .ok_or(Error::NotFound)?;
    let org = store::by_id(&mut conn, &invitation.organisation_id)
        .await?
        .ok_or(Error::NotFound)?;
    let now = core.clock.unix();
    let usable = invitation.accepted_at.is_none()
        && invitation.revoked_at.is_none()
        && invitation.expires_at > now;
    Ok(InvitationView {
        invitation,
        org,
        usable,
    })
}

/// Accepts an invitation with the account it was sent to.
pub async fn accept(core: &Core, user: &User, token: &str, actor: &Actor) -> Result<String> {
    let view = invitation(core, token).await?;
    if !view.usable {
        return Err(Error::Conflict("invitation-unusable"));
    }
    if view.invitation.email != user.email {
        return Err(Error::Conflict("invitation-other-address"));
    }
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    if !store::accept_invitation(&mut tx, &view.invitation.id, now).await? {
        return Err(Error::Conflict("invitation-unusable"));
    }
    // Someone already a member keeps the higher of the two roles.
    let current = store::membership_role(&mut tx, &view.org.id, &user.id).await?;
    let role = if current.as_deref() == Some("admin") {
        "admin"
    } else {
        view.invitation.role.as_str()
    };
    store::upsert_membership(&mut tx, &view.org.id, &user.id, role, now).await?;
    // Accepting proves the address, like a confirmation link.
    crate::accounts::store::set_confirmed(&mut tx, &user.id, now).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::MEMBER_JOINED)
            .target("organisation", &view.org.id)
            .subject(&user.email)
            .details(role),
    )
    .await?;
    tx.commit().await?;
    core.caches.public_orgs.forget(&view.org.slug);
    Ok(view.org.slug)
}

pub async fn revoke_invitation(
    core: &Core,
    user: &User,
    slug: &str,
    invitation_id: &str,
    actor: &Actor,
) -> Result<()> {
    let view = managed(core, slug, user).await?;
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    let email = store::revoke_invitation(&mut tx, &view.org.id, invitation_id, now)
        .await?
        .ok_or(Error::NotFound)?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::INVITATION_REVOKED)
            .target("organisation", &view.org.id)
            .subject(&email),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Changes a member's role; an organisation always keeps at least one admin.
pub async fn set_member_role(
    core: &Core,
    user: &User,
    slug: &str,
    member_id: &str,
    role: &str,
    actor: &Actor,
) -> Result<()> {
    let view = managed(core, slug, user).await?;
    let role = OrgRole::parse(role).ok_or_else(|| Error::field("role", "field-choice-invalid"))?;
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    let current = store::membership_role(&mut tx, &view.org.id, member_id)
        .await?
        .ok_or(Error::NotFound)?;
    if current == "admin"
        && role != OrgRole::Admin
        && store::count_admins(&mut tx, &view.org.id).await? <= 1
    {
        return Err(Error::Conflict("last-org-admin"));
    }
    store::upsert_membership(&mut tx, &view.org.id, member_id, role.code(), now).await?;
    let details = format!("{current} -> {}", role.code());
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::MEMBER_ROLE_CHANGED)
            .target("user", member_id)
            .subject(&view.org.name)
            .details(&details),
    )
    .await?;
    tx.commit().await?;
    core.caches.public_orgs.forget(&view.org.slug);
    Ok(())
}

/// Removes a member (admins), or lets a member leave; the last admin cannot go.
pub async fn remove_member(
    core: &Core,
    user: &User,
    slug: &str,
    member_id: &str,
    actor: &Actor,
) -> Result<()> {
    let view = view(core, slug, Some(user)).await?;
    let leaving = member_id == user.id && view.my_role.is_some();
    if !leaving && !view.may_manage(Some(user)) {
        return Err(Error::Forbidden);
    }
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    let current = store::membership_role(&mut tx, &view.org.id, member_id)
        .await?
        .ok_or(Error::NotFound)?;
    if current == "admin" && store::count_admins(&mut tx, &view.org.id).await? <= 1 {
        return Err(Error::Conflict("last-org-admin"));
    }
    store::delete_membership(&mut tx, &view.org.id, member_id).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::MEMBER_REMOVED)
            .target("user", member_id)
            .subject(&view.org.name),
    )
    .await?;
    tx.commit().await?;
    core.caches.public_orgs.forget(&view.org.slug);
    Ok(())
}
