//! Applications to offers and their message threads between applicant, host and coordinator.

use super::store;
use super::{Application, ApplicationStatus, ThreadMessage, parse_codes, policy};
use crate::accounts::{Actor, SPOKEN_LANGUAGES, User};
use crate::audit::{self, Entry, action};
use crate::ids::new_id;
use crate::mail::{self, Message};
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Locale, Result};

/// The application form, as typed.
#[derive(Debug, Clone, Default)]
pub struct ApplicationInput {
    /// One of the applicant's organisations (id), or empty with `home_label` typed instead.
    pub home_organisation_id: String,
    pub home_label: String,
    pub role_title: String,
    pub motivation: String,
    pub availability: String,
    pub languages: Vec<String>,
}

/// An application with its thread, as one of its parties sees it.
#[derive(Debug, Clone)]
pub struct ApplicationView {
    pub application: Application,
    pub thread: Vec<ThreadMessage>,
    pub may_write: bool,
    pub may_decide: bool,
    pub may_withdraw: bool,
    /// The agreement drafted from this application, if any.
    pub agreement: Option<String>,
    /// Whether the viewer may draft the agreement (accepted, host or coordinator).
    pub may_draft_agreement: bool,
}

/// The organisations `user` belongs to, for the "home organisation" choice.
pub async fn home_choices(core: &Core, user: &User) -> Result<Vec<(String, String)>> {
    let mut conn = core.db.pool.acquire().await?;
    Ok(store::orgs_of(&mut conn, &user.id).await?)
}

/// Applies to an open offer; the host's members are told by e-mail. Returns the application id.
/// The application of `user` to `offer_id` still under consideration (submitted or
/// shortlisted), if any: a second one is refused, and the person is sent to this one.
pub async fn pending_application(
    core: &Core,
    user: &User,
    offer_id: &str,
) -> Result<Option<String>> {
    let mut conn = core.db.pool.acquire().await?;
    Ok(store::pending_application_of(&mut conn, offer_id, &user.id).await?)
}

pub async fn apply(
    core: &Core,
    user: &User,
    offer_id: &str,
    input: &ApplicationInput,
    actor: &Actor,
) -> Result<String> {
    let mut tx = core.db.begin().await?;
    let offer = store::offer_by_id(&mut tx, offer_id)
        .await?
        .ok_or(Error::NotFound)?;
    let programme = store::programme_by_id(&mut tx, &offer.programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    let s = super::standing(
        &mut tx,
        Some(user),
        &programme,
        Some(&offer.organisation_id),
        None,
    )
    .await?;
    let members_only = offer.visibility == super::Visibility::Members.code();
    if !policy::may_see_offer(
        Some(user),
        s,
        offer.status() == super::OfferStatus::Draft,
        members_only,
    ) {
        return Err(Error::NotFound);
    }
    if !offer.status().is_open() {
        return Err(Error::Conflict("offer-not-open"));
    }
    if !policy::may_apply(Some(user), s) {
        return Err(Error::Forbidden);
    }
    if store::pending_application_of(&mut tx, offer_id, &user.id)
        .await?
        .is_some()
    {
        return Err(Error::Conflict("application-already-pending"));
    }
    let mut e = FieldErrors::default();
    let mine = store::orgs_of(&mut tx, &user.id).await?;
    let home_org = input.home_organisation_id.trim();
    if !home_org.is_empty() && !mine.iter().any(|(id, _)| id == home_org) {
        e.add("home_organisation_id", "field-choice-invalid");
    }
    let home_label = validate::text(&mut e, "home_label", &input.home_label, false, 200);
    if home_org.is_empty() && home_label.is_empty() {
        e.add("home_organisation_id", "application-home-required");
    }
    let role_title = validate::text(&mut e, "role_title", &input.role_title, false, 200);
    let motivation = validate::text(&mut e, "motivation", &input.motivation, true, 8000);
    let availability = validate::text(&mut e, "availability", &input.availability, false, 2000);
    let languages = parse_codes(
        &mut e,
        "languages",
        &input.languages,
        SPOKEN_LANGUAGES,
        false,
    );
    e.into_result()?;
    let now = core.clock.unix();
    let id = new_id();
    store::insert_application(
        &mut tx,
        &store::ApplicationRow {
            id: &id,
            offer_id,
            applicant_id: &user.id,
            home_organisation_id: (!home_org.is_empty()).then_some(home_org),
            home_label: &home_label,
            role_title: &role_title,
            motivation: &motivation,
            availability: &availability,
            languages: &languages,
            is_demo: false,
            now,
        },
    )
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::APPLICATION_SUBMITTED)
            .target("application", &id)
            .subject(&offer.title),
    )
    .await?;
    let link = core.link(&format!("/applications/{id}"));
    for (email, locale, member_id) in
        store::org_member_contacts(&mut tx, &offer.organisation_id).await?
    {
        if member_id == user.id {
            continue;
        }
        let msg = Message::ApplicationReceived {
            applicant: user.name().to_owned(),
            offer: offer.title.clone(),
            link: link.clone(),
        };
        mail::enqueue(
            &mut tx,
            now,
            &email,
            Locale::parse(&locale).unwrap_or(Locale::Fr),
            &msg,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// The application, the viewer's standing towards it, or `NotFound` when they are not a party
/// (an application's existence is private).
async fn load(
    conn: &mut sqlx::AnyConnection,
    user: &User,
    id: &str,
) -> Result<(Application, policy::Standing)> {
    let a = store::application_by_id(conn, id)
        .await?
        .ok_or(Error::NotFound)?;
    let programme = store::programme_by_id(conn, &a.programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    let s = super::standing(
        conn,
        Some(user),
        &programme,
        Some(&a.host_organisation_id),
        Some(&a.applicant_id),
    )
    .await?;
    if !policy::may_see_application(Some(user), s) {
        return Err(Error::NotFound);
    }
    Ok((a, s))
}

/// An application and its thread.
pub async fn application_view(core: &Core, user: &User, id: &str) -> Result<ApplicationView> {
    let mut conn = core.db.pool.acquire().await?;
    let (application, s) = load(&mut conn, user, id).await?;
    let thread = store::thread(&mut conn, id).await?;
    let pending = application.status().is_pending();
    let agreement = super::agreement_store::by_application(&mut conn, id).await?;
    let may_draft_agreement = agreement.is_none()
        && application.status() == ApplicationStatus::Accepted
        && policy::may_decide_application(Some(user), s);
    Ok(ApplicationView {
        agreement,
        may_draft_agreement,
        may_write: policy::may_write_in_thread(Some(user), s),
        may_decide: pending && policy::may_decide_application(Some(user), s),
        may_withdraw: pending && policy::may_withdraw_application(Some(user), s),
        application,
        thread,
    })
}

/// Everyone on the thread but `author`: `(email, locale)`.
async fn other_parties(
    conn: &mut sqlx::AnyConnection,
    a: &Application,
    programme_coordinator: Option<&str>,
    author: &str,
) -> Result<Vec<(String, String)>> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut ids: Vec<String> = vec![a.applicant_id.clone()];
    if let Some(c) = programme_coordinator {
        ids.push(c.to_owned());
    }
    for (email, locale, id) in store::org_member_contacts(conn, &a.host_organisation_id).await? {
        if id != author && !out.iter().any(|(e, _)| *e == email) {
            out.push((email, locale));
        }
    }
    for id in ids {
        if id == author {
            continue;
        }
        if let Some((email, locale, _)) = store::user_contact(conn, &id).await?
            && !out.iter().any(|(e, _)| *e == email)
        {
            out.push((email, locale));
        }
    }
    Ok(out)
}

/// Adds a message to the thread and tells the other parties. The first message from the host's
/// side sets the application's reply time.
pub async fn post_message(core: &Core, user: &User, id: &str, body: &str) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let (a, s) = load(&mut tx, user, id).await?;
    if !policy::may_write_in_thread(Some(user), s) {
        return Err(Error::Forbidden);
    }
    let mut e = FieldErrors::default();
    let body = validate::text(&mut e, "body", body, true, 8000);
    e.into_result()?;
    let now = core.clock.unix();
    store::insert_message(&mut tx, &new_id(), id, &user.id, &body, now).await?;
    if !s.applicant {
        store::record_first_reply(&mut tx, id, now).await?;
    }
    let programme = store::programme_by_id(&mut tx, &a.programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    let link = core.link(&format!("/applications/{id}"));
    for (email, locale) in
        other_parties(&mut tx, &a, programme.coordinator_id.as_deref(), &user.id).await?
    {
        let msg = Message::ThreadMessage {
            author: user.name().to_owned(),
            offer: a.offer_title.clone(),
            link: link.clone(),
        };
        mail::enqueue(
            &mut tx,
            now,
            &email,
            Locale::parse(&locale).unwrap_or(Locale::Fr),
            &msg,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Shortlists, accepts, declines (with a reason) or withdraws an application. The applicant
/// is told of decisions; the host of a withdrawal.
pub async fn set_application_status(
    core: &Core,
    user: &User,
    id: &str,
    to: &str,
    reason: &str,
    actor: &Actor,
) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let (a, s) = load(&mut tx, user, id).await?;
    let to =
        ApplicationStatus::parse(to).ok_or(Error::Conflict("application-transition-invalid"))?;
    let allowed = match to {
        ApplicationStatus::Withdrawn => policy::may_withdraw_application(Some(user), s),
        _ => policy::may_decide_application(Some(user), s),
    };
    if !allowed {
        return Err(Error::Forbidden);
    }
    let from = a.status();
    from.transition(to)?;
    let mut e = FieldErrors::default();
    let reason = validate::text(
        &mut e,
        "reason",
        reason,
        to == ApplicationStatus::Declined,
        2000,
    );
    if to == ApplicationStatus::Declined && reason.is_empty() {
        e = FieldErrors::default();
        e.add("reason", "application-reason-required");
    }
    e.into_result()?;
    let now = core.clock.unix();
    if !store::set_application_status(&mut tx, id, from.code(), to.code(), &reason, now).await? {
        return Err(Error::Conflict("stale-status"));
    }
    if !s.applicant {
        store::record_first_reply(&mut tx, id, now).await?;
    }
    // Accepting as many people as the offer hosts fills it (the host may reopen it).
    if to == ApplicationStatus::Accepted
        && let Some(offer) = store::offer_by_id(&mut tx, &a.offer_id).await?
        && offer.status() == super::OfferStatus::Published
        && store::accepted_count(&mut tx, &offer.id).await? >= offer.places
        && store::set_offer_status(&mut tx, &offer.id, "published", "filled", now).await?
    {
        audit::record(
            &mut tx,
            now,
            actor,
            Entry::new(action::OFFER_STATUS_CHANGED)
                .target("offer", &offer.id)
                .subject(&offer.title)
                .details("filled: every place accepted"),
        )
        .await?;
    }
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::APPLICATION_STATUS_CHANGED)
            .target("application", id)
            .subject(&a.offer_title)
            .details(to.code()),
    )
    .await?;
    let link = core.link(&format!("/applications/{id}"));
    let programme = store::programme_by_id(&mut tx, &a.programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    for (email, locale) in
        other_parties(&mut tx, &a, programme.coordinator_id.as_deref(), &user.id).await?
    {
        let msg = Message::ApplicationStatus {
            offer: a.offer_title.clone(),
            status: to.code().to_owned(),
            reason: reason.clone(),
            link: link.clone(),
        };
        mail::enqueue(
            &mut tx,
            now,
            &email,
            Locale::parse(&locale).unwrap_or(Locale::Fr),
            &msg,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The applications a person made, and those they handle as host or coordinator.
pub async fn my_applications(
    core: &Core,
    user: &User,
) -> Result<(Vec<Application>, Vec<Application>)> {
    let mut conn = core.db.pool.acquire().await?;
    let mine = store::applications_of_applicant(&mut conn, &user.id).await?;
    let to_handle = store::applications_to_manage(&mut conn, &user.id).await?;
    Ok((mine, to_handle))
}
